package dev.tokendesk.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request for {@link HttpFuzzTest}.
 *
 * @param method the request method as sent
 * @param target the request target: path and query, sent as is
 * @param headers header lines in order, repeats allowed
 * @param body the body, or null for none
 * @param raw whether to send over a raw socket instead of the HTTP client
 * @param malformed whether the request is not valid HTTP, so Undertow's parser may reject it with
 *     a bare 400 or close the connection before any handler runs
 * @param rawPrefix bytes sent in place of the request line when not null, for broken request lines
 */
record FuzzRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body, boolean raw, boolean malformed,
                   String rawPrefix) {

    /** Returns the request as bytes for a raw socket, with {@code Connection: close} so the server ends the response. */
    byte[] rawBytes() {
        StringBuilder head = new StringBuilder();
        head.append(rawPrefix != null ? rawPrefix : method + " " + target + " HTTP/1.1").append("\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        String shownTarget = target.length() > 300 ? target.substring(0, 300) + "…(" + target.length() + " characters)" : target;
        String shownBody = body == null ? "none" : body.length > 300 ? new String(body, 0, 300, StandardCharsets.UTF_8) + "…(" + body.length + " bytes)"
                : new String(body, StandardCharsets.UTF_8);
        return (raw ? "raw " : "") + (rawPrefix != null ? "[" + rawPrefix + "] " : "") + method + " " + shownTarget + " headers " + headers
                + " body " + shownBody;
    }
}
