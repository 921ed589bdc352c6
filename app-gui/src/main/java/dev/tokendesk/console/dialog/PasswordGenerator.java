package dev.tokendesk.console.dialog;

import java.security.SecureRandom;

/**
 * Generates random passwords of {@value #LENGTH} characters from upper- and lower-case letters,
 * digits and symbols, with at least one of each. That is roughly 114 bits of entropy, an estimate
 * from 16 free characters out of 71 plus one from each class. Characters that look
 * alike ({@code 0 O 1 l I}) are left out, so a password read from the screen is typed right.
 *
 * <p>Thread-safe.
 */
public final class PasswordGenerator {

    public static final int LENGTH = 20;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%&*+-=?@^_~";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    /** Returns a new password. */
    public String generate() {
        char[] password = new char[LENGTH];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            password[i] = pick(ALL);
        }
        // Fisher-Yates shuffle, so the guaranteed classes sit at random positions.
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
