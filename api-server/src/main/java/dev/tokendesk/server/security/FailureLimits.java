package dev.tokendesk.server.security;

import java.time.Clock;
import java.time.Duration;

/**
 * The rate limits on failed authentication of one server.
 *
 * @param tokenChecksByAddress failed API token and JWT checks per client address
 * @param loginsByAddress failed logins per client address
 * @param loginsByIdentifier failed logins per normalised identifier, against guessing one account from many addresses
 */
public record FailureLimits(FailureRateLimiter tokenChecksByAddress, FailureRateLimiter loginsByAddress,
                            FailureRateLimiter loginsByIdentifier) {

    private static final int MAX_TRACKED_KEYS = 10_000;

    /** Creates the default limits: 20 failed credential checks and 10 failed logins per address per minute, 10 failed logins per identifier per 5 minutes. */
    public static FailureLimits defaults(Clock clock) {
        return new FailureLimits(
                new FailureRateLimiter("credential checks", 20, Duration.ofMinutes(1), MAX_TRACKED_KEYS, clock),
                new FailureRateLimiter("logins", 10, Duration.ofMinutes(1), MAX_TRACKED_KEYS, clock),
                new FailureRateLimiter("logins for this identifier", 10, Duration.ofMinutes(5), MAX_TRACKED_KEYS, clock));
    }
}
