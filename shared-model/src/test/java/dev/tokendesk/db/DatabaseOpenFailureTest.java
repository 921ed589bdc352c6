package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.config.TokenDeskConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's bootstrap starts before the pool opens the database. When the pool cannot open it,
 * the caller gets the pool's failure, and the bootstrap thread ends.
 */
@Tag("h2-only")
class DatabaseOpenFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void refusedConnectionNamesUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/tokendesk";
        TokenDeskConfig config = new TokenDeskConfig(dataDir, url, "tokendesk", null, "127.0.0.1", 0, Duration.ofHours(1));

        assertThatThrownBy(() -> Database.open(config, Entities.ALL))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Cannot open the database " + url);

        Thread bootstrap = bootstrapThread();
        if (bootstrap != null) {
            bootstrap.join(Duration.ofSeconds(30).toMillis());
            assertThat(bootstrap.isAlive()).as("the Hibernate bootstrap thread after the pool failed").isFalse();
        }
    }

    private static Thread bootstrapThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("hibernate-bootstrap"))
                .findFirst()
                .orElse(null);
    }
}
