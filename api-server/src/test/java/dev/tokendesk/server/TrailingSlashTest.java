package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path with one trailing slash reaches the same route as the path without it. */
class TrailingSlashTest {

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void collectionWithSlashIsList() {
        TestServer.Response plain = api.get("/api/restaurants?sort=name");
        TestServer.Response slash = api.get("/api/restaurants/?sort=name");

        assertThat(slash.status()).as(slash.toString()).isEqualTo(200);
        assertThat(slash.json().get("data")).hasSize(ApiFixture.NAMES.length);
        assertThat(slash.body()).isEqualTo(plain.body());
    }

    @Test
    void entryWithSlashIsEntry() {
        String documentId = api.get("/api/restaurants").json().at("/data/0/documentId").asText();

        TestServer.Response slash = api.get("/api/restaurants/" + documentId + "/");

        assertThat(slash.status()).as(slash.toString()).isEqualTo(200);
        assertThat(slash.json().at("/data/documentId").asText()).isEqualTo(documentId);
    }

    @Test
    void usersMeWithSlashIsMe() {
        TestServer.Response me = api.get("/api/users/me/", "Authorization", "Bearer " + fixture.tokenA);
        TestServer.Response anonymous = api.get("/api/users/me/");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("alice");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void writesWithSlashReachSameRoutes() {
        TestServer.Response created = api.postJson("/api/restaurants/", "{\"data\":{\"name\":\"Slash Cafe\",\"seats\":8}}",
                "Authorization", "Bearer " + fixture.tokenB);
        String documentId = created.json().at("/data/documentId").asText();
        TestServer.Response updated = api.putJson("/api/restaurants/" + documentId + "/", "{\"data\":{\"seats\":9}}",
                "Authorization", "Bearer " + fixture.tokenB);
        TestServer.Response putOnList = api.putJson("/api/restaurants/", "{\"data\":{}}", "Authorization", "Bearer " + fixture.tokenB);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/data/seats").asInt()).isEqualTo(9);
        assertThat(putOnList.status()).isEqualTo(405);
        assertThat(putOnList.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void onlyOneSlashIsRemoved() {
        TestServer.Response doubled = api.get("/api/restaurants//");
        TestServer.Response root = api.get("/");

        assertThat(doubled.status()).as(doubled.toString()).isEqualTo(404);
        assertThat(doubled.json().at("/error/name").asText()).isEqualTo("NotFoundError");
        assertThat(root.status()).isEqualTo(404);
    }

    @Test
    void healthWithSlashIsHealth() {
        TestServer.Response health = api.get("/_health/");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void requestLogKeepsPathAsSent() {
        api.get("/api/restaurants/");

        List<RequestLogEntry> log = api.awaitRequestLog(1);

        assertThat(log).hasSize(1);
        assertThat(log.get(0).path()).isEqualTo("/api/restaurants/");
    }
}
