package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.EntryPage;
import dev.tokendesk.testing.TableSnapshot;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.TokenView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in its own JVM, stopped with SIGTERM or SIGKILL while clients write, on the H2 file. */
@Tag("h2-only")
class ProcessFaultsTest {

    @TempDir
    Path work;

    private Path dataDir;
    private String aliceToken;
    private String bobToken;

    @BeforeEach
    void prepare() {
        dataDir = work.resolve("data");
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            ApiFixture fixture = new ApiFixture(desk);
            aliceToken = fixture.tokenA;
            bobToken = fixture.tokenB;
        }
    }

    static Set<String> restaurantNames(TokenDesk desk) {
        Set<String> names = new HashSet<>();
        EntryPage page;
        int number = 1;
        do {
            page = desk.content().list(ApiFixture.RESTAURANT, number++, 100);
            for (ObjectNode entry : page.entries()) {
                names.add(entry.get("name").asText());
            }
        } while (number <= page.pageCount());
        return names;
    }

    static int get(String url, String authorization) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void killKeepsAcknowledgedWrites() throws Exception {
        ServeProcess server = ServeProcess.serve(work.resolve("serve.err"), Map.of(), "--data-dir", dataDir.toString());
        TokenIssuer issuer = new TokenIssuer(work, Map.of(), "--data-dir", dataDir.toString());
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
        try (TokenDesk reopened = TestDesks.open(dataDir)) {
            assertThat(restaurantNames(reopened)).containsAll(written);
            for (String token : issued) {
                assertThat(reopened.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
            }
        }
    }

    @Test
    void sigtermFinishesRequestsAndFlushesLastUsed() throws Exception {
        ServeProcess server = ServeProcess.serve(work.resolve("serve.err"), Map.of(), "--data-dir", dataDir.toString());
        Set<String> written;
        int exitCode;
        try (WriteLoad load = new WriteLoad(server.baseUrl(), "Bearer " + bobToken, 4, 500, 200)) {
            load.awaitFirstWrites();
            int aliceStatus = get(server.baseUrl() + "/api/restaurants", "Bearer " + aliceToken);

            exitCode = server.stop();

            written = load.finish();
            assertThat(aliceStatus).isEqualTo(200);
            assertThat(load.unexpectedStatuses()).isEmpty();
        }

        assertThat(exitCode).as(server.stderr()).isIn(0, 143);
        assertThat(server.stderr()).contains("TokenDesk API stopped");
        assertThat(written).hasSizeGreaterThanOrEqualTo(200);
        try (TokenDesk reopened = TestDesks.open(dataDir)) {
            assertThat(restaurantNames(reopened)).containsAll(written);
            TokenView alice = reopened.tokens().list().stream().filter(token -> token.name().equals("alice full")).findFirst().orElseThrow();
            assertThat(alice.lastUsedAt()).isNotNull();
        }
    }

    @Test
    void serveRefusesDamagedDatabase() throws Exception {
        Path databaseFile = dataDir.resolve("tokendesk.mv.db");
        byte[] damaged = new byte[(int) Files.size(databaseFile)];
        new Random(8).nextBytes(damaged);
        Files.write(databaseFile, damaged);

        ServeProcess.Result result = ServeProcess.run(work.resolve("serve.err"), Map.of(),
                "serve", "--port", "0", "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is damaged or is not an H2 database");
        assertThat(result.err()).contains("tokendesk restore");
        assertThat(result.out()).doesNotContain("listening");
        assertThat(Files.readAllBytes(databaseFile)).isEqualTo(damaged);
    }

    @Test
    void serveRefusesMissingTokenKey() throws Exception {
        Files.delete(dataDir.resolve("keys/token-hmac.key"));
        byte[] database = Files.readAllBytes(dataDir.resolve("tokendesk.mv.db"));

        ServeProcess.Result result = ServeProcess.run(work.resolve("serve.err"), Map.of(),
                "serve", "--port", "0", "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("can no longer be verified");
        assertThat(dataDir.resolve("keys/token-hmac.key")).doesNotExist();
        assertThat(Files.readAllBytes(dataDir.resolve("tokendesk.mv.db"))).isEqualTo(database);
    }

    @Test
    void backupWhileServingRestoresEveryRow() throws Exception {
        Path backup = work.resolve("backup.zip");
        Path restored = work.resolve("restored");
        ServeProcess server = ServeProcess.serve(work.resolve("serve.err"), Map.of(), "--data-dir", dataDir.toString());
        ServeProcess.Result backupRun;
        ReadLoad reads = new ReadLoad(server.baseUrl() + "/api/restaurants", 4);
        try {
            reads.awaitFirstReads();
            backupRun = ServeProcess.run(work.resolve("backup.err"), Map.of(), "backup", backup.toString(), "--data-dir", dataDir.toString());
        } finally {
            reads.finish();
            server.stop();
        }

        ServeProcess.Result restoreRun = ServeProcess.run(work.resolve("restore.err"), Map.of(),
                "restore", backup.toString(), "--data-dir", restored.toString());

        assertThat(backupRun.exitCode()).as(backupRun.err()).isZero();
        assertThat(reads.okCount()).isPositive();
        assertThat(reads.failures()).isEmpty();
        assertThat(restoreRun.exitCode()).as(restoreRun.err()).isZero();
        Map<String, List<String>> before = TableSnapshot.ofH2(dataDir);
        Map<String, List<String>> after = TableSnapshot.ofH2(restored);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        ServeProcess onRestored = ServeProcess.serve(work.resolve("restored.err"), Map.of(), "--data-dir", restored.toString());
        try {
            assertThat(get(onRestored.baseUrl() + "/api/restaurants", "Bearer " + aliceToken)).isEqualTo(200);
            assertThat(get(onRestored.baseUrl() + "/api/restaurants", "Bearer tdk_notissued")).isEqualTo(401);
        } finally {
            onRestored.stop();
        }
    }
}
