package dev.tokendesk.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisation of names that people type: user names, emails and role names.
 *
 * <p>A stored name is trimmed and in Unicode NFC. Its key, used for uniqueness and look-up, is
 * additionally case-folded, so {@code Alice}, {@code alice } and {@code ALICE} are one user.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Returns {@code value} trimmed and in NFC. */
    public static String normalize(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** Returns the case-insensitive look-up key of {@code value}. */
    public static String key(String value) {
        String folded = normalize(value).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }
}
