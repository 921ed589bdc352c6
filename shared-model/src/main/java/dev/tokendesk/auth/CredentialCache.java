package dev.tokendesk.auth;

import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers accepted credentials so that a repeated request needs no database read, without
 * delaying a revocation by even one request.
 *
 * <p>Every value is stored with the generation that was current when its database read began.
 * A value is used only while that generation is still current. Every committed change to users,
 * roles or tokens raises the generation: services publish their {@link ChangeEvent} before the
 * changing call returns, and this cache listens to those events, so the next request reads the
 * database again. A read that raced with a change keeps its old generation and is never used.
 * Changes made by other processes arrive through {@link dev.tokendesk.event.ChangeFeed}, as
 * {@link ChangeEvent.Origin#OTHER_PROCESS} events, so they apply within one feed interval
 * (about a second).
 *
 * <p>Time-dependent conditions (expiry, the grace period of a regenerated value) and the
 * client address are not part of a stored value: the caller checks them on every hit.
 *
 * <p>Thread-safe. Each map contains at most {@link #MAX_ENTRIES} values; when one is full it is
 * emptied, which only costs database reads.
 */
public final class CredentialCache {

    /** Upper bound of values per map, to keep memory bounded whatever clients send. */
    public static final int MAX_ENTRIES = 50_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Stamped<Object>> byTokenHash = new ConcurrentHashMap<>();
    private final Map<Long, Stamped<Object>> byUserId = new ConcurrentHashMap<>();
    private volatile Stamped<Object> publicRole;

    /** Creates a cache that empties itself on every user, role and token change published on {@code events}. */
    public CredentialCache(ChangeEvents events) {
        events.subscribe(event -> {
            switch (event.kind()) {
                case USER, ROLE, TOKEN -> invalidateAll();
                case TOKEN_USE, CONTENT_TYPE, ENTRY -> {
                    // Neither last-used times nor content decide who a credential belongs to or what it may do.
                }
            }
        });
    }

    /** Returns the current generation; take it before reading the database for a value to {@link #putToken store}. */
    public long generation() {
        return generation.get();
    }

    /** Makes every stored value unusable; the next lookups read the database. */
    public void invalidateAll() {
        generation.incrementAndGet();
        byTokenHash.clear();
        byUserId.clear();
        publicRole = null;
    }

    /** Returns the value stored for a token HMAC, or null when there is none for the current generation. */
    public <T> T token(String tokenHash, Class<T> type) {
        return current(byTokenHash.get(tokenHash), type);
    }

    /** Stores the value read for a token HMAC at {@code readGeneration}. */
    public void putToken(String tokenHash, long readGeneration, Object value) {
        put(byTokenHash, tokenHash, readGeneration, value);
    }

    /** Returns the value stored for the user of a JWT, or null when there is none for the current generation. */
    public <T> T user(long userId, Class<T> type) {
        return current(byUserId.get(userId), type);
    }

    /** Stores the value read for a user at {@code readGeneration}. */
    public void putUser(long userId, long readGeneration, Object value) {
        put(byUserId, userId, readGeneration, value);
    }

    /** Returns the Public role's value, or null when there is none for the current generation. */
    public <T> T publicRole(Class<T> type) {
        return current(publicRole, type);
    }

    /** Stores the Public role's value read at {@code readGeneration}. */
    public void putPublicRole(long readGeneration, Object value) {
        if (readGeneration == generation.get()) {
            publicRole = new Stamped<>(readGeneration, value);
        }
    }

    /** Returns how many token and user values are stored, for tests. */
    public int size() {
        return byTokenHash.size() + byUserId.size();
    }

    private <K> void put(Map<K, Stamped<Object>> map, K key, long readGeneration, Object value) {
        if (readGeneration != generation.get()) {
            return;
        }
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Stamped<>(readGeneration, value));
    }

    private <T> T current(Stamped<Object> stamped, Class<T> type) {
        if (stamped == null || stamped.generation() != generation.get()) {
            return null;
        }
        return type.cast(stamped.value());
    }

    private record Stamped<V>(long generation, V value) {
    }
}
