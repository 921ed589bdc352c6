package dev.tokendesk.token;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.audit.AuditAction;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.auth.CredentialCache;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.db.Database;
import dev.tokendesk.db.LikePatterns;
import dev.tokendesk.db.Page;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.user.Identifiers;
import dev.tokendesk.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final CredentialCache cache;

    public TokenService(Database database, ChangeEvents events, AuditLog audit, TokenFormat format, TokenHasher hasher, Clock clock,
            CredentialCache cache) {
        this.cache = cache;
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
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ValidationException.of("expiresAt", "Token expiry " + expiresAt + " is not in the future: choose a later time or a duration such as 30d");
        }
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
     * Returns one page of tokens, oldest first, that match every filter of {@code query}. Filtering
     * and paging run in SQL; the status filter compares with the service clock's current time.
     *
     * @throws ValidationException when the page number or size is out of range
     */
    public Page<TokenView> page(TokenQuery query) {
        Page.requireValid(query.page(), query.pageSize());
        Instant now = clock.instant();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (query.ownerId() != null) {
            conditions.add("t.owner.id = :ownerId");
            parameters.put("ownerId", query.ownerId());
        }
        if (!query.owner().isEmpty()) {
            conditions.add("t.owner.usernameKey like :owner escape '" + LikePatterns.ESCAPE + "'");
            parameters.put("owner", LikePatterns.containing(Identifiers.key(query.owner())));
        }
        if (query.scope() != null) {
            conditions.add("t.scope = :scope");
            parameters.put("scope", query.scope().apiName());
        }
        if (query.status() != null) {
            // "coalesce(revokedAt, epoch) = epoch" means "not revoked" without offering H2 the index on
            // revoked_at, which it would pick for "is null" and then sort every active token by id.
            // Ranges start after the epoch so that they skip the nulls of the indexes.
            conditions.add(switch (query.status()) {
                case ACTIVE -> "coalesce(t.revokedAt, :epoch) = :epoch and (t.expiresAt is null or t.expiresAt > :now)";
                case EXPIRED -> "coalesce(t.revokedAt, :epoch) = :epoch and t.expiresAt > :epoch and t.expiresAt <= :now";
                case REVOKED -> "t.revokedAt > :epoch";
            });
            parameters.put("epoch", Instant.EPOCH);
            if (query.status() != TokenStatus.REVOKED) {
                parameters.put("now", now);
            }
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);

        boolean statusOnly = query.status() != null && query.ownerId() == null && query.owner().isEmpty() && query.scope() == null;
        return database.inTransaction(session -> {
            var count = session.createSelectionQuery("select count(*) from ApiToken t" + where, Long.class);
            // Without an owner filter, a left join keeps the tokens table first, so H2 reads it in id order
            // and stops after the page. An owner filter selects few users, so there they come first.
            String owner = query.owner().isEmpty() ? " left join fetch t.owner" : " join fetch t.owner";
            var select = session.createSelectionQuery("select t from ApiToken t" + owner + where + " order by t.id", ApiToken.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                select.setParameter(name, value);
            });
            long total = statusOnly && query.status() != TokenStatus.REVOKED ? countByStatus(session, query.status(), now)
                    : count.getSingleResult();
            List<TokenView> tokens = select
                    .setFirstResult(Page.offset(query.page(), query.pageSize()))
                    .setMaxResults(query.pageSize())
                    .getResultList()
                    .stream()
                    .map(token -> token.toView(now))
                    .toList();
            return new Page<>(tokens, total, query.page(), query.pageSize());
        });
    }

    /**
     * Counts active or expired tokens with counts that the indexes on {@code revoked_at} and
     * {@code expires_at} serve, so that a million tokens are not read one by one. Expired tokens
     * are those expired by {@code now} less the revoked ones among them. Active tokens are all
     * tokens less the revoked and the expired ones.
     */
    private static long countByStatus(Session session, TokenStatus status, Instant now) {
        // Every bound starts after the epoch: "is not null" cannot start an index range in H2, which
        // would then read each token with a null value from the table, and a million tokens never expire.
        long expiredByNow = session.createSelectionQuery("select count(*) from ApiToken t where t.expiresAt > :epoch and t.expiresAt <= :now",
                        Long.class)
                .setParameter("epoch", Instant.EPOCH).setParameter("now", now).getSingleResult();
        long revokedAndExpired = session.createSelectionQuery("select count(*) from ApiToken t where t.revokedAt > :epoch"
                        + " and t.expiresAt > :epoch and t.expiresAt <= :now", Long.class)
                .setParameter("epoch", Instant.EPOCH).setParameter("now", now).getSingleResult();
        long expired = expiredByNow - revokedAndExpired;
        if (status == TokenStatus.EXPIRED) {
            return expired;
        }
        long all = session.createSelectionQuery("select count(*) from ApiToken t", Long.class).getSingleResult();
        long revoked = session.createSelectionQuery("select count(*) from ApiToken t where t.revokedAt > :epoch", Long.class)
                .setParameter("epoch", Instant.EPOCH).getSingleResult();
        return all - revoked - expired;
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
     * Checks a presented token: format and checksum first (no database read when they fail), then
     * the stored hash (or the previous hash within its grace period), revocation, expiry, the
     * owner's blocked flag and the IP allow-list.
     *
     * <p>An accepted token is kept in the {@link CredentialCache} under its HMAC; a repeated check
     * reads nothing from the database but still checks expiry, the grace period and the address
     * against the clock and the caller. An unknown token costs one hash and one query.
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
        AcceptedToken cached = cache.token(hash, AcceptedToken.class);
        if (cached != null) {
            return cached.check(now, clientAddress);
        }
        long generation = cache.generation();
        AcceptedToken accepted = database.inTransaction(session -> {
            ApiToken stored = findByCurrentOrPreviousHash(session, hash);
            if (stored == null) {
                throw new CredentialRejectedException(Reason.UNKNOWN_TOKEN);
            }
            boolean previousValue = !stored.getTokenHash().equals(hash);
            if (previousValue && (stored.getPreviousValidUntil() == null || !now.isBefore(stored.getPreviousValidUntil()))) {
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
            VerifiedToken verified = new VerifiedToken(stored.getId(), owner.getId(), owner.getUsername(), owner.getRole().getId(),
                    stored.getScope(), stored.customPermissions(), owner.getRole().permissions());
            return new AcceptedToken(verified, stored.getExpiresAt(), previousValue ? stored.getPreviousValidUntil() : null,
                    stored.allowedIps());
        });
        cache.putToken(hash, generation, accepted);
        return accepted.check(now, clientAddress);
    }

    /**
     * Finds the token whose current or previous hash is {@code hash} in one statement. Each half
     * of the union probes its own unique index; H2 would plan "a = ? OR b = ?" as a table scan.
     * A current hash wins over a previous one.
     */
    private static ApiToken findByCurrentOrPreviousHash(Session session, String hash) {
        List<?> rows = session.createNativeQuery(
                        "SELECT id, 0 AS preference FROM api_tokens WHERE token_hash = :hash"
                                + " UNION ALL SELECT id, 1 AS preference FROM api_tokens WHERE previous_token_hash = :hash"
                                + " ORDER BY preference", Object[].class)
                .setParameter("hash", hash)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        long id = ((Number) ((Object[]) rows.get(0))[0]).longValue();
        return session.find(ApiToken.class, id);
    }

    /**
     * Cached value of an accepted token: the result, and the conditions that change with
     * time or the caller and so are checked on every use.
     *
     * @param graceUntil end of the grace period when the token was presented with its previous value, else null
     */
    private record AcceptedToken(VerifiedToken verified, Instant expiresAt, Instant graceUntil, IpAllowList allowedIps) {

        VerifiedToken check(Instant now, String clientAddress) {
            if (graceUntil != null && !now.isBefore(graceUntil)) {
                throw new CredentialRejectedException(Reason.SUPERSEDED_TOKEN);
            }
            if (expiresAt != null && !now.isBefore(expiresAt)) {
                throw new CredentialRejectedException(Reason.EXPIRED_TOKEN);
            }
            if (!allowedIps.allows(clientAddress)) {
                throw new AddressNotAllowedException(clientAddress);
            }
            return verified;
        }
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
