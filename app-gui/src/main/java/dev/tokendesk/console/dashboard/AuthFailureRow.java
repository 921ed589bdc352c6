package dev.tokendesk.console.dashboard;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.server.requestlog.RequestLogEntry;

/**
 * One rejected request on the dashboard's list of recent authentication failures. Immutable.
 *
 * @param request method, path and redacted query, such as {@code GET /api/users/me?token=tdk_…abcd}
 */
public record AuthFailureRow(String time, int status, String request, String clientIp) {

    /** Returns whether {@code status} means an invalid credential, a missing permission or a rate limit. */
    public static boolean isAuthFailure(int status) {
        return status == 401 || status == 403 || status == 429;
    }

    /** Formats {@code entry}; its query is already redacted by the server. */
    public static AuthFailureRow of(RequestLogEntry entry) {
        String target = entry.query() == null || entry.query().isEmpty() ? entry.path() : entry.path() + "?" + entry.query();
        return new AuthFailureRow(DisplayTime.formatSeconds(entry.time()), entry.status(), entry.method() + " " + target,
                entry.clientIp());
    }

    public String statusText() {
        return Integer.toString(status);
    }
}
