package dev.tokendesk.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.UserView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final UserView ALICE = new UserView(7, "doc", "alice", "alice@example.com", 2, "Authenticated", false, 3,
            TestDesks.START, TestDesks.START);

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private final JwtService jwt = new JwtService(SECRET, clock, Duration.ofDays(30));

    private static Reason reasonOf(Runnable verification) {
        try {
            verification.run();
            return null;
        } catch (CredentialRejectedException e) {
            return e.reason();
        }
    }

    @Test
    void issuedJwtCarriesUserAndVersion() {
        JwtService.JwtClaims claims = jwt.verify(jwt.issue(ALICE));

        assertThat(claims.userId()).isEqualTo(7);
        assertThat(claims.credentialVersion()).isEqualTo(3);
    }

    @Test
    void jwtExpiresAfterLifetime() {
        String token = jwt.issue(ALICE);

        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertThat(reasonOf(() -> jwt.verify(token))).isEqualTo(Reason.EXPIRED_JWT);
    }

    @Test
    void unsignedJwtIsRejected() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"tokendesk\",\"sub\":\"7\",\"ver\":3,\"exp\":" + TestDesks.START.plusSeconds(600).getEpochSecond() + "}");

        assertThat(reasonOf(() -> jwt.verify(header + "." + payload + "."))).isEqualTo(Reason.INVALID_JWT);
    }

    @Test
    void otherAlgorithmWithSameSecretIsRejected() {
        String hs512 = JWT.create().withIssuer(JwtService.ISSUER).withSubject("7").withClaim("ver", 3)
                .withExpiresAt(TestDesks.START.plusSeconds(600)).sign(Algorithm.HMAC512(SECRET));

        assertThat(reasonOf(() -> jwt.verify(hs512))).isEqualTo(Reason.INVALID_JWT);
    }

    @Test
    void missingClaimsAreRejected() {
        Instant later = TestDesks.START.plusSeconds(600);
        String noExpiry = JWT.create().withIssuer(JwtService.ISSUER).withSubject("7").withClaim("ver", 3).sign(Algorithm.HMAC256(SECRET));
        String otherIssuer = JWT.create().withIssuer("someone-else").withSubject("7").withClaim("ver", 3).withExpiresAt(later)
                .sign(Algorithm.HMAC256(SECRET));
        String noVersion = JWT.create().withIssuer(JwtService.ISSUER).withSubject("7").withExpiresAt(later).sign(Algorithm.HMAC256(SECRET));
        String textSubject = JWT.create().withIssuer(JwtService.ISSUER).withSubject("alice").withClaim("ver", 3).withExpiresAt(later)
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(reasonOf(() -> jwt.verify(noExpiry))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(otherIssuer))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(noVersion))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(textSubject))).isEqualTo(Reason.INVALID_JWT);
    }

    @Test
    void otherSecretOrTamperedPayloadIsRejected() {
        String token = jwt.issue(ALICE);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"7\"", "\"sub\":\"8\"")) + "." + parts[2];
        JwtService other = new JwtService("another-secret-another-secret-42".getBytes(StandardCharsets.US_ASCII), clock, Duration.ofDays(1));

        assertThat(reasonOf(() -> jwt.verify(tampered))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> other.verify(token))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify("not.a.jwt"))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(""))).isEqualTo(Reason.INVALID_JWT);
    }

    @Test
    void rememberedJwtStillExpiresByTheClock() {
        String token = jwt.issue(ALICE);
        assertThat(jwt.verify(token).userId()).isEqualTo(7);
        assertThat(jwt.verify(token).userId()).isEqualTo(7);

        clock.advance(Duration.ofDays(30));

        assertThat(reasonOf(() -> jwt.verify(token))).isEqualTo(Reason.EXPIRED_JWT);
    }

    @Test
    void rememberingAJwtAcceptsNoVariantOfIt() {
        String token = jwt.issue(ALICE);
        jwt.verify(token);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String tampered = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"7\"", "\"sub\":\"8\"")) + "." + parts[2];

        assertThat(reasonOf(() -> jwt.verify(otherSignature))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(tampered))).isEqualTo(Reason.INVALID_JWT);
        assertThat(reasonOf(() -> jwt.verify(token + "x"))).isEqualTo(Reason.INVALID_JWT);
        assertThat(jwt.verify(token).userId()).isEqualTo(7);
    }

    @Test
    void manyDistinctJwtsKeepWorking() {
        // More JWTs than are remembered: the store empties itself and every JWT still verifies.
        for (int i = 0; i <= JwtService.MAX_REMEMBERED; i++) {
            UserView user = new UserView(i + 1, "doc", "user" + i, "u" + i + "@example.com", 2, "Authenticated", false, 1,
                    TestDesks.START, TestDesks.START);
            assertThat(jwt.verify(jwt.issue(user)).userId()).isEqualTo(i + 1);
        }
        assertThat(jwt.remembered()).isBetween(1, JwtService.MAX_REMEMBERED);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
