package dev.tokendesk.testing;

import dev.tokendesk.TokenDesk;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens TokenDesk installations on fresh databases of an embedded PostgreSQL server that a test class started. */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    /**
     * Creates a new, empty database on {@code postgres} and opens an installation on it, so tests
     * do not see each other's rows; {@code dataDir} holds only the key files.
     */
    public static TokenDesk openFreshDatabase(EmbeddedPostgres postgres, Path dataDir) {
        String database = "tokendesk_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        return TokenDesk.open(TestDesks.config(dataDir).withDatabase(url, "postgres", null), Clock.systemUTC(), Map.of());
    }
}
