package dev.tokendesk.testing;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.TokenDeskConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens real TokenDesk installations for tests: on a fresh H2 file in the data directory, or,
 * when the system property {@value #DATABASE_PROPERTY} is {@code postgres}, on a fresh database
 * of the embedded PostgreSQL server shared by the test JVM. Opening the same data directory
 * again reaches the same database in both modes.
 */
public final class TestDesks {

    /** Start time of every {@link MutableClock} made here. */
    public static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    /** System property that selects the database of the suite: {@code h2} (the default) or {@code postgres}. */
    public static final String DATABASE_PROPERTY = "tokendesk.test.database";

    private static final Map<Path, String> POSTGRES_URLS = new ConcurrentHashMap<>();

    private TestDesks() {
    }

    /** Returns whether this test run uses PostgreSQL instead of H2. */
    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(DATABASE_PROPERTY, "h2"));
    }

    /** Opens an installation in {@code dataDir} with the system clock and port 0. */
    public static TokenDesk open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Opens an installation in {@code dataDir} with {@code clock} and port 0, ignoring the process environment. */
    public static TokenDesk open(Path dataDir, Clock clock) {
        return TokenDesk.open(config(dataDir), clock, Map.of());
    }

    /** Opens an installation whose background tasks never run, so statement counts cover only the test's own work. */
    public static TokenDesk openQuiet(Path dataDir, Clock clock) {
        return TokenDesk.openWithoutBackgroundTasks(config(dataDir), clock, Map.of());
    }

    /** Returns the configuration for {@code dataDir} with port 0, on the database this test run uses. */
    public static TokenDeskConfig config(Path dataDir) {
        TokenDeskConfig config = h2Config(dataDir);
        if (!onPostgres()) {
            return config;
        }
        return config.withDatabase(postgresUrl(config.dataDir()), TestPostgres.USER, null);
    }

    /** Returns the configuration for the H2 file in {@code dataDir} with port 0, whatever database this test run uses. */
    public static TokenDeskConfig h2Config(Path dataDir) {
        return TokenDeskConfig.defaults(dataDir).withPort(0);
    }

    /**
     * Prepares {@code dataDir} for the command line: on PostgreSQL, writes the database URL and
     * user into its {@code tokendesk.properties}, so {@code --data-dir} alone reaches the same
     * database as {@link #open}. Does nothing on H2.
     */
    public static void prepareForCommandLine(Path dataDir) {
        if (!onPostgres()) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("db.url", postgresUrl(dataDir.toAbsolutePath().normalize()));
        properties.setProperty("db.user", TestPostgres.USER);
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(dataDir.resolve(ConfigResolver.PROPERTIES_FILE), StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by TestDesks for the PostgreSQL test run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String postgresUrl(Path dataDir) {
        return POSTGRES_URLS.computeIfAbsent(dataDir, dir -> TestPostgres.createMigratedDatabase());
    }
}
