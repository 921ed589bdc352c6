package dev.tokendesk.server.security;

import dev.tokendesk.token.TokenFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** Finds and removes the {@code token} parameter in a raw query string. */
public final class QueryToken {

    public static final String PARAMETER = "token";

    private QueryToken() {
    }

    /** Returns whether a query parameter name is the token parameter or a bracketed form of it such as {@code token[0]}. */
    public static boolean isTokenParameter(String name) {
        return name.equals(PARAMETER) || name.startsWith(PARAMETER + "[");
    }

    /** Returns {@code query} without any token parameter; the other parameters keep their order and encoding. */
    public static String remove(String query) {
        return rewrite(query, null);
    }

    /**
     * Returns {@code query} with each token value replaced by its hint ({@code tdk_…abcd}) when it
     * is well-formed, or by {@code ***} otherwise, for logs.
     */
    public static String redact(String query) {
        return rewrite(query, value -> TokenFormat.isWellFormed(value) ? TokenFormat.displayHint(TokenFormat.hintOf(value)) : "***");
    }

    /**
     * Returns {@code query} without its token parameters, or with each value replaced when
     * {@code replacement} is not null. A query without a token parameter comes back as the same
     * string. The builder starts only at the first token parameter, so most queries cost one scan.
     */
    private static String rewrite(String query, UnaryOperator<String> replacement) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        if (!mayNameToken(query)) {
            return query;
        }
        if (query.startsWith(PARAMETER + "=") && query.indexOf('&') < 0) {
            // The token alone, as most clients send it.
            return replacement == null ? "" : PARAMETER + "=" + replacement.apply(decodeIfNeeded(query.substring(PARAMETER.length() + 1)));
        }
        StringBuilder rewritten = null;
        boolean hasParts = false;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', start);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            boolean token = isTokenName(query, start, nameEnd);
            if (token && rewritten == null) {
                // The parts before this one stay as they were sent.
                rewritten = new StringBuilder(query.length());
                rewritten.append(query, 0, Math.max(0, start - 1));
                hasParts = start > 0;
            }
            if (rewritten != null && (!token || replacement != null)) {
                if (hasParts) {
                    rewritten.append('&');
                }
                if (token) {
                    String value = nameEnd == end ? "" : decodeIfNeeded(query.substring(nameEnd + 1, end));
                    rewritten.append(query, start, nameEnd).append('=').append(replacement.apply(value));
                } else {
                    rewritten.append(query, start, end);
                }
                hasParts = true;
            }
            start = end + 1;
        }
        if (rewritten == null) {
            return query;
        }
        // Empty parts at the end carry nothing.
        int length = rewritten.length();
        while (length > 0 && rewritten.charAt(length - 1) == '&') {
            length--;
        }
        rewritten.setLength(length);
        return rewritten.toString();
    }

    /**
     * Returns false only when no parameter name can be the token parameter: the query neither
     * contains {@code token} nor has a percent-encoded character that could spell it.
     */
    private static boolean mayNameToken(String query) {
        return query.contains(PARAMETER) || query.indexOf('%') >= 0;
    }

    /**
     * Returns whether the raw name from {@code start} to {@code end} of {@code query} is a token
     * parameter name. A name without escapes is compared in place; only an escaped one is decoded.
     */
    private static boolean isTokenName(String query, int start, int end) {
        if (start >= end || (query.charAt(start) != 't' && query.charAt(start) != '%')) {
            return false;
        }
        for (int at = start; at < end; at++) {
            char c = query.charAt(at);
            if (c == '%' || c == '+') {
                return isTokenParameter(decode(query.substring(start, end)));
            }
        }
        int length = end - start;
        return query.startsWith(PARAMETER, start)
                && (length == PARAMETER.length() || query.charAt(start + PARAMETER.length()) == '[');
    }

    private static String decodeIfNeeded(String text) {
        return text.indexOf('%') >= 0 || text.indexOf('+') >= 0 ? decode(text) : text;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
