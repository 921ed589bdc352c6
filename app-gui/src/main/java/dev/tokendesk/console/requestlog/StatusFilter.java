package dev.tokendesk.console.requestlog;

import dev.tokendesk.console.display.StatusClass;

/** Status classes the request log shows: all, or one class. */
public enum StatusFilter {
    ALL("All statuses", null),
    SUCCESS("2xx", StatusClass.SUCCESS),
    REDIRECTION("3xx", StatusClass.REDIRECTION),
    CLIENT_ERROR("4xx", StatusClass.CLIENT_ERROR),
    SERVER_ERROR("5xx", StatusClass.SERVER_ERROR);

    private final String label;
    private final StatusClass statusClass;

    StatusFilter(String label, StatusClass statusClass) {
        this.label = label;
        this.statusClass = statusClass;
    }

    /** Returns whether a row of {@code rowClass} passes this filter. */
    public boolean accepts(StatusClass rowClass) {
        return statusClass == null || statusClass == rowClass;
    }

    @Override
    public String toString() {
        return label;
    }
}
