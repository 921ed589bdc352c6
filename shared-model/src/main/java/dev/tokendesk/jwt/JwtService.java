package dev.tokendesk.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.user.UserView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues and verifies the JWTs returned by the login endpoint: HS256 only, issuer
 * {@value #ISSUER}, {@code exp} required, subject the user id, and claim {@value #VERSION_CLAIM}
 * the user's credential version at issue time.
 *
 * <p>Immutable and thread-safe; time comes from the injected {@link Clock}.
 */
public final class JwtService {

    public static final String ISSUER = "tokendesk";
    public static final String VERSION_CLAIM = "ver";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration lifetime;

    public JwtService(byte[] secret, Clock clock, Duration lifetime) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.clock = clock;
        this.lifetime = lifetime;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .withClaimPresence(VERSION_CLAIM))
                .build(clock);
    }

    public String issue(UserView user) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(Long.toString(user.id()))
                .withClaim(VERSION_CLAIM, user.credentialVersion())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    /**
     * Verifies signature, algorithm, issuer and expiry; the caller checks the user and version.
     *
     * @throws CredentialRejectedException with {@link Reason#EXPIRED_JWT} or {@link Reason#INVALID_JWT}
     */
    public JwtClaims verify(String jwt) {
        DecodedJWT decoded;
        try {
            decoded = verifier.verify(jwt);
        } catch (TokenExpiredException e) {
            throw new CredentialRejectedException(Reason.EXPIRED_JWT);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            throw new CredentialRejectedException(Reason.INVALID_JWT);
        }
        try {
            long userId = Long.parseLong(decoded.getSubject());
            Integer version = decoded.getClaim(VERSION_CLAIM).asInt();
            if (version == null) {
                throw new CredentialRejectedException(Reason.INVALID_JWT);
            }
            return new JwtClaims(userId, version);
        } catch (NumberFormatException e) {
            throw new CredentialRejectedException(Reason.INVALID_JWT);
        }
    }

    /** Claims of a verified JWT that authorization needs. */
    public record JwtClaims(long userId, int credentialVersion) {
    }
}
