package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content reads come from the response cache only while nothing changed: every write, through
 * the API or through the services as the console makes it, shows on the next read, and callers
 * with different permissions never share a response. A response from the cache, which completes
 * on the I/O thread, carries the same headers as one read from the database.
 */
class ResponseCacheTest {

    private static final String LIST = "/api/restaurants?sort=name:asc";

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(TestDesks.openQuiet(dataDir, new MutableClock(TestDesks.START)));
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Statistics statistics() {
        return api.desk.database().sessionFactory().getStatistics();
    }

    private List<String> names(TestServer.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("data").findValuesAsText("name");
    }

    private String documentIdOf(String name) {
        for (JsonNode entry : api.get(LIST).json().get("data")) {
            if (entry.get("name").asText().equals(name)) {
                return entry.get("documentId").asText();
            }
        }
        throw new AssertionError("No restaurant named " + name);
    }

    @Test
    void repeatedReadUsesNoStatement() {
        String path = LIST + "&token=" + fixture.tokenA;
        List<String> first = names(api.get(path));
        long statements = statistics().getPrepareStatementCount();

        List<String> second = names(api.get(path));

        assertThat(second).isEqualTo(first);
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(statements);
    }

    @Test
    void updateThroughTheApiShowsOnNextRead() {
        String path = LIST + "&token=" + fixture.tokenA;
        String documentId = documentIdOf("Le Bistro");
        names(api.get(path));
        names(api.get(path));

        TestServer.Response updated = api.putJson("/api/restaurants/" + documentId + "?token=" + fixture.tokenB,
                "{\"data\":{\"name\":\"Le Bistrot\"}}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(names(api.get(path))).contains("Le Bistrot").doesNotContain("Le Bistro");
        assertThat(api.get("/api/restaurants/" + documentId + "?token=" + fixture.tokenA).json().at("/data/name").asText())
                .isEqualTo("Le Bistrot");
    }

    @Test
    void writesThroughTheServicesShowOnNextRead() {
        String path = LIST + "&token=" + fixture.tokenA;
        String documentId = documentIdOf("Chez Marie");
        String entryPath = "/api/restaurants/" + documentId + "?token=" + fixture.tokenA;
        names(api.get(path));
        assertThat(api.get(entryPath).status()).isEqualTo(200);

        ObjectNode patch = Json.MAPPER.createObjectNode().put("seats", 41);
        api.desk.content().update(ApiFixture.RESTAURANT, documentId, patch, true);
        assertThat(api.get(entryPath).json().at("/data/seats").asInt()).isEqualTo(41);

        api.desk.content().create(ApiFixture.RESTAURANT, Json.MAPPER.createObjectNode().put("name", "Zinc").put("seats", 8));
        assertThat(names(api.get(path))).contains("Zinc");

        api.desk.content().delete(ApiFixture.RESTAURANT, documentId);
        assertThat(api.get(entryPath).status()).isEqualTo(404);
        assertThat(names(api.get(path))).doesNotContain("Chez Marie");
    }

    @Test
    void tokensWithOtherPermissionsDoNotShareAResponse() {
        String scoped = api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "alice one entry", null, TokenScope.CUSTOM,
                Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND_ONE)), Expiry.NEVER, IpAllowList.any())).token();
        names(api.get(LIST + "&token=" + fixture.tokenA));
        names(api.get(LIST + "&token=" + fixture.tokenA));

        assertThat(api.get(LIST + "&token=" + scoped).status()).isEqualTo(403);
    }

    @Test
    void firstRequestOfAnUncachedTokenStillAuthenticates() {
        // Without Public find, a request that lost its token on the way to the worker thread would be a 403.
        api.desk.roles().revoke("Public", Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND)));

        assertThat(api.get(LIST).status()).isEqualTo(403);
        assertThat(names(api.get(LIST + "&token=" + fixture.tokenA))).hasSize(ApiFixture.NAMES.length);
        assertThat(names(api.get(LIST, "Authorization", "Bearer " + fixture.tokenB))).hasSize(ApiFixture.NAMES.length);
        assertThat(api.get(LIST).status()).isEqualTo(403);
    }

    @Test
    void cachedResponseKeepsHeaders() {
        String path = LIST + "&token=" + fixture.tokenA;
        TestServer.Response fromDatabase = api.get(path);
        long statements = statistics().getPrepareStatementCount();
        TestServer.Response fromCache = api.get(path);
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(statements);

        assertThat(fromCache.body()).isEqualTo(fromDatabase.body());
        Set<String> varying = Set.of("date");
        assertThat(fromCache.headers().map().keySet().stream().filter(name -> !varying.contains(name)).toList())
                .containsExactlyInAnyOrderElementsOf(fromDatabase.headers().map().keySet().stream().filter(name -> !varying.contains(name)).toList());
        for (String name : fromDatabase.headers().map().keySet()) {
            if (!varying.contains(name)) {
                assertThat(fromCache.headers().allValues(name)).as(name).isEqualTo(fromDatabase.headers().allValues(name));
            }
        }
        assertThat(fromCache.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void requestLogRecordsCachedResponses() {
        String path = LIST + "&token=" + fixture.tokenA;
        api.get(path);
        int logged = loggedAtLeast(1);

        api.get(path);
        api.get("/api/restaurants?token=tdk_invalid");

        assertThat(loggedAtLeast(logged + 2)).isEqualTo(logged + 2);
    }

    /** Waits up to 2 s for {@code count} log lines: a line is added when the exchange completes, just after the response. */
    private int loggedAtLeast(int count) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int size = api.server.requestLog().snapshot().size();
        while (size < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            size = api.server.requestLog().snapshot().size();
        }
        return size;
    }
}
