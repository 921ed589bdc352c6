package dev.tokendesk.console.settings;

import dev.tokendesk.config.ConfigResolver;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * Writes settings to {@code tokendesk.properties} in the data directory, where
 * {@link ConfigResolver} reads them at the next start. Other keys in the file are kept.
 * Stateless and thread-safe, but two concurrent saves of one file may lose one update.
 */
public final class SettingsFile {

    /** Key of the port, as {@link ConfigResolver} reads it. */
    public static final String PORT_KEY = "port";
    /** Key of the bind address, as {@link ConfigResolver} reads it. */
    public static final String BIND_KEY = "bind";
    /** Key of the JWT lifetime, such as {@code 30d}. */
    public static final String JWT_LIFETIME_KEY = "jwt.lifetime";
    /** Key of the expiry the token form preselects, such as {@code 30d} or {@code never}. */
    public static final String TOKEN_EXPIRY_KEY = "token.default-expiry";
    /** Key of the comma-separated CORS origins. */
    public static final String CORS_ORIGINS_KEY = "cors.origins";

    private SettingsFile() {
    }

    /**
     * Sets {@code bind} and {@code port} in the data directory's properties file, creating it if needed.
     *
     * @return the file written
     * @throws IOException when the file cannot be read or replaced
     */
    public static Path save(Path dataDir, String bindAddress, int port) throws IOException {
        return update(dataDir, Map.of(BIND_KEY, bindAddress, PORT_KEY, Integer.toString(port)));
    }

    /**
     * Sets each of {@code values} in the data directory's properties file, creating it if needed.
     *
     * @return the file written
     * @throws IOException when the file cannot be read or replaced
     */
    public static Path update(Path dataDir, Map<String, String> values) throws IOException {
        Path file = dataDir.resolve(ConfigResolver.PROPERTIES_FILE);
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        values.forEach(properties::setProperty);

        // NOTE: comments in an existing file are not kept, because Properties does not read them.
        // The file may also hold db.password, so it is replaced in one move and never half-written.
        Path temporary = Files.createTempFile(dataDir, ConfigResolver.PROPERTIES_FILE, ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "TokenDesk settings, partly written by the console's Settings screen");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
