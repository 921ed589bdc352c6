package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in its own JVM on PostgreSQL, killed with SIGKILL while clients create entries and tokens. */
@Tag("own-postgres")
class PostgresCrashTest {

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path work;

    @Test
    void killKeepsAcknowledgedWrites() throws Exception {
        Path dataDir = work.resolve("data");
        String dbUrl;
        String bobToken;
        try (TokenDesk desk = TestPostgres.openFreshDatabase(postgres, dataDir)) {
            bobToken = new ApiFixture(desk).tokenB;
            dbUrl = desk.config().dbUrl();
        }
        String[] deskOptions = {"--data-dir", dataDir.toString(), "--db-url", dbUrl, "--db-user", "postgres"};
        ServeProcess server = ServeProcess.serve(work.resolve("serve.err"), Map.of(), deskOptions);
        TokenIssuer issuer = new TokenIssuer(work, Map.of(), deskOptions);
        Set<String> written;
        List<String> issued;
        try (WriteLoad load = new WriteLoad(server.baseUrl(), "Bearer " + bobToken, 4, 500, 200)) {
            load.awaitFirstWrites();
            issued = issuer.issueWhileRunning(2);

            server.kill();

            written = load.finish();
            assertThat(load.unexpectedStatuses()).isEmpty();
        }

        assertThat(written).hasSizeGreaterThanOrEqualTo(200);
        assertThat(issued).as(String.join("\n", issuer.failures())).hasSize(2);
        try (TokenDesk reopened = TokenDesk.open(TestDesks.config(dataDir).withDatabase(dbUrl, "postgres", null), Clock.systemUTC(), Map.of())) {
            assertThat(ProcessFaultsTest.restaurantNames(reopened)).containsAll(written);
            for (String token : issued) {
                assertThat(reopened.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
            }
        }
    }
}
