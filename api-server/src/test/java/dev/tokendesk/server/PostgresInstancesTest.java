package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two TokenDesk instances, each with its own API server, on one PostgreSQL database, as behind a load balancer. */
@Tag("own-postgres")
class PostgresInstancesTest {

    private static final long ONE_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_LOAD_REQUESTS = 20_000;

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    private static Map<String, String> sharedKeys() {
        return Map.of(TokenDesk.TOKEN_KEY_VARIABLE, randomKey(), TokenDesk.JWT_SECRET_VARIABLE, randomKey());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private TokenDesk open(String url, String name, Map<String, String> env) {
        return TokenDesk.open(TestDesks.h2Config(dataDir.resolve(name)).withDatabase(url, TestPostgres.USER, null), Clock.systemUTC(), env);
    }

    @Test
    void revocationReachesOtherInstanceUnderLoad() throws Exception {
        String url = TestPostgres.createEmptyDatabase(postgres);
        Map<String, String> keys = sharedKeys();
        try (TestServer first = new TestServer(open(url, "first", keys)); TestServer second = new TestServer(open(url, "second", keys))) {
            ApiFixture fixture = new ApiFixture(first.desk);
            assertThat(second.get("/api/restaurants?token=" + fixture.tokenA).status()).isEqualTo(200);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger loadRequests = new AtomicInteger();
            AtomicInteger loadErrors = new AtomicInteger();
            Thread load = new Thread(() -> {
                while (!stop.get() && loadRequests.incrementAndGet() <= MAX_LOAD_REQUESTS) {
                    int status = second.get("/api/restaurants?token=" + fixture.tokenB).status();
                    if (status != 200) {
                        loadErrors.incrementAndGet();
                    }
                }
            }, "load-on-second");
            load.start();
            try {
                long revokedAt = System.nanoTime();
                first.desk.tokens().revoke(tokenId(first.desk, "alice full"));
                int status = 0;
                while (System.nanoTime() - revokedAt < ONE_SECOND_NANOS && status != 401) {
                    status = second.get("/api/restaurants?token=" + fixture.tokenA).status();
                }

                assertThat(status).as("status from the second instance within one second of the revocation").isEqualTo(401);
            } finally {
                stop.set(true);
                load.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(loadRequests.get()).isPositive();
            assertThat(loadErrors.get()).isZero();
        }
    }

    @Test
    void changeEventReachesOtherInstance() throws Exception {
        String url = TestPostgres.createEmptyDatabase(postgres);
        Map<String, String> keys = sharedKeys();
        try (TokenDesk first = open(url, "first", keys); TokenDesk second = open(url, "second", keys)) {
            ApiFixture fixture = new ApiFixture(first);
            CountDownLatch tokenChanged = new CountDownLatch(1);
            second.events().subscribe(event -> {
                if (event.kind() == ChangeEvent.Kind.TOKEN && event.origin() == ChangeEvent.Origin.OTHER_PROCESS) {
                    tokenChanged.countDown();
                }
            });

            first.tokens().revoke(tokenId(first, "bob full"));

            assertThat(tokenChanged.await(1, TimeUnit.SECONDS)).as("TOKEN event on the second instance").isTrue();
            assertThat(fixture.bob.username()).isEqualTo("bob");
        }
    }

    @Test
    void entryUpdateReachesOtherInstancesCachedResponse() {
        String url = TestPostgres.createEmptyDatabase(postgres);
        Map<String, String> keys = sharedKeys();
        try (TestServer first = new TestServer(open(url, "first", keys)); TestServer second = new TestServer(open(url, "second", keys))) {
            ApiFixture fixture = new ApiFixture(first.desk);
            String path = "/api/restaurants?filters[name][$eq]=Le%20Bistro&token=" + fixture.tokenA;
            String documentId = second.get(path).json().at("/data/0/documentId").asText();
            assertThat(second.get(path).json().at("/data/0/seats").asInt()).isEqualTo(12);

            long updatedAt = System.nanoTime();
            first.desk.content().update(ApiFixture.RESTAURANT, documentId, dev.tokendesk.server.http.Json.MAPPER.createObjectNode()
                    .put("seats", 13), true);
            int seats = 12;
            while (System.nanoTime() - updatedAt < ONE_SECOND_NANOS && seats != 13) {
                seats = second.get(path).json().at("/data/0/seats").asInt();
            }

            assertThat(seats).as("seats read from the second instance within one second of the update").isEqualTo(13);
        }
    }

    @Test
    void issuedTokenWorksOnOtherInstance() {
        String url = TestPostgres.createEmptyDatabase(postgres);
        Map<String, String> keys = sharedKeys();
        try (TestServer first = new TestServer(open(url, "first", keys)); TestServer second = new TestServer(open(url, "second", keys))) {
            ApiFixture fixture = new ApiFixture(first.desk);
            IssuedToken issued = first.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "later", TokenScope.READ_ONLY, Expiry.NEVER));

            assertThat(second.get("/api/restaurants?token=" + issued.token()).status()).isEqualTo(200);
        }
    }

    @Test
    void otherTokenKeyRejectsTokens() {
        String url = TestPostgres.createEmptyDatabase(postgres);
        try (TestServer first = new TestServer(open(url, "first", sharedKeys())); TestServer second = new TestServer(open(url, "second", sharedKeys()))) {
            ApiFixture fixture = new ApiFixture(first.desk);

            TestServer.Response onFirst = first.get("/api/restaurants?token=" + fixture.tokenA);
            TestServer.Response onSecond = second.get("/api/restaurants?token=" + fixture.tokenA);

            assertThat(first.desk.tokenKeyMatches()).isTrue();
            assertThat(second.desk.tokenKeyMatches()).as("second instance notices the other key").isFalse();
            assertThat(onFirst.status()).isEqualTo(200);
            assertThat(onSecond.status()).isEqualTo(401);
            assertThat(onSecond.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    private static long tokenId(TokenDesk desk, String name) {
        return desk.tokens().list().stream().filter(token -> token.name().equals(name)).findFirst().orElseThrow().id();
    }
}
