package dev.tokendesk.token;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.audit.AuditAction;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.user.Identifiers;
import dev.tokendesk.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Issues, lists, regenerates, revokes and verifies API tokens.
 *
 * <p>Only the HMAC of a token is stored; {@link #issue} and {@link #regenerate} return the clear
 * value once. Thread-safe: each method runs in its own transaction, records an audit event in it,
 * and publishes a {@link ChangeEvent.Kind#TOKEN} event after a change commits.
 */
public final class TokenService {

    /** Maximum grace period during which the value before a regeneration keeps working. */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofHours(24);

    private final Database database;
    private final ChangeEvents events;
    private final AuditLog audit;
    private final TokenFormat format;
    private final TokenHasher hasher;
    private final Clock clock;

    public TokenService(Database database, ChangeEvents events, AuditLog audit, TokenFormat format, TokenHasher hasher, Clock clock) {
        this.database = database;
        this.events = events;
        this.audit = audit;
        this.format = format;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Issues a token.
     *
     * @throws ValidationException when the name is missing or too long, or a custom scope has no permissions
     * @throws NotFoundException when the owner does not exist
     */
    public IssuedToken issue(TokenRequest request) {
        String name = validName(request.name());
        if (request.scope() == TokenScope.CUSTOM && request.customPermissions().isEmpty()) {
            throw ValidationException.of("permissions", "A token with the custom scope needs at least one permission");
        }
        if (request.scope() != TokenScope.CUSTOM && !request.customPermissions().isEmpty()) {
            throw ValidationException.of("permissions", "Permissions can only be chosen for the custom scope, not for " + request.scope());
        }
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        if (description != null && description.length() > 500) {
            throw ValidationException.of("description", "Token description is longer than 500 characters");
        }

        String token = format.generate();
        Instant now = clock.instant();
        Instant expiresAt = request.expiry().expiresAt(clock);
        TokenView view = database.inTransaction(session -> {
            User owner = session.find(User.class, request.ownerId());
            if (owner == null) {
                throw new NotFoundException("User", request.ownerId());
            }
            ApiToken stored = new ApiToken(owner, name, description, hasher.hash(token), TokenFormat.hintOf(token),
                    request.scope(), request.customPermissions(), request.allowedIps(), now, expiresAt);
            session.persist(stored);
            TokenView created = stored.toView(now);
            audit.record(session, AuditAction.TOKEN_ISSUED, created.id(), describe(created),
                    "scope " + created.scope() + ", expires " + (expiresAt == null ? "never" : expiresAt));
            return created;
        });
        events.publish(ChangeEvent.Kind.TOKEN, view.id());
        return new IssuedToken(token, view);
    }

    /**
     * Gives a token a new secret value with the same settings. The old value keeps working for
     * {@code gracePeriod}; with zero it fails on the next request.
     *
     * @throws ValidationException when the grace period is negative or longer than 24 hours, or the token is revoked
     * @throws NotFoundException when no token has {@code tokenId}
     */
    public IssuedToken regenerate(long tokenId, Duration gracePeriod) {
        if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw ValidationException.of("gracePeriod", "Grace period must be between 0 and 24 hours, got " + describe(gracePeriod));
        }
        String token = format.generate();
        Instant now = clock.instant();
        TokenView view = database.inTransaction(session -> {
            ApiToken stored = requireEntity(session, tokenId);
            if (stored.getRevokedAt() != null) {
                throw ValidationException.of("token", "Token " + tokenId + " is revoked; issue a new token instead");
            }
            stored.regenerate(hasher.hash(token), TokenFormat.hintOf(token), now, gracePeriod);
            TokenView regenerated = stored.toView(now);
            audit.record(session, AuditAction.TOKEN_REGENERATED, tokenId, describe(regenerated),
                    "grace period " + gracePeriod.toMinutes() + " min");
            return regenerated;
        });
        events.publish(ChangeEvent.Kind.TOKEN, tokenId);
        return new IssuedToken(token, view);
    }

    public List<TokenView> list() {
        Instant now = clock.instant();
        return database.inTransaction(session -> session
                .createSelectionQuery("from ApiToken order by id", ApiToken.class)
                .getResultList()
                .stream()
                .map(token -> token.toView(now))
                .toList());
    }

    public List<TokenView> listForUser(long userId) {
        Instant now = clock.instant();
        return database.inTransaction(session -> session
                .createSelectionQuery("from ApiToken where owner.id = :owner order by id", ApiToken.class)
                .setParameter("owner", userId)
                .getResultList()
                .stream()
                .map(token -> token.toView(now))
                .toList());
    }

    /**
     * Revokes a token; the next request that presents it gets 401. Revoking twice keeps the first time.
     *
     * @throws NotFoundException when no token has {@code tokenId}
     */
    public TokenView revoke(long tokenId) {
        Instant now = clock.instant();
        TokenView view = database.inTransaction(session -> {
            ApiToken token = requireEntity(session, tokenId);
            boolean wasActive = token.getRevokedAt() == null;
            token.revoke(now);
            TokenView revoked = token.toView(now);
            if (wasActive) {
                audit.record(session, AuditAction.TOKEN_REVOKED, tokenId, describe(revoked), null);
            }
            return revoked;
        });
        events.publish(ChangeEvent.Kind.TOKEN, tokenId);
        return view;
    }

    /** Deletes a token for good. */
    public void delete(long tokenId) {
        Instant now = clock.instant();
        database.run(session -> {
            ApiToken token = requireEntity(session, tokenId);
            audit.record(session, AuditAction.TOKEN_DELETED, tokenId, describe(token.toView(now)), null);
            session.remove(token);
        });
        events.publish(ChangeEvent.Kind.TOKEN, tokenId);
    }

    /**
     * Checks a presented token: format and checksum first, then the stored hash (or the previous
     * hash within its grace period), revocation, expiry, the owner's blocked flag and the IP allow-list.
     *
     * @param clientAddress literal address of the caller, checked against the allow-list
     * @throws CredentialRejectedException naming the reason when the token is not accepted
     * @throws AddressNotAllowedException when the token is valid but not from {@code clientAddress}
     */
    public VerifiedToken verify(String token, String clientAddress) {
        if (!TokenFormat.isWellFormed(token)) {
            throw new CredentialRejectedException(Reason.MALFORMED_TOKEN);
        }
        String hash = hasher.hash(token);
        Instant now = clock.instant();
        return database.inTransaction(session -> {
            // Two look-ups, each on its own index: H2 plans "a = ? OR b = ?" as a table scan.
            ApiToken stored = session.createSelectionQuery("from ApiToken where tokenHash = :hash", ApiToken.class)
                    .setParameter("hash", hash)
                    .getSingleResultOrNull();
            if (stored == null) {
                stored = session.createSelectionQuery("from ApiToken where previousTokenHash = :hash", ApiToken.class)
                        .setParameter("hash", hash)
                        .setMaxResults(1)
                        .getSingleResultOrNull();
            }
            if (stored == null) {
                throw new CredentialRejectedException(Reason.UNKNOWN_TOKEN);
            }
            if (!stored.getTokenHash().equals(hash)
                    && (stored.getPreviousValidUntil() == null || !now.isBefore(stored.getPreviousValidUntil()))) {
                throw new CredentialRejectedException(Reason.SUPERSEDED_TOKEN);
            }
            switch (TokenStatus.of(stored.getRevokedAt(), stored.getExpiresAt(), now)) {
                case REVOKED -> throw new CredentialRejectedException(Reason.REVOKED_TOKEN);
                case EXPIRED -> throw new CredentialRejectedException(Reason.EXPIRED_TOKEN);
                case ACTIVE -> {
                    // Accepted so far; the owner and the address are checked next.
                }
            }
            User owner = stored.getOwner();
            if (owner.isBlocked()) {
                throw new CredentialRejectedException(Reason.USER_BLOCKED);
            }
            if (!stored.allowedIps().allows(clientAddress)) {
                throw new AddressNotAllowedException(clientAddress);
            }
            return new VerifiedToken(stored.getId(), owner.getId(), owner.getUsername(), owner.getRole().getId(),
                    stored.getScope(), stored.customPermissions(), owner.getRole().permissions());
        });
    }

    /** Stores when and from where a token was last used, without checking anything. */
    void markUsed(long tokenId, Instant when, String ip) {
        // One conditional UPDATE instead of read-then-write: when several instances flush the same
        // token at once, the row lock orders them and the latest time wins, whichever commits last.
        database.run(session -> session.createMutationQuery("""
                        update ApiToken set lastUsedAt = :when, lastUsedIp = :ip
                        where id = :id and (lastUsedAt is null or lastUsedAt < :when)""")
                .setParameter("when", when)
                .setParameter("ip", ip)
                .setParameter("id", tokenId)
                .executeUpdate());
    }

    private static String describe(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.isNegative()) {
            return duration.toSeconds() + " s";
        }
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    private static String describe(TokenView token) {
        return token.name() + " (" + token.hint() + ", owner " + token.ownerUsername() + ")";
    }

    private static ApiToken requireEntity(Session session, long tokenId) {
        ApiToken token = session.find(ApiToken.class, tokenId);
        if (token == null) {
            throw new NotFoundException("Token", tokenId);
        }
        return token;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("name", "Token name is missing");
        }
        String clean = Identifiers.normalize(name);
        if (clean.length() > 100) {
            throw ValidationException.of("name", "Token name is longer than 100 characters");
        }
        return clean;
    }
}
