package dev.tokendesk.user;

import java.time.Instant;

/** Detached, immutable copy of a user, without the password hash. */
public record UserView(
        long id,
        String documentId,
        String username,
        String email,
        long roleId,
        String roleName,
        boolean blocked,
        int credentialVersion,
        Instant createdAt,
        Instant updatedAt) {
}
