package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that users of similar systems reported about credentials: blocked and deleted users,
 * password changes, header forms, duplicate and conflicting credentials.
 */
class CredentialCasesTest {

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;
    private String jwtA;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir, new MutableClock(TestDesks.START));
        fixture = new ApiFixture(api.desk);
        jwtA = login("alice@example.com", ApiFixture.ALICE_PASSWORD).json().get("jwt").asText();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TestServer.Response login(String identifier, String password) {
        return api.postJson("/api/auth/local", "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void blockedUserLosesEveryCredential() {
        api.desk.users().setBlocked(fixture.alice.id(), true);

        TestServer.Response byToken = api.get("/api/restaurants?token=" + fixture.tokenA);
        TestServer.Response byJwt = api.get("/api/restaurants", "Authorization", "Bearer " + jwtA);
        TestServer.Response byLogin = login("alice@example.com", ApiFixture.ALICE_PASSWORD);

        assertThat(byToken.status()).isEqualTo(401);
        assertThat(byToken.json().at("/error/message").asText()).contains("blocked");
        assertThat(byJwt.status()).isEqualTo(401);
        assertThat(byLogin.status()).isEqualTo(400);
        assertThat(byLogin.json().at("/error/message").asText()).contains("blocked");
        assertThat(byLogin.body()).doesNotContain("jwt");
    }

    @Test
    void unblockingRestoresTokensButNotOldJwts() {
        api.desk.users().setBlocked(fixture.alice.id(), true);
        api.desk.users().setBlocked(fixture.alice.id(), false);

        TestServer.Response byToken = api.get("/api/restaurants?token=" + fixture.tokenA);
        TestServer.Response byOldJwt = api.get("/api/restaurants", "Authorization", "Bearer " + jwtA);
        TestServer.Response byLogin = login("alice@example.com", ApiFixture.ALICE_PASSWORD);

        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byOldJwt.status()).isEqualTo(401);
        assertThat(byLogin.status()).isEqualTo(200);
    }

    @Test
    void deletedUserLosesEveryCredential() {
        api.desk.users().delete(fixture.alice.id());

        TestServer.Response byJwt = api.get("/api/restaurants", "Authorization", "Bearer " + jwtA);
        TestServer.Response byToken = api.get("/api/restaurants?token=" + fixture.tokenA);

        assertThat(byJwt.status()).isEqualTo(401);
        assertThat(byJwt.json().at("/error/name").asText()).isEqualTo("UnauthorizedError");
        assertThat(byToken.status()).isEqualTo(401);
        assertThat(api.desk.tokens().list()).noneMatch(token -> token.ownerId() == fixture.alice.id());
    }

    @Test
    void passwordChangeEndsJwtsButKeepsTokens() {
        api.desk.users().changePassword(fixture.alice.id(), "Alice-Pass-2");

        TestServer.Response oldJwt = api.get("/api/restaurants", "Authorization", "Bearer " + jwtA);
        TestServer.Response oldPassword = login("alice@example.com", ApiFixture.ALICE_PASSWORD);
        TestServer.Response newPassword = login("alice@example.com", "Alice-Pass-2");
        TestServer.Response newJwt = api.get("/api/restaurants", "Authorization", "Bearer " + newPassword.json().get("jwt").asText());
        TestServer.Response apiToken = api.get("/api/restaurants?token=" + fixture.tokenA);

        assertThat(oldJwt.status()).isEqualTo(401);
        assertThat(oldPassword.status()).isEqualTo(400);
        assertThat(oldPassword.body()).doesNotContain("\"jwt\"");
        assertThat(newPassword.status()).isEqualTo(200);
        assertThat(newJwt.status()).isEqualTo(200);
        assertThat(apiToken.status()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIgnoresCaseAndWhitespace() {
        int port = api.server.port();

        assertThat(RawHttp.get(port, "/api/users/me", "Authorization: bearer " + jwtA).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/users/me", "Authorization: BEARER  " + jwtA).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/users/me", "Authorization: Bearer " + jwtA + " ").status()).isEqualTo(200);
    }

    @Test
    void malformedAuthorizationHeadersAre401() {
        int port = api.server.port();
        char flipped = Character.isUpperCase(jwtA.charAt(40)) ? Character.toLowerCase(jwtA.charAt(40)) : Character.toUpperCase(jwtA.charAt(40));
        String flippedJwt = jwtA.substring(0, 40) + flipped + jwtA.substring(41);
        String[] headers = {
            "Authorization: Bearer",
            "Authorization: Basic YWxpY2U6eA==",
            "Authorization: Bearer " + jwtA + " extra",
            "Authorization: " + jwtA,
            "Authorization: Bearer " + flippedJwt,
        };

        for (String header : headers) {
            RawHttp.Result result = RawHttp.get(port, "/api/restaurants", header);

            assertThat(result.status()).as(header).isEqualTo(401);
            assertThat(result.text()).as(header).containsIgnoringCase("WWW-Authenticate: Bearer");
        }
    }

    @Test
    void duplicateAuthorizationHeadersAre400() {
        int port = api.server.port();

        RawHttp.Result validFirst = RawHttp.get(port, "/api/restaurants", "Authorization: Bearer " + jwtA, "Authorization: Bearer invalid");
        RawHttp.Result validSecond = RawHttp.get(port, "/api/restaurants", "Authorization: Bearer invalid", "Authorization: Bearer " + jwtA);

        assertThat(validFirst.status()).isEqualTo(400);
        assertThat(validFirst.text()).contains("Authorization header appears 2 times");
        assertThat(validSecond.status()).isEqualTo(400);
    }

    @Test
    void queryTokenAndHeaderTogetherAre400() {
        TestServer.Response otherUser = api.get("/api/restaurants?token=" + fixture.tokenB, "Authorization", "Bearer " + jwtA);
        TestServer.Response sameUser = api.get("/api/restaurants?token=" + fixture.tokenA, "Authorization", "Bearer " + jwtA);

        assertThat(otherUser.status()).isEqualTo(400);
        assertThat(otherUser.json().at("/error/message").asText()).contains("Conflicting credentials");
        assertThat(sameUser.status()).isEqualTo(400);
    }

    @Test
    void repeatedTokenParameterIs400() {
        TestServer.Response response = api.get("/api/restaurants?token=" + fixture.tokenA + "&token=" + fixture.tokenA);
        TestServer.Response bracketed = api.get("/api/restaurants?token[0]=" + fixture.tokenA);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/errors/0/path/0").asText()).isEqualTo("token");
        assertThat(bracketed.status()).isEqualTo(400);
    }

    @Test
    void loginRejectsNonStringFields() {
        String[] bodies = {
            "{\"identifier\":1,\"password\":\"x\"}",
            "{\"identifier\":\"alice\",\"password\":[\"Alice-Pass-1\"]}",
            "{\"identifier\":null,\"password\":\"Alice-Pass-1\"}",
            "{\"password\":\"Alice-Pass-1\"}",
            "{\"identifier\":\"alice\"}",
            "[]",
            "{\"identifier\":{\"$ne\":\"\"},\"password\":\"x\"}",
        };

        for (String body : bodies) {
            TestServer.Response response = api.postJson("/api/auth/local", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().at("/error/name").asText()).as(body).isEqualTo("ValidationError");
        }
    }

    @Test
    void loginAnswersUnknownUserLikeWrongPassword() {
        TestServer.Response unknown = login("nobody@example.com", "Whatever-1");
        TestServer.Response wrong = login("alice@example.com", "Whatever-1");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(unknown.json().get("error")).isEqualTo(wrong.json().get("error"));
    }

    @Test
    void invalidJsonBodyDoesNotEchoIt() {
        TestServer.Response response = api.postJson("/api/auth/local", "{\"identifier\":\"alice\",\"password\":Secret-Value-9}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Secret-Value-9");
    }
}
