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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies the JWTs returned by the login endpoint: HS256 only, issuer
 * {@value #ISSUER}, {@code exp} required, subject the user id, and claim {@value #VERSION_CLAIM}
 * the user's credential version at issue time.
 *
 * <p>Verified JWTs are remembered with their expiry, so a client that sends the same JWT again
 * costs a map lookup and a clock read instead of decoding JSON and computing an HMAC. Only a
 * string that passed verification is stored, and a remembered JWT is accepted only before its
 * {@code exp}; whether its user still exists, is not blocked, and has the same credential version
 * is checked by the caller on every request. At most {@link #MAX_REMEMBERED} are kept; when full,
 * all are dropped.
 *
 * <p>Thread-safe; time comes from the injected {@link Clock}.
 */
public final class JwtService {

    public static final String ISSUER = "tokendesk";
    public static final String VERSION_CLAIM = "ver";
    /** Upper bound of remembered JWTs, so that memory stays bounded whatever clients send. */
    public static final int MAX_REMEMBERED = 10_000;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
        Verified remembered = verified.get(jwt);
        if (remembered != null && clock.instant().isBefore(remembered.expiresAt())) {
            return remembered.claims();
        }
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
            JwtClaims claims = new JwtClaims(userId, version);
            remember(jwt, claims, decoded.getExpiresAtAsInstant());
            return claims;
        } catch (NumberFormatException e) {
            throw new CredentialRejectedException(Reason.INVALID_JWT);
        }
    }

    /** Returns how many verified JWTs are remembered, for tests. */
    int remembered() {
        return verified.size();
    }

    private void remember(String jwt, JwtClaims claims, Instant expiresAt) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(jwt, new Verified(claims, expiresAt));
    }

    /** A JWT that passed verification, and the instant from which it is expired. */
    private record Verified(JwtClaims claims, Instant expiresAt) {
    }

    /** Claims of a verified JWT that authorization needs. */
    public record JwtClaims(long userId, int credentialVersion) {
    }
}
