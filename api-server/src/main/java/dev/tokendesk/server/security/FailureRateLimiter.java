package dev.tokendesk.server.security;

import dev.tokendesk.server.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per key (a client address, or a login identifier) in fixed windows of
 * {@code window}, and reports a key as limited once it has {@code maxFailures} failures in its
 * current window. Only failures count, so a client that presents valid credentials never uses
 * up its allowance. Callers decide what a limited key means: {@link #check} rejects every
 * attempt, and {@link #isLimited} lets a caller reject only further failures.
 *
 * <p>Thread-safe. At most {@code maxKeys} keys are tracked; when more arrive, windows that have
 * ended are dropped first, and if none have, the windows that end first are dropped.
 */
public final class FailureRateLimiter {

    /** Number of tracked keys from which each new key first drops the windows that have ended. */
    private static final int EVICTION_THRESHOLD = 1024;

    private final String attemptKind;
    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailureRateLimiter(String attemptKind, int maxFailures, Duration window, int maxKeys, Clock clock) {
        this.attemptKind = attemptKind;
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * Throws when {@code key} has used up its failures in the current window.
     *
     * @throws ApiException 429 RateLimitError with the seconds until the window ends
     */
    public void check(String key) {
        Window current = windows.get(key);
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.end()) || current.failures() < maxFailures) {
            return;
        }
        long remainingMillis = Duration.between(now, current.end()).toMillis();
        long retryAfter = Math.max(1, (remainingMillis + 999) / 1000);
        throw new RateLimitedException("Too many failed " + attemptKind + " from " + key + ": retry in " + retryAfter + " seconds", retryAfter);
    }

    /** Returns whether {@code key} has used up its failures in the current window. */
    public boolean isLimited(String key) {
        Window current = windows.get(key);
        return current != null && clock.instant().isBefore(current.end()) && current.failures() >= maxFailures;
    }

    /** Counts one failure for {@code key}. */
    public void recordFailure(String key) {
        Instant now = clock.instant();
        if (windows.size() >= Math.min(EVICTION_THRESHOLD, maxKeys) && !windows.containsKey(key)) {
            evict(now);
        }
        windows.compute(key, (ignored, current) -> current == null || !now.isBefore(current.end())
                ? new Window(now.plus(window), 1)
                : new Window(current.end(), current.failures() + 1));
    }

    /** Drops ended windows, and if the map is still full, the ones that end first. */
    private void evict(Instant now) {
        windows.values().removeIf(entry -> !now.isBefore(entry.end()));
        if (windows.size() >= maxKeys) {
            windows.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(Window::end)))
                    .limit(Math.max(1, maxKeys / 10))
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(windows::remove);
        }
    }

    private record Window(Instant end, int failures) {
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
