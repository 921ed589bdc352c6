package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token lifecycle over HTTP: regeneration, allow-lists, rate limits, revocation under load, last-used writes. */
class CredentialLifecycleTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir, clock);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long tokenId(String name) {
        return api.desk.tokens().list().stream().filter(token -> token.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void regeneratedTokenReplacesOldValue() {
        IssuedToken regenerated = api.desk.tokens().regenerate(tokenId("alice full"), Duration.ZERO);

        assertThat(api.get("/api/restaurants?token=" + fixture.tokenA).status()).isEqualTo(401);
        assertThat(api.get("/api/restaurants?token=" + regenerated.token()).status()).isEqualTo(200);
    }

    @Test
    void graceperiodKeepsOldValueWorking() {
        IssuedToken regenerated = api.desk.tokens().regenerate(tokenId("alice full"), Duration.ofMinutes(30));

        int during = api.get("/api/restaurants?token=" + fixture.tokenA).status();
        clock.advance(Duration.ofMinutes(30));
        TestServer.Response after = api.get("/api/restaurants?token=" + fixture.tokenA);

        assertThat(during).isEqualTo(200);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().at("/error/message").asText()).contains("regenerated");
        assertThat(api.get("/api/restaurants?token=" + regenerated.token()).status()).isEqualTo(200);
    }

    @Test
    void tokenOutsideAllowListIs403() {
        IssuedToken office = api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "office", null, TokenScope.FULL, Set.of(),
                Expiry.NEVER, IpAllowList.parse("10.0.0.0/8")));
        IssuedToken local = api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "local", null, TokenScope.FULL, Set.of(),
                Expiry.NEVER, IpAllowList.parse("127.0.0.0/8, ::1")));

        TestServer.Response denied = api.get("/api/restaurants?token=" + office.token());
        TestServer.Response allowed = api.get("/api/restaurants?token=" + local.token());

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().at("/error/message").asText()).contains("127.0.0.1");
        assertThat(denied.body()).doesNotContain(office.token());
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void repeatedBadTokensGet429ButValidOnesPass() {
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/restaurants?token=tdk_bad" + i).status()).isEqualTo(401);
        }

        TestServer.Response limited = api.get("/api/restaurants?token=tdk_bad21");
        TestServer.Response valid = api.get("/api/restaurants?token=" + fixture.tokenA);
        TestServer.Response anonymous = api.get("/api/restaurants");
        clock.advance(Duration.ofSeconds(61));
        TestServer.Response afterWindow = api.get("/api/restaurants?token=tdk_bad22");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error/name").asText()).isEqualTo("RateLimitError");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(afterWindow.status()).isEqualTo(401);
        assertThat(api.desk.authFailures().totals()).containsEntry("MALFORMED_TOKEN", 22L);
    }

    @Test
    void successfulRequestsAreNeverLimited() {
        for (int i = 0; i < 200; i++) {
            assertThat(api.get("/api/restaurants?token=" + fixture.tokenA).status()).as("request " + i).isEqualTo(200);
        }
    }

    @Test
    void repeatedBadLoginsGet429() {
        String wrong = "{\"identifier\":\"alice\",\"password\":\"Wrong-Pass-1\"}";
        String right = "{\"identifier\":\"alice\",\"password\":\"" + ApiFixture.ALICE_PASSWORD + "\"}";
        for (int i = 0; i < 10; i++) {
            assertThat(api.postJson("/api/auth/local", wrong).status()).isEqualTo(400);
        }

        TestServer.Response limited = api.postJson("/api/auth/local", right);
        clock.advance(Duration.ofMinutes(5));
        TestServer.Response recovered = api.postJson("/api/auth/local", right);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.body()).doesNotContain("jwt");
        assertThat(recovered.status()).isEqualTo(200);
    }

    /**
     * Sends requests in a loop while {@code change} runs on this thread, and returns the statuses
     * of the requests that started after the change had returned, that is after it committed.
     */
    private List<Integer> statusesAfter(Runnable change, String path, String... headers) throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(api.get(path, headers).status()).isEqualTo(200);
        }
        AtomicBoolean committed = new AtomicBoolean();
        List<Integer> after = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        Future<?> running = loop.submit(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int i = 0; i < 5000 && after.size() < 15 && System.nanoTime() < deadline; i++) {
                boolean startedAfterChange = committed.get();
                int status = api.get(path, headers).status();
                if (startedAfterChange) {
                    after.add(status);
                }
            }
        });

        Thread.sleep(100);
        change.run();
        committed.set(true);
        running.get(30, TimeUnit.SECONDS);
        loop.shutdown();
        return after;
    }

    @Test
    void revocationAppliesToRequestsStartedAfterIt() throws Exception {
        IssuedToken issued = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "loop", TokenScope.FULL, Expiry.NEVER));

        List<Integer> after = statusesAfter(() -> api.desk.tokens().revoke(issued.view().id()), "/api/restaurants?token=" + issued.token());

        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(status -> assertThat(status).isIn(401, 429));
    }

    @Test
    void regenerationAppliesToRequestsStartedAfterIt() throws Exception {
        IssuedToken issued = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "loop", TokenScope.FULL, Expiry.NEVER));

        List<Integer> after = statusesAfter(() -> api.desk.tokens().regenerate(issued.view().id(), Duration.ZERO),
                "/api/restaurants?token=" + issued.token());

        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(status -> assertThat(status).isIn(401, 429));
    }

    @Test
    void blockingAppliesToTokensAndJwtsStartedAfterIt() throws Exception {
        String jwt = api.postJson("/api/auth/local", "{\"identifier\":\"bob\",\"password\":\"" + ApiFixture.BOB_PASSWORD + "\"}")
                .json().get("jwt").asText();

        List<Integer> byToken = statusesAfter(() -> api.desk.users().setBlocked(fixture.alice.id(), true), "/api/restaurants?token=" + fixture.tokenA);
        List<Integer> byJwt = statusesAfter(() -> api.desk.users().setBlocked(fixture.bob.id(), true), "/api/restaurants",
                "Authorization", "Bearer " + jwt);

        assertThat(byToken).isNotEmpty();
        assertThat(byToken).allSatisfy(status -> assertThat(status).isIn(401, 429));
        assertThat(byJwt).isNotEmpty();
        assertThat(byJwt).allSatisfy(status -> assertThat(status).isIn(401, 429));
    }

    @Test
    void deletionAppliesToRequestsStartedAfterIt() throws Exception {
        List<Integer> after = statusesAfter(() -> api.desk.users().delete(fixture.alice.id()), "/api/restaurants?token=" + fixture.tokenA);

        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(status -> assertThat(status).isIn(401, 429));
    }

    @Test
    void permissionChangeAppliesToRequestsStartedAfterIt() throws Exception {
        List<Integer> after = statusesAfter(() -> api.desk.roles().revoke("Authenticated",
                Set.of(new dev.tokendesk.role.Permission(ApiFixture.RESTAURANT, dev.tokendesk.role.Action.FIND))),
                "/api/restaurants?token=" + fixture.tokenA);

        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(status -> assertThat(status).isEqualTo(403));
    }

    @Test
    void roleChangeAppliesToRequestsStartedAfterIt() throws Exception {
        api.desk.roles().create("Reader", null);

        List<Integer> after = statusesAfter(() -> api.desk.users().changeRole(fixture.alice.id(), "Reader"),
                "/api/restaurants?token=" + fixture.tokenA);

        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(status -> assertThat(status).isEqualTo(403));
    }

    @Test
    void lastUsedIsWrittenOncePerWindowUnderLoad() throws Exception {
        // Without background tasks only this test flushes, so the counts returned by flush() are every write.
        api.close();
        api = new TestServer(TestDesks.openQuiet(dataDir.resolve("quiet"), clock));
        fixture = new ApiFixture(api.desk);
        int drained = api.desk.lastUsed().flush();

        int writtenAfterLoad = flushAfterLoad(400);
        clock.advance(Duration.ofSeconds(30));
        int writtenWithinWindow = flushAfterLoad(50);

        assertThat(drained).isZero();
        assertThat(writtenAfterLoad).isEqualTo(1);
        assertThat(writtenWithinWindow).isZero();
        TokenView used = api.desk.tokens().list().stream().filter(token -> token.name().equals("alice full")).findFirst().orElseThrow();
        assertThat(used.lastUsedAt()).isEqualTo(TestDesks.START);
        assertThat(used.lastUsedIp()).isEqualTo("127.0.0.1");
    }

    private int flushAfterLoad(int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(clients.submit(() -> api.get("/api/restaurants?token=" + fixture.tokenA).status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        clients.shutdown();
        return api.desk.lastUsed().flush();
    }

    @Test
    void forbiddenRequestDoesNotCountAsUse() {
        IssuedToken readOnly = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "ro", TokenScope.READ_ONLY, Expiry.NEVER));

        int status = api.postJson("/api/restaurants?token=" + readOnly.token(), "{\"data\":{\"name\":\"x\"}}").status();
        api.desk.lastUsed().flush();

        assertThat(status).isEqualTo(403);
        assertThat(api.desk.tokens().list().stream().filter(token -> token.name().equals("ro")).findFirst().orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void newTokenUsedOnceGetsLastUsed() {
        IssuedToken fresh = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "fresh", TokenScope.READ_ONLY, Expiry.NEVER));

        api.get("/api/restaurants", "Authorization", "Bearer " + fresh.token());
        api.desk.lastUsed().flush();

        assertThat(api.desk.tokens().list().stream().filter(token -> token.name().equals("fresh")).findFirst().orElseThrow().lastUsedAt())
                .isEqualTo(TestDesks.START);
    }
}
