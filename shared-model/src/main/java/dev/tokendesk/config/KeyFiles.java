package dev.tokendesk.config;

import dev.tokendesk.TokenDeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Loads a secret key from an environment variable or a key file in the data directory, creating
 * the file with 32 random bytes (mode 0600 where the file system supports it) on first use.
 *
 * <p>Keys live outside the database, so a copy of the database alone cannot forge a JWT or match
 * a guessed token against the stored hashes.
 */
public final class KeyFiles {

    private static final int KEY_BYTES = 32;

    private KeyFiles() {
    }

    /**
     * Returns the key from {@code envVariable} (base64) if it is set, otherwise from {@code file}.
     *
     * @throws TokenDeskException when the variable or file contains no valid key of at least 32 bytes,
     *     or the file cannot be written; the message names the variable or file, never the key
     */
    public static byte[] loadOrCreate(Path file, String envVariable, Map<String, String> env) {
        String fromEnv = env.get(envVariable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return decode(fromEnv.strip(), "environment variable " + envVariable);
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "key file " + file);
        } catch (IOException e) {
            throw new TokenDeskException("Cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        DataDirectory.createPrivate(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use its key.
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // NOTE: on Windows the file keeps the ACL of the user's profile directory.
        }
        Files.writeString(file, encoded, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] decode(String encoded, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new TokenDeskException("The " + source + " is not valid base64");
        }
        if (key.length < KEY_BYTES) {
            throw new TokenDeskException("The " + source + " contains " + key.length + " bytes, but at least " + KEY_BYTES + " are required: delete the file to generate a new key");
        }
        return key;
    }
}
