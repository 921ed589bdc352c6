package dev.tokendesk.token;

import dev.tokendesk.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * When a new token stops working: one of the presets ({@code 1d}, {@code 7d}, {@code 30d},
 * {@code 90d}, {@code never}) or a custom date or instant.
 */
public sealed interface Expiry {

    /** Returns the instant the token expires, or {@code null} for never. */
    Instant expiresAt(Clock clock);

    /** The token never expires. */
    record Never() implements Expiry {
        @Override
        public Instant expiresAt(Clock clock) {
            return null;
        }
    }

    /** The token expires a fixed time after it is issued. */
    record After(Duration duration) implements Expiry {
        @Override
        public Instant expiresAt(Clock clock) {
            return clock.instant().plus(duration);
        }
    }

    /** The token expires at a given instant, which may already have passed. */
    record At(Instant instant) implements Expiry {
        @Override
        public Instant expiresAt(Clock clock) {
            return instant;
        }
    }

    Expiry NEVER = new Never();

    /**
     * Parses {@code 1d}, {@code 7d}, {@code 30d}, {@code 90d}, {@code never}, an ISO date
     * ({@code 2027-01-31}, meaning the start of that day in UTC) or an ISO instant.
     *
     * @throws ValidationException naming the value and the accepted forms
     */
    static Expiry parse(String text) {
        String value = text == null ? "" : text.trim();
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "never":
                return NEVER;
            case "1d":
                return new After(Duration.ofDays(1));
            case "7d":
                return new After(Duration.ofDays(7));
            case "30d":
                return new After(Duration.ofDays(30));
            case "90d":
                return new After(Duration.ofDays(90));
            default:
                break;
        }
        try {
            if (value.length() == 10) {
                return new At(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return new At(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ValidationException.of("expires", "Invalid expiry '" + text
                    + "': use 1d, 7d, 30d, 90d, never, a date such as 2027-01-31 or an instant such as 2027-01-31T12:00:00Z");
        }
    }
}
