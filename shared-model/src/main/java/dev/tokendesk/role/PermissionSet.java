package dev.tokendesk.role;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** An immutable set of permissions with the set operations that authorization needs. */
public final class PermissionSet {

    private static final PermissionSet EMPTY = new PermissionSet(Set.of());

    private final Set<Permission> permissions;

    private PermissionSet(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public static PermissionSet of(Set<Permission> permissions) {
        return permissions.isEmpty() ? EMPTY : new PermissionSet(permissions);
    }

    public static PermissionSet empty() {
        return EMPTY;
    }

    public boolean allows(String contentTypeUid, Action action) {
        return permissions.contains(new Permission(contentTypeUid, action));
    }

    /** Returns the permissions present in both sets. */
    public PermissionSet intersect(PermissionSet other) {
        Set<Permission> common = new HashSet<>(permissions);
        common.retainAll(other.permissions);
        return of(common);
    }

    /** Returns the permissions of this set that {@code filter} accepts. */
    public PermissionSet filter(Predicate<Permission> filter) {
        Set<Permission> kept = new HashSet<>();
        for (Permission permission : permissions) {
            if (filter.test(permission)) {
                kept.add(permission);
            }
        }
        return of(kept);
    }

    public Set<Permission> asSet() {
        return permissions;
    }

    public boolean isEmpty() {
        return permissions.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PermissionSet set && set.permissions.equals(permissions);
    }

    @Override
    public int hashCode() {
        return permissions.hashCode();
    }

    @Override
    public String toString() {
        return permissions.toString();
    }
}
