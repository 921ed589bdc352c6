package dev.tokendesk.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encodes nested maps and lists as a query string the way the JavaScript {@code qs} library's
 * {@code stringify} does with its default indexed array format: {@code {filters: {name: {$eq: "x"}}}}
 * becomes {@code filters[name][$eq]=x}. With {@code encodeValuesOnly} the brackets stay raw, as
 * Strapi's documentation shows; otherwise keys are percent-encoded too ({@code filters%5Bname%5D}).
 * Values are percent-encoded as RFC 3986 requires, so a space is {@code %20}.
 */
final class QsEncoder {

    private QsEncoder() {
    }

    static String encode(Map<String, ?> query, boolean encodeValuesOnly) {
        StringJoiner parts = new StringJoiner("&");
        query.forEach((key, value) -> append(parts, key, value, encodeValuesOnly));
        return parts.toString();
    }

    private static void append(StringJoiner parts, String prefix, Object value, boolean encodeValuesOnly) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> append(parts, prefix + "[" + key + "]", child, encodeValuesOnly));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                append(parts, prefix + "[" + i + "]", list.get(i), encodeValuesOnly);
            }
        } else {
            String key = encodeValuesOnly ? prefix : percentEncode(prefix);
            parts.add(key + "=" + percentEncode(String.valueOf(value)));
        }
    }

    /** Percent-encodes every byte except the RFC 3986 unreserved characters, as JavaScript's encodeURIComponent and qs do. */
    static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
