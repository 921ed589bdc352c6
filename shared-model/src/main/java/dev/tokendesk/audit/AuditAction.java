package dev.tokendesk.audit;

/** The admin actions that the audit trail records. */
public enum AuditAction {
    USER_CREATED("user.created", "user"),
    USER_BLOCKED("user.blocked", "user"),
    USER_UNBLOCKED("user.unblocked", "user"),
    USER_DELETED("user.deleted", "user"),
    PASSWORD_CHANGED("user.password_changed", "user"),
    USER_SIGNED_OUT("user.signed_out_everywhere", "user"),
    USER_ROLE_CHANGED("user.role_changed", "user"),
    USER_UPDATED("user.updated", "user"),
    TOKEN_ISSUED("token.issued", "token"),
    TOKEN_REGENERATED("token.regenerated", "token"),
    TOKEN_REVOKED("token.revoked", "token"),
    TOKEN_DELETED("token.deleted", "token"),
    ROLE_CREATED("role.created", "role"),
    ROLE_RENAMED("role.renamed", "role"),
    ROLE_DELETED("role.deleted", "role"),
    PERMISSIONS_CHANGED("role.permissions_changed", "role");

    private final String dbValue;
    private final String targetType;

    AuditAction(String dbValue, String targetType) {
        this.dbValue = dbValue;
        this.targetType = targetType;
    }

    public String dbValue() {
        return dbValue;
    }

    public String targetType() {
        return targetType;
    }
}
