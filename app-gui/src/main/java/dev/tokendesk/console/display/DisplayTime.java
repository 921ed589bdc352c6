package dev.tokendesk.console.display;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats instants for tables in the admin's time zone, minute precision. Thread-safe. */
public final class DisplayTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DisplayTime() {
    }

    /** Formats {@code instant} in the system time zone, or returns {@code whenNull} for {@code null}. */
    public static String format(Instant instant, String whenNull) {
        if (instant == null) {
            return whenNull;
        }
        return FORMAT.format(instant.atZone(ZoneId.systemDefault()));
    }
}
