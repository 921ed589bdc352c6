package dev.tokendesk.server.content;

import dev.tokendesk.auth.Principal;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the JSON bodies of recent content reads, so that a client repeating the same request
 * gets the stored bytes without a database read.
 *
 * <p>A body is stored under the caller and the request: the kind of credential, the user and the
 * token (so two tokens with different scopes never share a body), the path, and the query string
 * after the {@code token} parameter was removed. Only 200 responses of {@code GET} content
 * routes are stored.
 *
 * <p>Any committed change empties the cache: entries, content types, users (a populated user
 * relation shows user fields), roles and tokens (both change what a caller may populate), but not
 * the writing of last-used times. The
 * services publish their event before the changing call returns, so the next request reads the
 * database again. As in {@link dev.tokendesk.auth.CredentialCache}, each body carries the
 * generation that was current when its read began, and a body read while a change was being made
 * is never used. Changes by other processes arrive through the change feed, within about a second.
 *
 * <p>Memory is bounded: at most {@link #MAX_ENTRIES} bodies and {@link #MAX_BYTES} bytes in
 * total; a body above {@link #MAX_BODY_BYTES} is not stored. When a new body does not fit, the
 * cache is emptied, which only costs database reads. Thread-safe: reads take no lock, stores
 * and clearing take this object's lock.
 */
final class ResponseCache {

    static final int MAX_ENTRIES = 4_096;
    static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** The caller and request a body was read for. */
    record Key(Principal.Kind kind, Long userId, Long tokenId, String path, String query) {

        static Key of(Principal principal, String path, String query) {
            return new Key(principal.kind(), principal.userId(), principal.tokenId(), path, query);
        }
    }

    private record Stamped(long generation, byte[] body) {
    }

    private final AtomicLong generation = new AtomicLong();
    private long storedBytes;
    private final Map<Key, Stamped> bodies = new ConcurrentHashMap<>();

    ResponseCache(ChangeEvents events) {
        events.subscribe(event -> {
            if (event.kind() != ChangeEvent.Kind.TOKEN_USE) {
                invalidateAll();
            }
        });
    }

    /** Returns the current generation; take it before the database read whose body is to be {@link #put stored}. */
    long generation() {
        return generation.get();
    }

    /** Returns the stored body for {@code key}, or null when there is none for the current generation. */
    byte[] get(Key key) {
        Stamped stamped = bodies.get(key);
        if (stamped == null || stamped.generation() != generation.get()) {
            return null;
        }
        return stamped.body();
    }

    /** Stores {@code body}, read at {@code readGeneration}, unless a change was published since. */
    synchronized void put(Key key, long readGeneration, byte[] body) {
        if (body.length > MAX_BODY_BYTES || readGeneration != generation.get()) {
            return;
        }
        if (bodies.size() >= MAX_ENTRIES || storedBytes + body.length > MAX_BYTES) {
            clear();
        }
        Stamped previous = bodies.put(key, new Stamped(readGeneration, body));
        storedBytes += body.length - (previous == null ? 0 : previous.body().length);
    }

    /** Makes every stored body unusable and frees them. */
    void invalidateAll() {
        generation.incrementAndGet();
        clear();
    }

    /** Returns how many bodies are stored, for tests. */
    int size() {
        return bodies.size();
    }

    private synchronized void clear() {
        bodies.clear();
        storedBytes = 0;
    }
}
