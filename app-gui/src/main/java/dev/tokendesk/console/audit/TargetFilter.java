package dev.tokendesk.console.audit;

/** The target types the audit screen can filter on. */
public enum TargetFilter {
    ALL(null, "All targets"),
    USER("user", "Users"),
    TOKEN("token", "Tokens"),
    ROLE("role", "Roles");

    private final String targetType;
    private final String label;

    TargetFilter(String targetType, String label) {
        this.targetType = targetType;
        this.label = label;
    }

    /** Returns the target type as the audit trail stores it, or {@code null} for every type. */
    public String targetType() {
        return targetType;
    }

    @Override
    public String toString() {
        return label;
    }
}
