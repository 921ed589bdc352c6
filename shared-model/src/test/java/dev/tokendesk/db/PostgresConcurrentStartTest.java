package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several instances starting at once on one fresh PostgreSQL database: Flyway's lock lets exactly one of them migrate. */
@Tag("own-postgres")
class PostgresConcurrentStartTest {

    private static final int INSTANCES = 4;

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    @Test
    void migrationsRunOnceOnConcurrentStart() throws Exception {
        String url = TestPostgres.createEmptyDatabase(postgres);
        CountDownLatch ready = new CountDownLatch(INSTANCES);
        List<Callable<TokenDesk>> starts = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Path keys = dataDir.resolve("instance-" + i);
            starts.add(() -> {
                ready.countDown();
                ready.await();
                return TokenDesk.open(TestDesks.h2Config(keys).withDatabase(url, TestPostgres.USER, null), Clock.systemUTC(), Map.of());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        List<TokenDesk> desks = new ArrayList<>();
        try {
            for (Future<TokenDesk> start : pool.invokeAll(starts)) {
                desks.add(start.get());
            }

            assertThat(desks).hasSize(INSTANCES);
            assertThat(count(url, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .isEqualTo(count(url, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"));
            assertThat(count(url, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
            assertThat(count(url, "SELECT count(*) FROM roles WHERE name = 'Public'")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM change_versions")).isEqualTo(ChangeEvent.Kind.values().length);
        } finally {
            pool.shutdownNow();
            desks.forEach(TokenDesk::close);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, null);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
