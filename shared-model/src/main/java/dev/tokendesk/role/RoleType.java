package dev.tokendesk.role;

/** Kind of role: the two built-in ones that Strapi also has, or one an admin created. */
public enum RoleType {
    /** Applies to callers that present no credential. */
    PUBLIC("public"),
    /** Given to every new user unless another role is chosen. */
    AUTHENTICATED("authenticated"),
    CUSTOM("custom");

    private final String dbValue;

    RoleType(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    static RoleType fromDbValue(String value) {
        for (RoleType type : values()) {
            if (type.dbValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown role type in the database: " + value);
    }
}
