package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authentication order over real HTTP: query token, Bearer token, JWT, Public, and every rejection. */
class AuthenticationTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir, clock);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String login(String identifier, String password) {
        TestServer.Response response = api.postJson("/api/auth/local",
                "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("jwt").asText();
    }

    @Test
    void queryTokenReturnsContent() {
        TestServer.Response response = api.get("/api/restaurants?token=" + fixture.tokenA);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data).hasSize(5);
        assertThat(data.get(0).get("name").asText()).isEqualTo("Chez Marie");
        assertThat(data.get(0).get("seats").asInt()).isEqualTo(40);
        assertThat(data.get(0).has("secretNote")).isFalse();
        assertThat(response.json().at("/meta/pagination/total").asInt()).isEqualTo(5);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void bearerTokenReturnsContent() {
        TestServer.Response response = api.get("/api/restaurants", "Authorization", "Bearer " + fixture.tokenB);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(5);
    }

    @Test
    void jwtFromLoginAuthenticates() {
        String jwt = login("alice@example.com", ApiFixture.ALICE_PASSWORD);

        TestServer.Response list = api.get("/api/restaurants", "Authorization", "Bearer " + jwt);
        TestServer.Response me = api.get("/api/users/me", "Authorization", "Bearer " + jwt);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("alice");
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void loginReturnsUserWithoutPassword() {
        TestServer.Response response = api.postJson("/api/auth/local", "{\"identifier\":\"  ALICE \",\"password\":\"Alice-Pass-1\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("jwt").asText()).isNotBlank();
        assertThat(response.json().at("/user/email").asText()).isEqualTo("alice@example.com");
        assertThat(response.body()).doesNotContain("Alice-Pass-1");
        assertThat(response.body()).doesNotContain("argon2");
    }

    @Test
    void meWithApiTokenReturnsOwner() {
        TestServer.Response me = api.get("/api/users/me?token=" + fixture.tokenB);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("bob");
    }

    @Test
    void meWithoutCredentialIs401() {
        TestServer.Response me = api.get("/api/users/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void noCredentialUsesPublicRole() {
        TestServer.Response response = api.get("/api/restaurants");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(5);
        assertThat(response.header("Cache-Control")).isNull();
    }

    @Test
    void publicWithoutPermissionIs403() {
        api.desk.roles().revoke("Public", Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND)));

        TestServer.Response response = api.get("/api/restaurants");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("data").isNull()).isTrue();
        assertThat(response.json().at("/error/name").asText()).isEqualTo("ForbiddenError");
    }

    @Test
    void badCredentialsAre401WithoutPublicFallback() {
        String wellFormedUnknown = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "x", TokenScope.FULL, Expiry.NEVER)).token();
        api.desk.tokens().delete(api.desk.tokens().list().stream().filter(t -> t.name().equals("x")).findFirst().orElseThrow().id());
        String typo = fixture.tokenA.substring(0, 20) + (fixture.tokenA.charAt(20) == 'x' ? 'y' : 'x') + fixture.tokenA.substring(21);

        String[] queries = {"?token=" + wellFormedUnknown, "?token=" + typo, "?token=garbage", "?token=", "?token=" + fixture.tokenA + "x"};
        for (String query : queries) {
            TestServer.Response response = api.get("/api/restaurants" + query);

            assertThat(response.status()).as(query + " -> " + response).isEqualTo(401);
            assertThat(response.json().get("data").isNull()).as(query).isTrue();
            assertThat(response.json().at("/error/name").asText()).as(query).isEqualTo("UnauthorizedError");
            assertThat(response.header("WWW-Authenticate")).as(query).contains("error=\"invalid_token\"");
        }
    }

    @Test
    void revokedTokenIs401OnNextRequest() {
        IssuedToken issued = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "soon revoked", TokenScope.FULL, Expiry.NEVER));
        assertThat(api.get("/api/restaurants?token=" + issued.token()).status()).isEqualTo(200);

        api.desk.tokens().revoke(issued.view().id());
        TestServer.Response response = api.get("/api/restaurants?token=" + issued.token());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/message").asText()).contains("revoked");
    }

    @Test
    void readOnlyTokenCannotCreate() {
        String readOnly = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "ro", TokenScope.READ_ONLY, Expiry.NEVER)).token();

        TestServer.Response denied = api.postJson("/api/restaurants?token=" + readOnly, "{\"data\":{\"name\":\"New\",\"seats\":3}}");
        TestServer.Response allowed = api.postJson("/api/restaurants?token=" + fixture.tokenA, "{\"data\":{\"name\":\"New\",\"seats\":3}}");

        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
        assertThat(allowed.json().at("/data/name").asText()).isEqualTo("New");
    }

    @Test
    void roleWithoutPermissionIs403ForFullToken() {
        api.desk.roles().revoke("Authenticated", Set.of(new Permission(ApiFixture.RESTAURANT, Action.CREATE)));

        TestServer.Response response = api.postJson("/api/restaurants?token=" + fixture.tokenA, "{\"data\":{\"name\":\"New\"}}");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void customScopeIsIntersectedWithRole() {
        IssuedToken custom = api.desk.tokens().issue(new TokenRequest(fixture.alice.id(), "custom", null, TokenScope.CUSTOM,
                Set.of(new Permission(ApiFixture.RESTAURANT, Action.FIND), new Permission(ApiFixture.RESTAURANT, Action.UPDATE)), Expiry.NEVER));

        TestServer.Response find = api.get("/api/restaurants?token=" + custom.token());
        TestServer.Response create = api.postJson("/api/restaurants?token=" + custom.token(), "{\"data\":{\"name\":\"New\"}}");

        assertThat(find.status()).isEqualTo(200);
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void tokenIsRemovedBeforePagination() {
        TestServer.Response response = api.get("/api/restaurants?token=" + fixture.tokenA + "&pagination[pageSize]=2");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(2);
        assertThat(response.json().at("/meta/pagination/total").asInt()).isEqualTo(5);
        assertThat(response.json().at("/meta/pagination/pageSize").asInt()).isEqualTo(2);
        assertThat(response.json().at("/meta/pagination/pageCount").asInt()).isEqualTo(3);
    }

    @Test
    void expiredTokenIs401AcrossRestart() {
        IssuedToken expired = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "past", TokenScope.FULL,
                new Expiry.At(clock.instant().plus(Duration.ofMinutes(1)))));
        IssuedToken never = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "never", TokenScope.FULL, Expiry.NEVER));
        clock.advance(Duration.ofMinutes(2));

        TestServer.Response before = api.get("/api/restaurants?token=" + expired.token());
        api.close();
        api = new TestServer(dataDir, clock);
        TestServer.Response after = api.get("/api/restaurants?token=" + expired.token());
        TestServer.Response neverExpires = api.get("/api/restaurants?token=" + never.token());

        assertThat(before.status()).isEqualTo(401);
        assertThat(before.json().at("/error/message").asText()).contains("expired");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().at("/error/message").asText()).contains("expired");
        assertThat(neverExpires.status()).isEqualTo(200);
    }

    @Test
    void tokenExpiresWhenClockPassesExpiry() {
        IssuedToken weekly = api.desk.tokens().issue(TokenRequest.of(fixture.alice.id(), "week", TokenScope.FULL, Expiry.parse("7d")));

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        int lastSecond = api.get("/api/restaurants?token=" + weekly.token()).status();
        clock.advance(Duration.ofSeconds(1));
        int atExpiry = api.get("/api/restaurants?token=" + weekly.token()).status();

        assertThat(lastSecond).isEqualTo(200);
        assertThat(atExpiry).isEqualTo(401);
    }

    @Test
    void healthNeedsNoCredential() {
        TestServer.Response response = api.get("/_health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void unknownTypeIs404() {
        TestServer.Response response = api.get("/api/nothings?token=" + fixture.tokenA);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/name").asText()).isEqualTo("NotFoundError");
    }
}
