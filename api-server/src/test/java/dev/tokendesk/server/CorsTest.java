package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.server.http.CorsPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS headers for local development origins by default, and nothing for other origins. */
class CorsTest {

    @TempDir
    Path dataDir;

    private TestServer api;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void localOriginGetsAllowOrigin() {
        TestServer.Response response = api.get("/api/restaurants", "Origin", "http://localhost:5173");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }

    @Test
    void preflightIsAnsweredWithoutCredentials() {
        TestServer.Response response = api.options("/api/restaurants", "Origin", "http://127.0.0.1:3000",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:3000");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("Authorization");
    }

    @Test
    void otherOriginGetsNoCorsHeaders() {
        TestServer.Response simple = api.get("/api/restaurants", "Origin", "https://evil.example");
        TestServer.Response preflight = api.options("/api/restaurants", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");

        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void policyMatchesPortWildcardsAndExactOrigins() {
        CorsPolicy policy = new CorsPolicy(List.of("http://localhost:*", "https://app.example.com"));

        assertThat(policy.allows("http://localhost:8080")).isTrue();
        assertThat(policy.allows("http://localhost")).isTrue();
        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("https://app.example.com:444")).isFalse();
        assertThat(policy.allows("http://localhost.evil.example:8080")).isFalse();
        assertThat(policy.allows("https://localhost:8080")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }
}
