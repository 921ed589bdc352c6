package dev.tokendesk.console.tokens;

import java.time.Duration;

/** How long the value before a regeneration keeps working, as the regenerate dialog offers it. */
public enum GracePeriod {
    NONE(Duration.ZERO, "None: the current value stops working at once"),
    FIFTEEN_MINUTES(Duration.ofMinutes(15), "15 minutes"),
    ONE_HOUR(Duration.ofHours(1), "1 hour"),
    ONE_DAY(Duration.ofHours(24), "24 hours");

    private final Duration duration;
    private final String label;

    GracePeriod(Duration duration, String label) {
        this.duration = duration;
        this.label = label;
    }

    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return label;
    }
}
