package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.server.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every known path rejects other methods with 405 and an Allow header that lists exactly the methods it takes. */
class MethodNotAllowedTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "PURGE");

    @TempDir
    Path dataDir;

    private TestServer api;
    /** Expected Allow header by path. */
    private final Map<String, String> allowByPath = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        api = new TestServer(dataDir);
        new ApiFixture(api.desk);
        api.desk.content().importSchemas(Path.of(getClass().getResource("/schemas/homepage/schema.json").toURI()));
        String documentId = api.get("/api/restaurants").json().at("/data/0/documentId").asText();

        allowByPath.put("/api/auth/local", "OPTIONS, POST");
        allowByPath.put("/api/users/me", "GET, HEAD, OPTIONS");
        allowByPath.put("/api/openapi.json", "GET, HEAD, OPTIONS");
        allowByPath.put("/_health", "GET, HEAD, OPTIONS");
        allowByPath.put("/api/restaurants", "GET, HEAD, OPTIONS, POST");
        allowByPath.put("/api/restaurants/" + documentId, "DELETE, GET, HEAD, OPTIONS, PUT");
        allowByPath.put("/api/homepage", "DELETE, GET, HEAD, OPTIONS, PUT");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void otherMethodsGet405() throws IOException {
        for (Map.Entry<String, String> path : allowByPath.entrySet()) {
            List<String> allowed = Arrays.asList(path.getValue().split(", "));
            for (String method : METHODS) {
                if (allowed.contains(method)) {
                    continue;
                }
                RawHttp.Result result = send(method, path.getKey());
                String request = method + " " + path.getKey();

                assertThat(result.status()).as(request + ": " + result.text()).isEqualTo(405);
                assertThat(result.header("Allow")).as(request).isEqualTo(path.getValue());
                if (method.equals("HEAD")) {
                    assertThat(result.body()).as(request).isEmpty();
                    continue;
                }
                JsonNode error = Json.MAPPER.readTree(result.body()).get("error");
                assertThat(error.get("name").asText()).as(request).isEqualTo("MethodNotAllowedError");
                assertThat(error.get("message").asText()).as(request).contains(method, path.getKey(), "allowed: " + path.getValue());
            }
        }
    }

    @Test
    void allowedMethodsAreNot405() {
        for (Map.Entry<String, String> path : allowByPath.entrySet()) {
            for (String method : path.getValue().split(", ")) {
                RawHttp.Result result = send(method, path.getKey());

                assertThat(result.status()).as(method + " " + path.getKey() + ": " + result.text()).isNotEqualTo(405).isLessThan(500);
            }
        }
    }

    @Test
    void optionsListsAllowedMethods() {
        for (Map.Entry<String, String> path : allowByPath.entrySet()) {
            RawHttp.Result result = send("OPTIONS", path.getKey());

            assertThat(result.status()).as("OPTIONS " + path.getKey()).isEqualTo(204);
            assertThat(result.header("Allow")).as("OPTIONS " + path.getKey()).isEqualTo(path.getValue());
            assertThat(result.body()).as("OPTIONS " + path.getKey()).isEmpty();
        }
    }

    @Test
    void loginPathWithGetIs405() {
        TestServer.Response get = api.get("/api/auth/local");

        assertThat(get.status()).as(get.toString()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("OPTIONS, POST");
        assertThat(get.json().at("/error/message").asText()).isEqualTo("Method GET is not allowed on /api/auth/local; allowed: OPTIONS, POST");
    }

    @Test
    void fixedPathsWinOverContentRoutes() {
        TestServer.Response postOpenApi = api.postJson("/api/openapi.json", "{}");
        TestServer.Response putMe = api.putJson("/api/users/me", "{}");

        assertThat(postOpenApi.status()).as(postOpenApi.toString()).isEqualTo(405);
        assertThat(postOpenApi.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(putMe.status()).as(putMe.toString()).isEqualTo(405);
        assertThat(putMe.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void unknownPathsStay404() {
        String[] paths = {"/api/no-such-type", "/api/no-such-type/abc", "/api/homepage/abc", "/api/users/me/extra", "/_health/extra", "/other"};

        for (String path : paths) {
            for (String method : List.of("GET", "PATCH", "OPTIONS")) {
                RawHttp.Result result = send(method, path);

                assertThat(result.status()).as(method + " " + path + ": " + result.text()).isEqualTo(404);
                assertThat(result.header("Allow")).as(method + " " + path).isNull();
            }
        }
    }

    @Test
    void headGets405WithoutBody() {
        RawHttp.Result head = send("HEAD", "/api/auth/local");

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("OPTIONS, POST");
        assertThat(head.body()).isEmpty();
    }

    private RawHttp.Result send(String method, String path) {
        String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        return RawHttp.send(api.server.port(), request.getBytes(StandardCharsets.ISO_8859_1));
    }

}
