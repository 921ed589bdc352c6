package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path with two slashes in a row anywhere is a 404 naming the path for every method, and changes nothing. */
class EmptyPathSegmentTest {

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;
    private String documentId;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
        api.desk.roles().grant("Editor", Set.of(new Permission(ApiFixture.RESTAURANT, Action.DELETE)));
        documentId = api.get("/api/restaurants?sort=name").json().at("/data/0/documentId").asText();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyMethodGets404() throws IOException {
        String[] paths = {"/api/restaurants//", "/api/restaurants/" + documentId + "//", "/api//restaurants",
            "/api/restaurants//" + documentId, "//api/restaurants", "/api/users//me", "/api/auth//local", "/_health//"};

        for (String path : paths) {
            for (String method : METHODS) {
                RawHttp.Result result = send(method, path);

                assertThat(result.status()).as(method + " " + path + ": " + result.text()).isEqualTo(404);
                if (!method.equals("HEAD")) {
                    JsonNode error = Json.MAPPER.readTree(result.body()).get("error");
                    assertThat(error.get("name").asText()).as(method + " " + path).isEqualTo("NotFoundError");
                    assertThat(error.get("message").asText()).as(method + " " + path).contains("'" + path + "'");
                    assertThat(error.get("status").asInt()).as(method + " " + path).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void writesChangeNothing() {
        String before = api.get("/api/restaurants?sort=name&pagination[pageSize]=100").body();

        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            send(method, "/api/restaurants//");
            send(method, "/api/restaurants/" + documentId + "//");
            send(method, "/api//restaurants/" + documentId);
        }
        String after = api.get("/api/restaurants?sort=name&pagination[pageSize]=100").body();

        assertThat(after).isEqualTo(before);
        assertThat(api.get("/api/restaurants/" + documentId).status()).isEqualTo(200);
    }

    @Test
    void readsReturnNoContent() {
        RawHttp.Result entry = send("GET", "/api/restaurants/" + documentId + "//");
        RawHttp.Result list = send("GET", "/api/restaurants//");

        assertThat(entry.body()).doesNotContain("Chez Marie", documentId + "\"");
        assertThat(list.body()).doesNotContain("Chez Marie");
    }

    @Test
    void singleTrailingSlashStillWorks() {
        RawHttp.Result entry = send("GET", "/api/restaurants/" + documentId + "/");
        RawHttp.Result created = send("POST", "/api/restaurants/");

        assertThat(entry.status()).as(entry.text()).isEqualTo(200);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void requestLogKeepsPathAndStatus() {
        send("POST", "/api/restaurants//");

        List<RequestLogEntry> log = api.awaitRequestLog(2);
        // Entries are added once the response is sent, so the set-up's GET may come second.
        RequestLogEntry post = log.stream().filter(entry -> entry.method().equals("POST")).findFirst().orElseThrow();

        assertThat(log).hasSize(2);
        assertThat(post.path()).isEqualTo("/api/restaurants//");
        assertThat(post.status()).isEqualTo(404);
    }

    /** Sends {@code method} with the editor's token and, for POST, PUT and PATCH, a valid entry body. */
    private RawHttp.Result send(String method, String path) {
        String body = List.of("POST", "PUT", "PATCH").contains(method) ? "{\"data\":{\"name\":\"Double Slash\",\"seats\":3}}" : "";
        String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + fixture.tokenB + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        return RawHttp.send(api.server.port(), request.getBytes(StandardCharsets.UTF_8));
    }
}
