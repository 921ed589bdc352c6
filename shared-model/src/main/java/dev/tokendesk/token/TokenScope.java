package dev.tokendesk.token;

import dev.tokendesk.ValidationException;
import dev.tokendesk.role.PermissionSet;

/** Permission scope of a token, before the owner's role is applied on top. */
public enum TokenScope {
    /** {@code find} and {@code findOne} on every type the owner's role allows. */
    READ_ONLY("read-only"),
    /** Everything the owner's role allows. */
    FULL("full"),
    /** A chosen set of permissions, still limited by the owner's role. */
    CUSTOM("custom");

    private final String apiName;

    TokenScope(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /**
     * Returns what a token of this scope may do: the owner's role permissions, narrowed by the scope.
     *
     * @param customPermissions the token's chosen permissions; only used by {@link #CUSTOM}
     */
    public PermissionSet effective(PermissionSet rolePermissions, PermissionSet customPermissions) {
        return switch (this) {
            case FULL -> rolePermissions;
            case READ_ONLY -> rolePermissions.filter(permission -> permission.action().isRead());
            case CUSTOM -> rolePermissions.intersect(customPermissions);
        };
    }

    /**
     * Parses a scope name such as {@code read-only}, ignoring case.
     *
     * @throws ValidationException naming the value when it is not a scope
     */
    public static TokenScope parse(String name) {
        for (TokenScope scope : values()) {
            if (scope.apiName.equalsIgnoreCase(name.trim())) {
                return scope;
            }
        }
        throw ValidationException.of("scope", "Unknown scope '" + name + "': use read-only, full or custom");
    }

    @Override
    public String toString() {
        return apiName;
    }
}
