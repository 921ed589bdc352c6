package dev.tokendesk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Finds the per-user default data directory of the operating system in use. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * Returns the default data directory: {@code $XDG_DATA_HOME/tokendesk} (or
     * {@code ~/.local/share/tokendesk}) on Linux, {@code ~/Library/Application Support/TokenDesk}
     * on macOS and {@code %APPDATA%\TokenDesk} on Windows.
     */
    public static Path defaultLocation(Map<String, String> env, String osName, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = isBlank(appData) ? userHome.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("TokenDesk");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("TokenDesk");
        }
        String xdgDataHome = env.get("XDG_DATA_HOME");
        Path base = isBlank(xdgDataHome) ? userHome.resolve(".local").resolve("share") : Path.of(xdgDataHome);
        return base.resolve("tokendesk");
    }

    /** Returns the default data directory of the running JVM's user. */
    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /**
     * Creates {@code directory} and any missing parents; directories created here are readable by
     * their owner only, because the data directory contains password hashes and keys.
     *
     * @throws IOException when a directory cannot be created
     */
    public static void createPrivate(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        java.util.List<Path> missing = new java.util.ArrayList<>();
        for (Path current = absolute; current != null && !Files.exists(current); current = current.getParent()) {
            missing.add(0, current);
        }
        for (Path created : missing) {
            Files.createDirectory(created);
            try {
                Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // NOTE: on Windows the directory keeps the ACL inherited from the user's profile.
                return;
            }
        }
    }

    /**
     * Checks that this process can list, read and write {@code dataDir}.
     *
     * @throws StartupRefusedException when it is not a directory or lacks read, write or search permission
     */
    public static void checkUsable(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new StartupRefusedException("The data directory " + dataDir + " is not a directory. Choose another --data-dir.");
        }
        // NOTE: the root user passes these checks whatever the permissions are, because access() ignores them for root.
        if (!Files.isReadable(dataDir) || !Files.isWritable(dataDir) || !Files.isExecutable(dataDir)) {
            throw new StartupRefusedException("The data directory " + dataDir + " is not readable and writable by this user ("
                    + System.getProperty("user.name") + "). Give the user access with 'chmod 700 " + dataDir
                    + "' and, if another user owns it, 'chown'. TokenDesk did not change it.");
        }
    }

    /**
     * Makes {@code file} readable and writable by its owner only, where the file system has POSIX
     * permissions.
     *
     * @throws IOException when the permissions cannot be changed
     */
    public static void restrictFileToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // NOTE: on Windows the file keeps the ACL inherited from its directory.
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
