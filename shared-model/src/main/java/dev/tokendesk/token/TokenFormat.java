package dev.tokendesk.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The API token format, version 1: {@code tdk_}, 43 base62 characters that encode 256 random
 * bits, and 6 base62 characters of the CRC32 of those 43 characters, 53 characters in all.
 *
 * <p>The alphabet is URL-safe, so a token needs no escaping in {@code ?token=}. The checksum
 * lets the server reject typos and garbage without a database look-up, and gives secret scanners
 * a way to tell a real token from a look-alike. Thread-safe.
 */
public final class TokenFormat {

    public static final String PREFIX = "tdk_";
    public static final int RANDOM_LENGTH = 43;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private final SecureRandom random;

    public TokenFormat(SecureRandom random) {
        this.random = random;
    }

    /** Generates a new token from 256 bits of {@code SecureRandom} output. */
    public String generate() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String body = encode(new BigInteger(1, bits), RANDOM_LENGTH);
        return PREFIX + body + checksum(body);
    }

    /** Returns whether {@code token} has the prefix, length, alphabet and checksum of a token. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (digitValue(token.charAt(i)) < 0) {
                return false;
            }
        }
        // One update over the whole body rather than one call per character.
        byte[] body = new byte[RANDOM_LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body[i] = (byte) token.charAt(PREFIX.length() + i);
        }
        CRC32 crc = new CRC32();
        crc.update(body, 0, RANDOM_LENGTH);
        long stated = 0;
        for (int i = PREFIX.length() + RANDOM_LENGTH; i < LENGTH; i++) {
            stated = stated * ALPHABET.length() + digitValue(token.charAt(i));
        }
        return stated == crc.getValue();
    }

    /** Returns the hint shown in place of a token: {@code tdk_…} and its last four characters. */
    public static String hintOf(String token) {
        return token.substring(token.length() - 4);
    }

    /** Formats a stored hint for display, as in {@code tdk_…abcd}. */
    public static String displayHint(String hint) {
        return PREFIX + "\u2026" + hint;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return encode(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    /** Returns the value of a base62 digit, or -1 for a character outside the alphabet. */
    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }

    private static String encode(BigInteger value, int length) {
        char[] digits = new char[length];
        BigInteger rest = value;
        for (int i = length - 1; i >= 0; i--) {
            BigInteger[] quotientAndRemainder = rest.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(quotientAndRemainder[1].intValue());
            rest = quotientAndRemainder[0];
        }
        return new String(digits);
    }
}
