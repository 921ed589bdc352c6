package dev.tokendesk.server.security;

import dev.tokendesk.token.TokenFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

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

    private static String rewrite(String query, java.util.function.UnaryOperator<String> replacement) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        if (!mayNameToken(query)) {
            return query;
        }
        for (String part : query.split("&")) {
            int equals = part.indexOf('=');
            String rawName = equals < 0 ? part : part.substring(0, equals);
            if (!mayDecodeToToken(rawName) || !isTokenParameter(decodeIfNeeded(rawName))) {
                kept.add(part);
            } else if (replacement != null) {
                String value = equals < 0 ? "" : decodeIfNeeded(part.substring(equals + 1));
                kept.add(rawName + "=" + replacement.apply(value));
            }
        }
        return kept.toString();
    }

    /**
     * Returns false only when no parameter name can be the token parameter: the query neither
     * contains {@code token} nor has a percent-encoded character that could spell it.
     */
    private static boolean mayNameToken(String query) {
        return query.contains(PARAMETER) || query.indexOf('%') >= 0;
    }

    /** Returns false for a raw name that cannot decode to a token parameter name: it starts neither with {@code t} nor with an escape. */
    private static boolean mayDecodeToToken(String rawName) {
        return !rawName.isEmpty() && (rawName.charAt(0) == 't' || rawName.charAt(0) == '%');
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
