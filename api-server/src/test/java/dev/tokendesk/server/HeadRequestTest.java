package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD on every route that takes GET: the GET's status and headers, no body, the same checks. */
class HeadRequestTest {

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
    void headOfListMatchesGet() {
        RawHttp.Result get = send("GET", "/api/restaurants?sort=name");
        RawHttp.Result head = send("HEAD", "/api/restaurants?sort=name");

        assertThat(head.status()).as(head.text()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void headOfEntryMatchesGet() {
        String documentId = api.get("/api/restaurants").json().at("/data/0/documentId").asText();

        RawHttp.Result get = send("GET", "/api/restaurants/" + documentId);
        RawHttp.Result head = send("HEAD", "/api/restaurants/" + documentId);
        RawHttp.Result missing = send("HEAD", "/api/restaurants/no-such-entry");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
        assertThat(missing.header("Content-Length")).isEqualTo(send("GET", "/api/restaurants/no-such-entry").header("Content-Length"));
    }

    @Test
    void headOfOtherGetRoutes() {
        RawHttp.Result me = send("HEAD", "/api/users/me", "Authorization: Bearer " + fixture.tokenA);
        RawHttp.Result openApi = send("HEAD", "/api/openapi.json");
        RawHttp.Result health = send("HEAD", "/_health");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).isEmpty();
        assertThat(me.header("Content-Length")).isEqualTo(send("GET", "/api/users/me", "Authorization: Bearer " + fixture.tokenA).header(
                "Content-Length"));
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).isEmpty();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEmpty();
    }

    @Test
    void badTokenGets401WithoutBody() {
        String badToken = fixture.tokenA.substring(0, fixture.tokenA.length() - 1) + (fixture.tokenA.endsWith("A") ? "B" : "A");

        RawHttp.Result byHeader = send("HEAD", "/api/restaurants", "Authorization: Bearer " + badToken);
        RawHttp.Result byQuery = send("HEAD", "/api/restaurants?token=" + badToken);
        RawHttp.Result anonymousMe = send("HEAD", "/api/users/me");

        assertThat(byHeader.status()).isEqualTo(401);
        assertThat(byHeader.body()).isEmpty();
        assertThat(byHeader.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(byQuery.status()).isEqualTo(401);
        assertThat(byQuery.body()).isEmpty();
        assertThat(anonymousMe.status()).isEqualTo(401);
        assertThat(anonymousMe.body()).isEmpty();
    }

    @Test
    void missingPermissionGets403() {
        api.desk.roles().revoke("Public", Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND)));

        RawHttp.Result anonymous = send("HEAD", "/api/restaurants");
        RawHttp.Result withToken = send("HEAD", "/api/restaurants", "Authorization: Bearer " + fixture.tokenA);

        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.body()).isEmpty();
        assertThat(withToken.status()).isEqualTo(200);
    }

    @Test
    void headBeforeGetKeepsCachedBody() {
        String path = "/api/restaurants?sort=seats";

        RawHttp.Result head = send("HEAD", path, "Authorization: Bearer " + fixture.tokenA);
        RawHttp.Result get = send("GET", path, "Authorization: Bearer " + fixture.tokenA);
        RawHttp.Result headAgain = send("HEAD", path, "Authorization: Bearer " + fixture.tokenA);

        assertThat(head.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).contains("\"data\":[");
        assertThat(get.body().getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(head.header("Content-Length")));
        assertThat(headAgain.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(headAgain.body()).isEmpty();
    }

    @Test
    void headGoesIntoRequestLog() {
        send("HEAD", "/api/restaurants?token=" + fixture.tokenA);

        var log = api.awaitRequestLog(1);

        assertThat(log).hasSize(1);
        assertThat(log.get(0).method()).isEqualTo("HEAD");
        assertThat(log.get(0).status()).isEqualTo(200);
        assertThat(log.get(0).query()).doesNotContain(fixture.tokenA.substring(4, 40));
    }

    private RawHttp.Result send(String method, String pathAndQuery, String... headerLines) {
        StringBuilder request = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        return RawHttp.send(api.server.port(), request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

}
