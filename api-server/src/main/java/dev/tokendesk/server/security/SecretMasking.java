package dev.tokendesk.server.security;

import dev.tokendesk.token.TokenFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a credential in text that leaves the server: error messages and
 * request log lines. A client that puts its token in the wrong place (a mistyped parameter name,
 * the path, a filter value) must not get it echoed back or see it kept in the log.
 */
public final class SecretMasking {

    private static final Pattern API_TOKEN = Pattern.compile(TokenFormat.PREFIX + "[0-9A-Za-z]{" + (TokenFormat.LENGTH - TokenFormat.PREFIX.length()) + "}");
    /**
     * The start of a token cut short, as in a shortened value that an error message quotes: eight
     * or more characters of the token alphabet after the prefix are enough to mask.
     */
    private static final Pattern TOKEN_PREFIX = Pattern.compile(TokenFormat.PREFIX + "[0-9A-Za-z]{8,}");
    /** A JWT: three base64url parts, the first starting with {@code eyJ} as every JSON header does. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private SecretMasking() {
    }

    /**
     * Returns {@code text} with API tokens replaced by their hint, the start of a token cut short
     * by {@code tdk_…}, and JWTs by {@code eyJ…}.
     */
    public static String mask(String text) {
        if (text == null || !mayHoldSecret(text)) {
            return text;
        }
        Matcher tokens = API_TOKEN.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (tokens.find()) {
            tokens.appendReplacement(masked, Matcher.quoteReplacement(TokenFormat.displayHint(TokenFormat.hintOf(tokens.group()))));
        }
        tokens.appendTail(masked);
        String partialMasked = TOKEN_PREFIX.matcher(masked).replaceAll(Matcher.quoteReplacement(TokenFormat.PREFIX + "\u2026"));
        return JWT.matcher(partialMasked).replaceAll("eyJ\u2026");
    }

    /**
     * Returns whether some pattern above could match: the prefix followed by eight token
     * characters, or {@code eyJ} followed by four base64url characters. Every request's path and
     * query pass through here, and most hold neither, so this scan saves the regular expressions.
     */
    private static boolean mayHoldSecret(String text) {
        return followedBy(text, TokenFormat.PREFIX, 8, false) || followedBy(text, "eyJ", 4, true);
    }

    private static boolean followedBy(String text, String start, int count, boolean base64url) {
        for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
            int from = at + start.length();
            int run = 0;
            while (run < count && from + run < text.length() && isSecretChar(text.charAt(from + run), base64url)) {
                run++;
            }
            if (run == count) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecretChar(char c, boolean base64url) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (base64url && (c == '-' || c == '_'));
    }

    /** Returns a copy of a JSON-like tree of maps, lists and strings with every string masked. */
    public static Object maskTree(Object value) {
        if (value instanceof String text) {
            return mask(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(key, maskTree(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(maskTree(child)));
            return copy;
        }
        return value;
    }
}
