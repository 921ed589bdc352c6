package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.testing.TestDesks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server takes its CORS origins from the configuration, and new ones at a restart. */
class ConfiguredCorsTest {

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private TokenDesk desk;
    private ApiServer server;

    @BeforeEach
    void open() {
        desk = TokenDesk.open(TestDesks.config(dataDir).withPort(0).withCorsOrigins(List.of("https://app.example.com")),
                Clock.systemUTC(), Map.of());
        server = new ApiServer(desk);
        server.start();
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void configuredOriginIsAllowed() throws Exception {
        assertThat(allowOriginFor("https://app.example.com")).contains("https://app.example.com");
        assertThat(allowOriginFor("http://localhost:5173")).isEmpty();
        assertThat(server.corsOrigins()).containsExactly("https://app.example.com");
    }

    @Test
    void newOriginsApplyAfterRestart() throws Exception {
        server.stop();
        server.allowOrigins(new CorsPolicy(List.of("http://localhost:*")));
        server.start();

        assertThat(allowOriginFor("http://localhost:5173")).contains("http://localhost:5173");
        assertThat(allowOriginFor("https://app.example.com")).isEmpty();
    }

    @Test
    void originsCannotChangeWhileRunning() {
        assertThatThrownBy(() -> server.allowOrigins(CorsPolicy.LOCAL_DEVELOPMENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stop the server");
    }

    private Optional<String> allowOriginFor(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_health")).header("Origin", origin).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).headers().firstValue("Access-Control-Allow-Origin");
    }
}
