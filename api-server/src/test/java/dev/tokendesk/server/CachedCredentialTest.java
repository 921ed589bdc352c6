package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential that the server has cached stops working on the very next request after any
 * in-process change that affects it, and after the change feed's next run for changes made by
 * another process (the CLI). The installation runs without background tasks, so the test decides
 * when the feed runs.
 */
class CachedCredentialTest {

    private static final String LIST = "/api/restaurants";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(TestDesks.openQuiet(dataDir, clock));
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long aliceTokenId() {
        return api.desk.tokens().list().stream().filter(token -> token.name().equals("alice full")).findFirst().orElseThrow().id();
    }

    private String aliceJwt() {
        return "Bearer " + api.desk.jwt().issue(api.desk.users().find(fixture.alice.id()).orElseThrow());
    }

    /** Sends the request twice so the second is served from the cache, proven by reading no token or user from the database. */
    private void warm(String path, String... headers) {
        assertThat(api.get(path, headers).status()).isEqualTo(200);
        Statistics statistics = api.desk.database().sessionFactory().getStatistics();
        long tokenLoads = statistics.getEntityStatistics(dev.tokendesk.token.ApiToken.class.getName()).getLoadCount();
        long userLoads = statistics.getEntityStatistics(dev.tokendesk.user.User.class.getName()).getLoadCount();
        assertThat(api.get(path, headers).status()).isEqualTo(200);
        assertThat(statistics.getEntityStatistics(dev.tokendesk.token.ApiToken.class.getName()).getLoadCount()).isEqualTo(tokenLoads);
        assertThat(statistics.getEntityStatistics(dev.tokendesk.user.User.class.getName()).getLoadCount()).isEqualTo(userLoads);
    }

    private int tokenStatusAfter(Runnable change) {
        String path = LIST + "?token=" + fixture.tokenA;
        warm(path);
        change.run();
        return api.get(path).status();
    }

    private int jwtStatusAfter(Runnable change) {
        String jwt = aliceJwt();
        warm(LIST, "Authorization", jwt);
        change.run();
        return api.get(LIST, "Authorization", jwt).status();
    }

    @Test
    void lastUseFlushKeepsCaches() {
        String path = LIST + "?token=" + fixture.tokenA;
        warm(path);
        List<ChangeEvent.Kind> published = new ArrayList<>();
        api.desk.events().subscribe(event -> published.add(event.kind()));

        api.desk.flushPendingWrites();

        assertThat(published).containsExactly(ChangeEvent.Kind.TOKEN_USE);
        long statements = api.desk.database().sessionFactory().getStatistics().getPrepareStatementCount();
        assertThat(api.get(path).status()).isEqualTo(200);
        assertThat(api.desk.database().sessionFactory().getStatistics().getPrepareStatementCount()).isEqualTo(statements);
    }

    @Test
    void revokedTokenFailsOnNextRequest() {
        assertThat(tokenStatusAfter(() -> api.desk.tokens().revoke(aliceTokenId()))).isEqualTo(401);
    }

    @Test
    void regeneratedTokenFailsOnNextRequest() {
        assertThat(tokenStatusAfter(() -> api.desk.tokens().regenerate(aliceTokenId(), Duration.ZERO))).isEqualTo(401);
    }

    @Test
    void deletedTokenFailsOnNextRequest() {
        assertThat(tokenStatusAfter(() -> api.desk.tokens().delete(aliceTokenId()))).isEqualTo(401);
    }

    @Test
    void blockedOwnerFailsOnNextRequestAndUnblockedOwnerWorksAgain() {
        assertThat(tokenStatusAfter(() -> api.desk.users().setBlocked(fixture.alice.id(), true))).isEqualTo(401);

        api.desk.users().setBlocked(fixture.alice.id(), false);

        assertThat(api.get(LIST + "?token=" + fixture.tokenA).status()).isEqualTo(200);
    }

    @Test
    void deletedOwnerFailsOnNextRequest() {
        assertThat(tokenStatusAfter(() -> api.desk.users().delete(fixture.alice.id()))).isEqualTo(401);
    }

    @Test
    void removedRolePermissionAppliesOnNextRequest() {
        assertThat(tokenStatusAfter(() -> api.desk.roles().revoke("Authenticated",
                Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND))))).isEqualTo(403);
    }

    @Test
    void changedRoleAppliesOnNextRequest() {
        api.desk.roles().create("Reader", null);

        assertThat(tokenStatusAfter(() -> api.desk.users().changeRole(fixture.alice.id(), "Reader"))).isEqualTo(403);
    }

    @Test
    void expiredTokenFailsOnNextRequestByTheClock() {
        String token = api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "hour", null, TokenScope.FULL, Set.of(),
                new Expiry.After(Duration.ofHours(1)), dev.tokendesk.token.IpAllowList.any())).token();
        warm(LIST + "?token=" + token);

        clock.advance(Duration.ofHours(1));

        assertThat(api.get(LIST + "?token=" + token).status()).isEqualTo(401);
    }

    @Test
    void jwtFailsOnNextRequestAfterPasswordChange() {
        assertThat(jwtStatusAfter(() -> api.desk.users().changePassword(fixture.alice.id(), "Alice-Pass-2"))).isEqualTo(401);
    }

    @Test
    void jwtFailsOnNextRequestAfterSignOutEverywhere() {
        assertThat(jwtStatusAfter(() -> api.desk.users().signOutEverywhere(fixture.alice.id()))).isEqualTo(401);
    }

    @Test
    void jwtFailsOnNextRequestAfterBlock() {
        assertThat(jwtStatusAfter(() -> api.desk.users().setBlocked(fixture.alice.id(), true))).isEqualTo(401);
    }

    @Test
    void jwtFailsOnNextRequestAfterUserDeletion() {
        assertThat(jwtStatusAfter(() -> api.desk.users().delete(fixture.alice.id()))).isEqualTo(401);
    }

    @Test
    void jwtPermissionChangeAppliesOnNextRequest() {
        assertThat(jwtStatusAfter(() -> api.desk.roles().revoke("Authenticated",
                Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND))))).isEqualTo(403);
    }

    @Test
    void publicRoleChangeAppliesOnNextRequest() {
        assertThat(api.get(LIST).status()).isEqualTo(200);

        api.desk.roles().revoke("Public", Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND)));

        assertThat(api.get(LIST).status()).isEqualTo(403);
    }

    @Test
    void revocationByAnotherProcessAppliesAfterTheFeedRuns() {
        String path = LIST + "?token=" + fixture.tokenA;
        warm(path);
        try (TokenDesk cli = TestDesks.openQuiet(dataDir, clock)) {
            cli.tokens().revoke(aliceTokenId());
            cli.changeFeed().synchronize();
        }

        api.desk.changeFeed().synchronize();

        assertThat(api.get(path).status()).isEqualTo(401);
    }

    @Test
    void blockByAnotherProcessAppliesToJwtAfterTheFeedRuns() {
        String jwt = aliceJwt();
        warm(LIST, "Authorization", jwt);
        try (TokenDesk cli = TestDesks.openQuiet(dataDir, clock)) {
            cli.users().setBlocked(fixture.alice.id(), true);
            cli.changeFeed().synchronize();
        }

        api.desk.changeFeed().synchronize();

        assertThat(api.get(LIST, "Authorization", jwt).status()).isEqualTo(401);
    }

    @Test
    void entryCountFollowsWritesHereAndInAnotherProcess() {
        String path = LIST + "?token=" + fixture.tokenA;
        assertThat(api.get(path).json().at("/meta/pagination/total").asLong()).isEqualTo(ApiFixture.NAMES.length);

        api.postJson(LIST, "{\"data\":{\"name\":\"New Place\",\"seats\":8}}", "Authorization", "Bearer " + fixture.tokenA);
        long afterLocalCreate = api.get(path).json().at("/meta/pagination/total").asLong();
        try (TokenDesk cli = TestDesks.openQuiet(dataDir, clock)) {
            com.fasterxml.jackson.databind.node.ObjectNode data = dev.tokendesk.server.http.Json.MAPPER.createObjectNode();
            data.put("name", "Other Place");
            data.put("seats", 9);
            cli.content().create(ApiFixture.RESTAURANT, data);
            cli.changeFeed().synchronize();
        }
        api.desk.changeFeed().synchronize();
        long afterOtherCreate = api.get(path).json().at("/meta/pagination/total").asLong();

        assertThat(afterLocalCreate).isEqualTo(ApiFixture.NAMES.length + 1);
        assertThat(afterOtherCreate).isEqualTo(ApiFixture.NAMES.length + 2);
    }

    @Test
    void schemaImportByAnotherProcessAppliesAfterTheFeedRuns() {
        assertThat(api.get("/api/restaurants?token=" + fixture.tokenA).status()).isEqualTo(200);
        try (TokenDesk cli = TestDesks.openQuiet(dataDir, clock)) {
            cli.content().importSchemas(dev.tokendesk.testing.Fixtures.copy(dev.tokendesk.testing.Fixtures.WORLD_COUNTRIES,
                    dataDir.resolve("countries-fixture")));
            cli.changeFeed().synchronize();
        }
        assertThat(api.get("/api/countries?token=" + fixture.tokenA).status()).isEqualTo(404);

        api.desk.changeFeed().synchronize();

        assertThat(api.get("/api/countries?token=" + fixture.tokenA).status()).isIn(200, 403);
    }
}
