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
        if (text == null || (!text.contains(TokenFormat.PREFIX) && !text.contains("eyJ"))) {
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
