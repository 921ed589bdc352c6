package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokendesk.TokenDesk;
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

    @Test
    void silentServerFailsStart() throws Exception {
        // The socket is bound and listening, so connections succeed, but nothing ever responds.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/tokendesk";
            TokenDeskConfig config = new TokenDeskConfig(dataDir, url, "tokendesk", null, "127.0.0.1", 0, Duration.ofHours(1));

            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> TokenDesk.open(config).close())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining(url));
        }
    }

    private static Thread bootstrapThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("hibernate-bootstrap"))
                .findFirst()
                .orElse(null);
    }
}
