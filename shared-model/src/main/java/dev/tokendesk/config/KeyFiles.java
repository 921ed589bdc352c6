package dev.tokendesk.config;

import dev.tokendesk.TokenDeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
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
    private static final Set<PosixFilePermission> EXPOSED = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private KeyFiles() {
    }

    /**
     * Returns the key from {@code envVariable} (base64) if it is set, otherwise from {@code file}.
     *
     * @throws TokenDeskException when the variable or file contains no valid key of at least 32 bytes,
     *     or the file cannot be written; the message names the variable or file, never the key
     */
    public static byte[] loadOrCreate(Path file, String envVariable, Map<String, String> env) {
        return loadOrCreate(file, envVariable, env, () -> { });
    }

    /**
     * Returns the key like {@link #loadOrCreate(Path, String, Map)}, but runs {@code beforeCreate}
     * before a missing file is created, so the caller can reject the creation by throwing.
     *
     * @throws StartupRefusedException when the file is readable or writable by group or others
     */
    public static byte[] loadOrCreate(Path file, String envVariable, Map<String, String> env, Runnable beforeCreate) {
        String fromEnv = env.get(envVariable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return decode(fromEnv.strip(), "environment variable " + envVariable);
        }
        try {
            if (!Files.exists(file)) {
                beforeCreate.run();
                create(file);
            }
            checkPrivate(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "key file " + file);
        } catch (IOException e) {
            throw new TokenDeskException("Cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkPrivate(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            // NOTE: on Windows the ACL is not checked.
            return;
        }
        if (!Collections.disjoint(permissions, EXPOSED)) {
            throw new StartupRefusedException("The key file " + file + " is accessible to other users (permissions "
                    + PosixFilePermissions.toString(permissions) + "), so its key may have leaked. Run 'chmod 600 " + file
                    + "' and start again; if others may have read it, rotate the keys by restoring a backup taken before the exposure "
                    + "or by issuing new tokens.");
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
