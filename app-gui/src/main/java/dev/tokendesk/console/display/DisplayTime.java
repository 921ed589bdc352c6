package dev.tokendesk.console.display;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats instants for tables in the admin's time zone. Thread-safe. */
public final class DisplayTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DisplayTime() {
    }

    /** Formats {@code instant} in the system time zone to the minute, or returns {@code whenNull} for {@code null}. */
    public static String format(Instant instant, String whenNull) {
        if (instant == null) {
            return whenNull;
        }
        return MINUTES.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** Formats {@code instant} in the system time zone to the second, for events that happen close together. */
    public static String formatSeconds(Instant instant) {
        return SECONDS.format(instant.atZone(ZoneId.systemDefault()));
    }
}
