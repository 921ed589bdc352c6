package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestBodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each request limit, just below and just above: the URL, the headers, the number of query
 * parameters, the nesting of parameter names, the body size, and requests so large or broken that
 * Undertow's parser rejects them before our handlers run.
 */
class RequestLimitsTest {

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
    void urlAtLimitReachesHandlers() {
        String path = "/api/restaurants?fields=name&status=";
        String query = path + "x".repeat(8 * 1024 - path.length());

        RawHttp.Result result = RawHttp.get(api.server.port(), query);

        assertThat(result.status()).as(result.text()).isEqualTo(400);
        assertThat(result.body()).contains("Parameter 'status' must be draft or published");
    }

    @Test
    void urlBeyondLimitIs414() throws IOException {
        String path = "/api/restaurants?fields=name&status=";
        String query = path + "x".repeat(8 * 1024 - path.length() + 1);

        RawHttp.Result result = RawHttp.get(api.server.port(), query);
        JsonNode body = Json.parse(result.body().getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(414);
        assertErrorShape(body, 414, "URITooLongError");
        assertThat(body.at("/error/message").asText()).contains("8193 characters, more than the maximum of 8192");
    }

    @Test
    void tooManyHeadersAre431() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add("X-Filler-" + i + ": " + i);
        }

        RawHttp.Result result = RawHttp.get(api.server.port(), "/api/restaurants", lines.toArray(String[]::new));
        JsonNode body = Json.parse(result.body().getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(431);
        assertErrorShape(body, 431, "RequestHeaderFieldsTooLargeError");
        assertThat(body.at("/error/message").asText()).contains("102 header lines, more than the maximum of 100");
    }

    @Test
    void largeHeaderIs431WithoutEcho() throws IOException {
        String secretish = "Bearer " + fixture.tokenA + "x".repeat(17 * 1024);

        RawHttp.Result result = RawHttp.get(api.server.port(), "/api/restaurants", "Authorization: " + secretish);
        JsonNode body = Json.parse(result.body().getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(431);
        assertErrorShape(body, 431, "RequestHeaderFieldsTooLargeError");
        assertThat(result.text()).doesNotContain(fixture.tokenA.substring(4, 20));
    }

    @Test
    void headerBlockBeyondParserLimitIsBare400() {
        String huge = "X-Huge: " + "y".repeat(200 * 1024);

        RawHttp.Result result = RawHttp.send(api.server.port(),
                ("GET /api/restaurants HTTP/1.1\r\nHost: x\r\n" + huge + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        TestServer.Response after = api.get("/api/restaurants");

        assertThat(result.status()).as(result.text()).isEqualTo(400);
        assertThat(result.body()).isEmpty();
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void malformedRequestLinesAreRejected() {
        String[] requests = {"GET\r\n\r\n", "GET /api/restaurants HTTP/9.9\r\n\r\n", "G\u0000T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/restaurants?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/\u00ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/restaurants HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\nConnection: close\r\n\r\n",
                "GET /api/restaurants HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
                "POST /api/restaurants HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\nzz\r\n"};

        for (String request : requests) {
            RawHttp.Result result = RawHttp.send(api.server.port(), request.getBytes(StandardCharsets.ISO_8859_1));

            assertThat(result.status()).as(request).isNotEqualTo(200).isLessThan(500);
        }
        assertThat(api.get("/api/restaurants").status()).isEqualTo(200);
    }

    @Test
    void parameterCountBeyondLimitIs400() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            names.append("a").append(i).append('&');
        }
        TestServer.Response atLimit = api.get("/api/restaurants?" + names);
        TestServer.Response beyond = api.get("/api/restaurants?" + names + "b");

        assertThat(atLimit.status()).isEqualTo(400);
        assertThat(atLimit.json().at("/error/message").asText()).startsWith("Unknown query parameter 'a0'");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().at("/error/message").asText()).isEqualTo("The query string has 1001 parameters, more than the maximum of 1000");
        assertThat(beyond.json().at("/error/details/errors/0/path/0").asText()).isEqualTo("query");
    }

    @Test
    void parameterNestingBeyondLimitIs400() {
        String twenty = "filters" + "[$and][0]".repeat(9) + "[name][$eq]=a";
        String twentyOne = "filters" + "[$not]" + "[$and][0]".repeat(9) + "[name][$eq]=a";

        TestServer.Response atLimit = api.get("/api/restaurants?" + brackets(twenty));
        TestServer.Response beyond = api.get("/api/restaurants?" + brackets(twentyOne));

        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(200);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().at("/error/message").asText()).contains("is nested 21 levels deep, more than the maximum of 20");
    }

    @Test
    void bodyBeyondLimitIs413() {
        String padding = " ".repeat(RequestBodies.MAX_BODY_BYTES - "{\"data\":{\"name\":\"Big\"}}".length());
        TestServer.Response atLimit = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"Big\"}}" + padding,
                "Authorization", "Bearer " + fixture.tokenA);
        TestServer.Response beyond = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"Bigger\"}}" + padding,
                "Authorization", "Bearer " + fixture.tokenA);

        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
        assertThat(beyond.status()).isEqualTo(413);
        assertErrorShape(beyond.json(), 413, "PayloadTooLargeError");
    }

    private static String brackets(String query) {
        return query.replace("[", "%5B").replace("]", "%5D").replace("$", "%24");
    }

    static void assertErrorShape(JsonNode body, int status, String name) {
        assertThat(body.get("data").isNull()).as(body.toString()).isTrue();
        assertThat(body.at("/error/status").asInt()).as(body.toString()).isEqualTo(status);
        assertThat(body.at("/error/name").asText()).as(body.toString()).isEqualTo(name);
        assertThat(body.at("/error/message").isTextual()).as(body.toString()).isTrue();
        assertThat(body.at("/error/details").isObject()).as(body.toString()).isTrue();
    }
}
