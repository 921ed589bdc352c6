package dev.tokendesk.auth;

import dev.tokendesk.role.Action;
import dev.tokendesk.role.PermissionSet;

/**
 * Identity a request acts as, and its permissions.
 *
 * @param kind how the caller authenticated
 * @param userId id of the user, or {@code null} for the Public role
 * @param username name of the user, or {@code null} for the Public role
 * @param tokenId id of the API token used, or {@code null}
 * @param permissions effective permissions: the role's, intersected with the token's scope
 */
public record Principal(Kind kind, Long userId, String username, Long tokenId, PermissionSet permissions) {

    /** Credential type with which a request authenticated. */
    public enum Kind {
        PUBLIC,
        API_TOKEN,
        JWT
    }

    public boolean allows(String contentTypeUid, Action action) {
        return permissions.allows(contentTypeUid, action);
    }

    public boolean isAuthenticated() {
        return kind != Kind.PUBLIC;
    }
}
