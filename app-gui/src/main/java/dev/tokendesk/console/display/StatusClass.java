package dev.tokendesk.console.display;

import atlantafx.base.theme.Styles;
import java.util.List;

/** The class of an HTTP status code, as the request log and the dashboard group and colour it. */
public enum StatusClass {
    INFORMATIONAL("1xx", List.of(Styles.TEXT_MUTED)),
    SUCCESS("2xx", List.of(Styles.SUCCESS)),
    REDIRECTION("3xx", List.of(Styles.ACCENT)),
    CLIENT_ERROR("4xx", List.of(Styles.WARNING)),
    SERVER_ERROR("5xx", List.of(Styles.DANGER));

    private final String label;
    private final List<String> styleClasses;

    StatusClass(String label, List<String> styleClasses) {
        this.label = label;
        this.styleClasses = styleClasses;
    }

    /** Returns the class of {@code status}; codes outside 100 to 599 count as server errors. */
    public static StatusClass of(int status) {
        return switch (status / 100) {
            case 1 -> INFORMATIONAL;
            case 2 -> SUCCESS;
            case 3 -> REDIRECTION;
            case 4 -> CLIENT_ERROR;
            default -> SERVER_ERROR;
        };
    }

    /** Returns the short name, such as {@code 4xx}. */
    public String label() {
        return label;
    }

    /** Returns the theme style classes that colour a status of this class. */
    public List<String> styleClasses() {
        return styleClasses;
    }

    @Override
    public String toString() {
        return label;
    }
}
