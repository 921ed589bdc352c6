package dev.tokendesk.console.requestlog;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.console.display.StatusClass;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.util.Locale;

/**
 * One row of the request log table, formatted for display. Immutable.
 *
 * @param target path with the redacted query, such as {@code /api/restaurants?token=tdk_…abcd}
 * @param duration milliseconds with one decimal, such as {@code 1.3}
 */
public record RequestRow(String time, String method, String target, int status, StatusClass statusClass,
                         String caller, String clientIp, String duration) {

    /** Formats {@code entry}; its query is already redacted by the server. */
    public static RequestRow of(RequestLogEntry entry) {
        String target = entry.query() == null || entry.query().isEmpty() ? entry.path() : entry.path() + "?" + entry.query();
        return new RequestRow(DisplayTime.formatSeconds(entry.time()), entry.method(), target, entry.status(),
                StatusClass.of(entry.status()), entry.caller(), entry.clientIp(),
                String.format(Locale.ROOT, "%.1f", entry.durationMicros() / 1000.0));
    }

    public String statusText() {
        return Integer.toString(status);
    }
}
