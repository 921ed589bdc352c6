package dev.tokendesk.role;

/** Detached, immutable copy of a role for callers outside a transaction. */
public record RoleView(long id, String name, RoleType type, String description, PermissionSet permissions) {
}
