package dev.tokendesk.server.security;

import dev.tokendesk.server.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed attempts per key (a client address, or a login identifier) in fixed windows of
 * {@code window}, and reports a key as limited once it has {@code maxFailures} failures in its
 * current window. Only failures count, so a client that presents valid credentials never uses
 * up its allowance. Callers decide what a limited key means: {@link #check} rejects every
 * attempt, and {@link #recordFailureBeyondLimit} lets a caller reject only further failures.
 *
 * <p>Thread-safe. At most {@code maxKeys} keys are tracked; when more arrive, windows that have
 * ended are dropped first, and if none have, the windows that end first are dropped.
 */
public final class FailureRateLimiter {

    /** Number of tracked keys from which each new key first drops the windows that have ended. */
    private static final int EVICTION_THRESHOLD = 1024;

    private final String attemptKind;
    private final int maxFailures;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailureRateLimiter(String attemptKind, int maxFailures, Duration window, int maxKeys, Clock clock) {
        this.attemptKind = attemptKind;
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * Throws when {@code key} has used up its failures in the current window.
     *
     * @throws ApiException 429 RateLimitError with the seconds until the window ends
     */
    public void check(String key) {
        long now = clock.millis();
        Window current = windows.get(key);
        if (current != null && current.isSpent(now, maxFailures)) {
            throw newRejection(key, current, now);
        }
    }

    /** Counts one failure for {@code key}. */
    public void recordFailure(String key) {
        record(key, windows.get(key), clock.millis());
    }

    /**
     * Counts one failure for {@code key} and returns the 429 RateLimitError when the key had
     * already used up its failures before this one, otherwise null. It reads the clock once and
     * looks the key up once, for a caller that rejects only further failures.
     */
    public RateLimitedException recordFailureBeyondLimit(String key) {
        long now = clock.millis();
        Window current = windows.get(key);
        if (current != null && current.isSpent(now, maxFailures)) {
            // Counting further would change nothing. It would also make every I/O thread write
            // the same counter during a flood from one address.
            return rejection(key, current, now);
        }
        record(key, current, now);
        return null;
    }

    /** Counts one failure in the window of {@code key}; {@code current} is that window as just read, or null. */
    private void record(String key, Window current, long now) {
        if (current != null && now < current.endMillis) {
            current.failures.incrementAndGet();
            return;
        }
        if (windows.size() >= Math.min(EVICTION_THRESHOLD, maxKeys) && current == null) {
            evict(now);
        }
        windows.compute(key, (ignored, existing) -> {
            if (existing == null || now >= existing.endMillis) {
                return new Window(now + windowMillis, 1);
            }
            existing.failures.incrementAndGet();
            return existing;
        });
    }

    /**
     * Returns the window's 429 for this second. A client that keeps failing gets the same
     * response many times a second, so the window keeps the last one. Only
     * {@link #recordFailureBeyondLimit} hands it out, to callers that send it; {@link #check}
     * throws a new one.
     */
    private RateLimitedException rejection(String key, Window current, long now) {
        RateLimitedException last = current.lastRejection;
        if (last != null && last.retryAfterSeconds() == retryAfterSeconds(current, now)) {
            return last;
        }
        RateLimitedException rejection = newRejection(key, current, now);
        current.lastRejection = rejection;
        return rejection;
    }

    private RateLimitedException newRejection(String key, Window current, long now) {
        long retryAfter = retryAfterSeconds(current, now);
        return new RateLimitedException("Too many failed " + attemptKind + " from " + key + ": retry in " + retryAfter + " seconds", retryAfter);
    }

    private static long retryAfterSeconds(Window current, long now) {
        return Math.max(1, (current.endMillis - now + 999) / 1000);
    }

    /** Drops ended windows, and if the map is still full, the ones that end first. */
    private void evict(long now) {
        windows.values().removeIf(entry -> now >= entry.endMillis);
        if (windows.size() >= maxKeys) {
            windows.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(entry -> entry.endMillis)))
                    .limit(Math.max(1, maxKeys / 10))
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(windows::remove);
        }
    }

    /** One key's window: when it ends, in epoch milliseconds, and how many failures it has counted so far. */
    private static final class Window {

        private final long endMillis;
        private final AtomicInteger failures;
        /** The 429 last returned for this window. A stale one is replaced, so no lock is needed. */
        private volatile RateLimitedException lastRejection;

        Window(long endMillis, int failures) {
            this.endMillis = endMillis;
            this.failures = new AtomicInteger(failures);
        }

        boolean isSpent(long now, int maxFailures) {
            return now < endMillis && failures.get() >= maxFailures;
        }
    }

    /** 429 with the number of seconds for the {@code Retry-After} header. */
    public static final class RateLimitedException extends ApiException {

        private final long retryAfterSeconds;

        RateLimitedException(String message, long retryAfterSeconds) {
            super(429, "RateLimitError", message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
