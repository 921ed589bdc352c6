package dev.tokendesk.db;

/** Builds {@code LIKE} patterns that match a typed text literally, on H2 and PostgreSQL alike. */
public final class LikePatterns {

    /** Escape character to declare with {@code like :pattern escape '!'}. */
    public static final char ESCAPE = '!';

    private LikePatterns() {
    }

    /** Returns a pattern that matches values containing {@code text}, with {@code %}, {@code _} and {@code !} escaped. */
    public static String containing(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 2).append('%');
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
