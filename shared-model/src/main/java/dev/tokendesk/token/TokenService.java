package dev.tokendesk.token;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.user.Identifiers;
import dev.tokendesk.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Issues, lists, revokes and verifies API tokens.
 *
 * <p>Only the HMAC of a token is stored; {@link #issue} returns the clear value once. Thread-safe:
 * each method runs in its own transaction and publishes a {@link ChangeEvent.Kind#TOKEN} event
 * after a change commits.
 */
public final class TokenService {

    private final Database database;
    private final ChangeEvents events;
    private final TokenFormat format;
    private final TokenHasher hasher;
    private final Clock clock;

    public TokenService(Database database, ChangeEvents events, TokenFormat format, TokenHasher hasher, Clock clock) {
        this.database = database;
        this.events = events;
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
                    request.scope(), request.customPermissions(), now, expiresAt);
            session.persist(stored);
            return stored.toView(now);
        });
        events.publish(ChangeEvent.Kind.TOKEN, view.id());
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
            token.revoke(now);
            return token.toView(now);
        });
        events.publish(ChangeEvent.Kind.TOKEN, tokenId);
        return view;
    }

    /** Deletes a token for good. */
    public void delete(long tokenId) {
        database.run(session -> session.remove(requireEntity(session, tokenId)));
        events.publish(ChangeEvent.Kind.TOKEN, tokenId);
    }

    /**
     * Checks a presented token: format and checksum first, then the stored hash, revocation,
     * expiry and the owner's blocked flag.
     *
     * @throws CredentialRejectedException naming the reason when the token is not accepted
     */
    public VerifiedToken verify(String token) {
        if (!TokenFormat.isWellFormed(token)) {
            throw new CredentialRejectedException(Reason.MALFORMED_TOKEN);
        }
        String hash = hasher.hash(token);
        Instant now = clock.instant();
        return database.inTransaction(session -> {
            ApiToken stored = session.createSelectionQuery("from ApiToken where tokenHash = :hash", ApiToken.class)
                    .setParameter("hash", hash)
                    .getSingleResultOrNull();
            if (stored == null) {
                throw new CredentialRejectedException(Reason.UNKNOWN_TOKEN);
            }
            switch (TokenStatus.of(stored.getRevokedAt(), stored.getExpiresAt(), now)) {
                case REVOKED -> throw new CredentialRejectedException(Reason.REVOKED_TOKEN);
                case EXPIRED -> throw new CredentialRejectedException(Reason.EXPIRED_TOKEN);
                case ACTIVE -> {
                    // Accepted so far; the owner is checked next.
                }
            }
            User owner = stored.getOwner();
            if (owner.isBlocked()) {
                throw new CredentialRejectedException(Reason.USER_BLOCKED);
            }
            return new VerifiedToken(stored.getId(), owner.getId(), owner.getUsername(), owner.getRole().getId(),
                    stored.getScope(), stored.customPermissions());
        });
    }

    /** Stores when and from where a token was last used, without checking anything. */
    void markUsed(long tokenId, Instant when, String ip) {
        database.run(session -> {
            ApiToken token = session.find(ApiToken.class, tokenId);
            if (token != null) {
                token.markUsed(when, ip);
            }
        });
    }

    private static ApiToken requireEntity(org.hibernate.Session session, long tokenId) {
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
