package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a reverse proxy, the client's address comes from {@code X-Forwarded-For} only when the
 * connection comes from a configured trusted proxy; every test connects from 127.0.0.1.
 */
class TrustedProxyTest {

    @TempDir
    Path dataDir;

    private TestServer api;

    @AfterEach
    void close() {
        api.close();
    }

    private ApiFixture serve(String trustedProxies) {
        TokenDesk desk = TokenDesk.open(TestDesks.config(dataDir).withTrustedProxies(trustedProxies), Clock.systemUTC(), Map.of());
        api = new TestServer(desk);
        return new ApiFixture(desk);
    }

    private IssuedToken officeToken(ApiFixture fixture) {
        return api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "office", null, TokenScope.FULL, Set.of(),
                Expiry.NEVER, IpAllowList.parse("203.0.113.0/24")));
    }

    @Test
    void forwardedClientMeetsAllowList() {
        ApiFixture fixture = serve("127.0.0.1");
        IssuedToken office = officeToken(fixture);

        TestServer.Response inside = api.get("/api/restaurants?token=" + office.token(), "X-Forwarded-For", "203.0.113.7");
        TestServer.Response outside = api.get("/api/restaurants?token=" + office.token(), "X-Forwarded-For", "198.51.100.9");

        assertThat(inside.status()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().at("/error/message").asText()).contains("198.51.100.9");
    }

    @Test
    void headerIgnoredWithoutTrustedProxies() {
        ApiFixture fixture = serve("");
        IssuedToken office = officeToken(fixture);

        TestServer.Response spoofed = api.get("/api/restaurants?token=" + office.token(), "X-Forwarded-For", "203.0.113.7");

        assertThat(spoofed.status()).isEqualTo(403);
        assertThat(spoofed.json().at("/error/message").asText()).contains("127.0.0.1");
    }

    @Test
    void headerIgnoredFromUntrustedPeer() {
        ApiFixture fixture = serve("10.0.0.0/8");
        IssuedToken office = officeToken(fixture);

        TestServer.Response spoofed = api.get("/api/restaurants?token=" + office.token(), "X-Forwarded-For", "203.0.113.7");

        assertThat(spoofed.status()).isEqualTo(403);
        assertThat(spoofed.json().at("/error/message").asText()).contains("127.0.0.1");
    }

    @Test
    void clientWrittenEntriesIgnored() {
        ApiFixture fixture = serve("127.0.0.1, 10.0.0.0/8");
        IssuedToken office = officeToken(fixture);

        // The client claims 203.0.113.7; the proxies saw 198.51.100.9 and then 10.1.2.3 (a second, trusted proxy).
        TestServer.Response response = api.get("/api/restaurants?token=" + office.token(),
                "X-Forwarded-For", "203.0.113.7, 198.51.100.9, 10.1.2.3");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().at("/error/message").asText()).contains("198.51.100.9");
    }

    @Test
    void malformedHeaderKeepsProxyAddress() {
        ApiFixture fixture = serve("127.0.0.1");
        IssuedToken office = officeToken(fixture);

        for (String header : new String[] {"not-an-address", "10.1", "203.0.113.7, example.org", "::1]:80"}) {
            TestServer.Response response = api.get("/api/restaurants?token=" + office.token(), "X-Forwarded-For", header);

            assertThat(response.status()).as(header).isEqualTo(403);
            assertThat(response.json().at("/error/message").asText()).as(header).contains("127.0.0.1");
        }
    }

    @Test
    void failureLimitsPerForwardedClient() {
        serve("127.0.0.1");
        String unknown = "tdk_" + "A".repeat(43) + "000000";

        int limitedForFirst = 0;
        for (int i = 0; i < 40; i++) {
            if (api.get("/api/restaurants?token=" + unknown, "X-Forwarded-For", "198.51.100.1").status() == 429) {
                limitedForFirst++;
            }
        }
        TestServer.Response second = api.get("/api/restaurants?token=" + unknown, "X-Forwarded-For", "198.51.100.2");

        assertThat(limitedForFirst).isPositive();
        assertThat(second.status()).isEqualTo(401);
    }
}
