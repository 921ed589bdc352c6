package dev.tokendesk.console.requestlog;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.console.display.StatusClass;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * One row of the request log table, formatted for display. Immutable.
 *
 * @param instant when the response was sent
 * @param time {@code instant} in the admin's time zone, to the second
 * @param target path with the redacted query, such as {@code /api/restaurants?token=tdk_…abcd}
 * @param caller user name, {@code Public}, or {@code -} when authentication failed
 * @param tokenName name of the API token the request used, or empty when it used none
 * @param duration milliseconds with one decimal, such as {@code 1.3}
 */
public record RequestRow(Instant instant, String time, String method, String target, int status, StatusClass statusClass,
                         String caller, String tokenName, String clientIp, String duration) {

    /**
     * Formats {@code entry}; its path and query are already redacted by the server.
     *
     * @param tokenName name of the entry's token, or {@code null} when it used none
     */
    public static RequestRow of(RequestLogEntry entry, String tokenName) {
        String target = entry.query() == null || entry.query().isEmpty() ? entry.path() : entry.path() + "?" + entry.query();
        return new RequestRow(entry.time(), DisplayTime.formatSeconds(entry.time()), entry.method(), target, entry.status(),
                StatusClass.of(entry.status()), entry.caller(), tokenName == null ? "" : tokenName, entry.clientIp(),
                String.format(Locale.ROOT, "%.1f", entry.durationMicros() / 1000.0));
    }

    public String statusText() {
        return Integer.toString(status);
    }

    /** Returns who the request acted as, such as {@code alice} or {@code alice · ci-build} with the token name. */
    public String who() {
        return tokenName.isEmpty() ? caller : caller + " · " + tokenName;
    }
}
