package dev.tokendesk.token;

import java.time.Instant;

/** Whether a token is accepted right now. */
public enum TokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** Derives the status at {@code now}; revocation wins over expiry. An expiry equal to {@code now} has passed. */
    public static TokenStatus of(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return ACTIVE;
    }
}
