package dev.tokendesk.role;

import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.audit.AuditAction;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.user.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Creates roles and changes what they grant. Thread-safe; each method runs in its own transaction
 * and publishes a {@link ChangeEvent.Kind#ROLE} event after it commits.
 */
public final class RoleService {

    private final Database database;
    private final ChangeEvents events;
    private final AuditLog audit;

    public RoleService(Database database, ChangeEvents events, AuditLog audit) {
        this.database = database;
        this.events = events;
        this.audit = audit;
    }

    public List<RoleView> list() {
        return database.inTransaction(session -> session
                .createSelectionQuery("from Role order by id", Role.class)
                .getResultList()
                .stream()
                .map(Role::toView)
                .toList());
    }

    /**
     * Finds a role by name, ignoring case.
     *
     * @throws NotFoundException when no role has that name
     */
    public RoleView findByName(String name) {
        return database.inTransaction(session -> requireByName(session, name).toView());
    }

    public RoleView publicRole() {
        return findByType(RoleType.PUBLIC);
    }

    public RoleView authenticatedRole() {
        return findByType(RoleType.AUTHENTICATED);
    }

    /** Returns what the role with {@code roleId} grants, or an empty set when it does not exist. */
    public PermissionSet permissionsOf(long roleId) {
        return database.inTransaction(session -> {
            Role role = session.find(Role.class, roleId);
            return role == null ? PermissionSet.empty() : role.permissions();
        });
    }

    /**
     * Creates a custom role.
     *
     * @throws ValidationException when the name is blank or longer than 100 characters
     * @throws ConflictException when a role with that name exists
     */
    public RoleView create(String name, String description) {
        String cleanName = validName(name);
        RoleView created = database.inTransaction(session -> {
            String key = Identifiers.key(cleanName);
            if (findByKey(session, key) != null) {
                throw new ConflictException("name", cleanName, "A role named '" + cleanName + "' already exists");
            }
            Role role = new Role(cleanName, key, RoleType.CUSTOM, description == null ? null : description.strip());
            session.persist(role);
            audit.record(session, AuditAction.ROLE_CREATED, role.getId(), cleanName, null);
            return role.toView();
        });
        events.publish(ChangeEvent.Kind.ROLE, created.id());
        return created;
    }

    /**
     * Gives a custom role a new name. Users keep the role, so their permissions do not change.
     *
     * @throws ValidationException when the role is built in, or the new name is blank or too long
     * @throws ConflictException when another role has the new name
     * @throws NotFoundException when no role is named {@code roleName}
     */
    public RoleView rename(String roleName, String newName) {
        String cleanName = validName(newName);
        RoleView renamed = database.inTransaction(session -> {
            Role role = requireByName(session, roleName);
            requireCustom(role, "renamed");
            String key = Identifiers.key(cleanName);
            Role holder = findByKey(session, key);
            if (holder != null && !holder.getId().equals(role.getId())) {
                throw new ConflictException("name", cleanName, "A role named '" + cleanName + "' already exists");
            }
            String before = role.getName();
            role.rename(cleanName, key);
            audit.record(session, AuditAction.ROLE_RENAMED, role.getId(), cleanName, "renamed from " + before);
            return role.toView();
        });
        events.publish(ChangeEvent.Kind.ROLE, renamed.id());
        return renamed;
    }

    /**
     * Deletes a custom role and what it grants.
     *
     * @throws ValidationException when the role is built in
     * @throws ConflictException when users hold the role; give them another role first
     * @throws NotFoundException when no role is named {@code roleName}
     */
    public void delete(String roleName) {
        long roleId = database.inTransaction(session -> {
            Role role = requireByName(session, roleName);
            requireCustom(role, "deleted");
            long holders = session.createSelectionQuery("select count(*) from User where role.id = :role", Long.class)
                    .setParameter("role", role.getId())
                    .getSingleResult();
            if (holders > 0) {
                throw new ConflictException("role", role.getName(), "Role '" + role.getName() + "' cannot be deleted: "
                        + holders + (holders == 1 ? " user has" : " users have") + " it. Give them another role first.");
            }
            audit.record(session, AuditAction.ROLE_DELETED, role.getId(), role.getName(),
                    "granted " + role.permissions().asSet().size() + " permissions");
            session.remove(role);
            return role.getId();
        });
        events.publish(ChangeEvent.Kind.ROLE, roleId);
    }

    private static void requireCustom(Role role, String change) {
        if (role.getType() != RoleType.CUSTOM) {
            throw ValidationException.of("role", "The built-in role '" + role.getName() + "' cannot be " + change
                    + "; only roles you created can.");
        }
    }

    /** Adds {@code permissions} to the role named {@code roleName}, keeping what it already grants. */
    public RoleView grant(String roleName, Set<Permission> permissions) {
        return update(roleName, current -> {
            Set<Permission> next = new HashSet<>(current.asSet());
            next.addAll(permissions);
            return next;
        });
    }

    /** Removes {@code permissions} from the role named {@code roleName}. */
    public RoleView revoke(String roleName, Set<Permission> permissions) {
        return update(roleName, current -> {
            Set<Permission> next = new HashSet<>(current.asSet());
            next.removeAll(permissions);
            return next;
        });
    }

    /** Replaces everything the role named {@code roleName} grants with {@code permissions}. */
    public RoleView setPermissions(String roleName, Set<Permission> permissions) {
        return update(roleName, current -> permissions);
    }

    private RoleView update(String roleName, Function<PermissionSet, Set<Permission>> change) {
        RoleView updated = database.inTransaction(session -> {
            Role role = requireByName(session, roleName);
            PermissionSet before = role.permissions();
            role.setPermissions(change.apply(before));
            PermissionSet after = role.permissions();
            if (!after.equals(before)) {
                audit.record(session, AuditAction.PERMISSIONS_CHANGED, role.getId(), role.getName(), describeChange(before, after));
            }
            return role.toView();
        });
        events.publish(ChangeEvent.Kind.ROLE, updated.id());
        return updated;
    }

    private static String describeChange(PermissionSet before, PermissionSet after) {
        Set<Permission> added = new java.util.TreeSet<>(java.util.Comparator.comparing(Permission::toString));
        added.addAll(after.asSet());
        added.removeAll(before.asSet());
        Set<Permission> removed = new java.util.TreeSet<>(java.util.Comparator.comparing(Permission::toString));
        removed.addAll(before.asSet());
        removed.removeAll(after.asSet());
        return "added " + added + ", removed " + removed;
    }

    private RoleView findByType(RoleType type) {
        return database.inTransaction(session -> session
                .createSelectionQuery("from Role where type = :type", Role.class)
                .setParameter("type", type.dbValue())
                .getSingleResult()
                .toView());
    }

    static Role requireByName(Session session, String name) {
        Role role = findByKey(session, Identifiers.key(name));
        if (role == null) {
            throw new NotFoundException("Role", name);
        }
        return role;
    }

    /** Finds a role entity by name inside the caller's session, or throws {@link NotFoundException}. */
    public static Role findEntityByName(Session session, String name) {
        return requireByName(session, name);
    }

    private static Role findByKey(Session session, String key) {
        return session.createSelectionQuery("from Role where nameKey = :key", Role.class)
                .setParameter("key", key)
                .getSingleResultOrNull();
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("name", "Role name is missing");
        }
        String clean = Identifiers.normalize(name);
        if (clean.length() > 100) {
            throw ValidationException.of("name", "Role name is longer than 100 characters");
        }
        return clean;
    }
}
