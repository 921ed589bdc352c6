package dev.tokendesk.console.roles;

import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One content type in the permission matrix, with one checkbox state per action. Use on the UI
 * thread only.
 */
public final class PermissionRow {

    private final String uid;
    private final String displayName;
    private final boolean known;
    private final Map<Action, BooleanProperty> granted = new EnumMap<>(Action.class);

    /**
     * Creates a row whose checkboxes start as {@code permissions} grants them.
     *
     * @param known whether a content type has {@code uid}
     */
    public PermissionRow(String uid, String displayName, boolean known, PermissionSet permissions) {
        this.uid = uid;
        this.displayName = displayName;
        this.known = known;
        for (Action action : Action.values()) {
            granted.put(action, new SimpleBooleanProperty(permissions.allows(uid, action)));
        }
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    /** Returns whether a content type has this uid. It is {@code false} for a grant whose type is gone or not imported yet. */
    public boolean known() {
        return known;
    }

    /** Returns whether the role grants {@code action} on this content type, as a property that a checkbox binds to. */
    public BooleanProperty grantedProperty(Action action) {
        return granted.get(action);
    }

    /** Checks or unchecks every action of this row. */
    public void setAll(boolean checked) {
        granted.values().forEach(property -> property.set(checked));
    }

    /** Returns whether every action of this row is checked. */
    public boolean allChecked() {
        return granted.values().stream().allMatch(BooleanProperty::get);
    }

    /** Checks or unchecks {@code action} in every row of {@code rows}, a select-all for one column of the matrix. */
    public static void setColumn(List<PermissionRow> rows, Action action, boolean checked) {
        rows.forEach(row -> row.grantedProperty(action).set(checked));
    }

    /** Returns whether {@code rows} is not empty and every row has {@code action} checked. */
    public static boolean columnChecked(List<PermissionRow> rows, Action action) {
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.grantedProperty(action).get());
    }

    /** Adds a permission for each checked action of this row to {@code permissions}. */
    public void addCheckedTo(Set<Permission> permissions) {
        granted.forEach((action, checked) -> {
            if (checked.get()) {
                permissions.add(new Permission(uid, action));
            }
        });
    }
}
