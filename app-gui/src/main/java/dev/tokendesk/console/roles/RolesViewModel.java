package dev.tokendesk.console.roles;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.role.RoleType;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.user.UserService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Roles &amp; permissions screen: creating, renaming and deleting
 * roles, a matrix of content types by action that {@link #save()} stores with
 * {@link RoleService#setPermissions}, and the effective permissions of one user.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class RolesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RolesViewModel.class);

    private final RoleService roleService;
    private final ContentCatalog catalog;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final EffectivePermissions effective;

    private final ObservableList<String> roleNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedRole = new SimpleObjectProperty<>();
    private final ObservableList<PermissionRow> rows = FXCollections.observableArrayList();
    private final StringProperty roleDescription = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty customSelected = new SimpleBooleanProperty(false);
    private final StringProperty effectiveUser = new SimpleStringProperty("");
    private final StringProperty effectiveSummary = new SimpleStringProperty("");
    private final StringProperty effectiveError = new SimpleStringProperty("");
    private final ObservableList<EffectiveRow> effectiveRows = FXCollections.observableArrayList();
    private List<RoleView> roles = List.of();
    private boolean restoringChoice;
    private List<ContentTypeSummary> types = List.of();

    public RolesViewModel(RoleService roleService, UserService userService, TokenService tokenService, ContentCatalog catalog,
                          BackgroundExecutor executor, DialogService dialogs) {
        this.roleService = roleService;
        this.catalog = catalog;
        this.executor = executor;
        this.dialogs = dialogs;
        this.effective = new EffectivePermissions(userService, roleService, tokenService, catalog);
        selectedRole.addListener((observable, before, now) -> {
            if (!restoringChoice && now != null && !now.equals(before)) {
                showMatrix();
            }
        });
    }

    /** Reloads roles and content types; unsaved checkbox changes are kept. */
    public void refresh() {
        executor.submit(() -> new Snapshot(roleService.list(), catalog.listTypes()), this::show, this::showUnexpected);
    }

    /** Asks for a name, creates a custom role that grants nothing and selects it. */
    public void createRole() {
        Optional<String> name = dialogs.askText("New role", "Name of the new role. It grants nothing until you check boxes and save.",
                "", "Create role");
        if (name.isEmpty()) {
            return;
        }
        change(() -> roleService.create(name.get(), null), created -> "Created the role " + created.name() + ".");
    }

    /** Asks for a new name for the selected custom role; built-in roles keep their names. */
    public void renameSelected() {
        String current = selectedRole.get();
        if (current == null || !customSelected.get()) {
            return;
        }
        Optional<String> name = dialogs.askText("Rename role", "New name of the role " + current
                + ". Its users keep it and their permissions do not change.", current, "Rename");
        if (name.isEmpty() || name.get().equals(current)) {
            return;
        }
        change(() -> roleService.rename(current, name.get()), renamed -> "Renamed " + current + " to " + renamed.name() + ".");
    }

    /** Deletes the selected custom role after the admin confirms; the service refuses while users hold it. */
    public void deleteSelected() {
        String current = selectedRole.get();
        if (current == null || !customSelected.get()) {
            return;
        }
        if (!dialogs.confirm("Delete role", "Delete the role " + current + " and everything it grants? This cannot be undone.",
                "Delete")) {
            return;
        }
        error.set("");
        status.set("");
        executor.submit(() -> roleService.delete(current), () -> {
            status.set("Deleted the role " + current + ".");
            selectedRole.set(null);
            refresh();
        }, this::showChangeFailure);
    }

    /** Checks or unchecks {@code action} for every content type of the matrix. */
    public void setColumn(Action action, boolean checked) {
        PermissionRow.setColumn(rows, action, checked);
    }

    /**
     * Shows what the user with the user name or email in {@link #effectiveUserProperty()} may do:
     * with a JWT, their role's permissions; with each active API token, those narrowed by its scope.
     */
    public void showEffectivePermissions() {
        String identifier = effectiveUser.get() == null ? "" : effectiveUser.get().strip();
        effectiveError.set("");
        if (identifier.isEmpty()) {
            effectiveError.set("Type a user name or email first.");
            return;
        }
        executor.submit(() -> effective.describe(identifier), result -> {
            effectiveSummary.set(result.summary());
            effectiveRows.setAll(result.rows());
        }, failure -> {
            effectiveSummary.set("");
            effectiveRows.clear();
            if (failure instanceof NotFoundException) {
                effectiveError.set("No user has the user name or email '" + identifier + "'.");
            } else {
                showUnexpected(failure);
            }
        });
    }

    private void change(Callable<RoleView> work, Function<RoleView, String> done) {
        error.set("");
        status.set("");
        executor.submit(work, changed -> {
            status.set(done.apply(changed));
            selectRoleAfterRefresh(changed.name());
        }, this::showChangeFailure);
    }

    private void selectRoleAfterRefresh(String name) {
        executor.submit(() -> new Snapshot(roleService.list(), catalog.listTypes()), snapshot -> {
            dirty.set(false);
            show(snapshot);
            selectedRole.set(name);
        }, this::showUnexpected);
    }

    private void showChangeFailure(Exception failure) {
        FormFailure.from(failure).ifPresentOrElse(problem -> error.set(problem.summary()), () -> showUnexpected(failure));
    }

    /** Replaces what the selected role grants with the checked boxes. */
    public void save() {
        String role = selectedRole.get();
        if (role == null || busy.get()) {
            return;
        }
        Set<Permission> permissions = new HashSet<>();
        rows.forEach(row -> row.addCheckedTo(permissions));
        busy.set(true);
        error.set("");

        executor.submit(() -> roleService.setPermissions(role, permissions), saved -> {
            busy.set(false);
            dirty.set(false);
            status.set("Saved: " + saved.name() + " now grants " + saved.permissions().asSet().size() + " permissions.");
            refresh();
        }, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(problem -> error.set(problem.summary()), () -> showUnexpected(failure));
        });
    }

    /** Drops unsaved changes and shows what the selected role grants in the database. */
    public void discardChanges() {
        showMatrix();
    }

    private void show(Snapshot snapshot) {
        roles = snapshot.roles();
        types = snapshot.types();
        String chosen = selectedRole.get();
        roleNames.setAll(roles.stream().map(RoleView::name).toList());

        if (chosen == null || !roleNames.contains(chosen)) {
            selectedRole.set(roles.stream()
                    .filter(role -> role.type() == RoleType.AUTHENTICATED)
                    .map(RoleView::name)
                    .findFirst()
                    .orElse(roleNames.isEmpty() ? null : roleNames.get(0)));
            return;
        }
        if (!chosen.equals(selectedRole.get())) {
            // A combo box bound to the choice clears it when its items are replaced. The choice is put back
            // without rebuilding the matrix, so unsaved checkbox changes survive.
            restoringChoice = true;
            selectedRole.set(chosen);
            restoringChoice = false;
        }
        if (!dirty.get()) {
            showMatrix();
        }
    }

    private void showMatrix() {
        Optional<RoleView> role = roles.stream().filter(view -> view.name().equals(selectedRole.get())).findFirst();
        PermissionSet granted = role.map(RoleView::permissions).orElse(PermissionSet.empty());
        roleDescription.set(role.map(this::describe).orElse(""));
        customSelected.set(role.map(view -> view.type() == RoleType.CUSTOM).orElse(false));

        Map<String, PermissionRow> byUid = new LinkedHashMap<>();
        types.stream()
                .sorted(Comparator.comparing(ContentTypeSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .forEach(type -> byUid.put(type.uid(), new PermissionRow(type.uid(), type.displayName(), true, granted)));
        // Grants on a uid that is no content type (any more) stay visible, so Save does not drop them unseen.
        granted.asSet().stream()
                .map(Permission::contentTypeUid)
                .sorted()
                .forEach(uid -> byUid.computeIfAbsent(uid, unknown -> new PermissionRow(unknown, unknown, false, granted)));

        List<PermissionRow> matrix = new ArrayList<>(byUid.values());
        matrix.forEach(row -> {
            for (Action action : Action.values()) {
                row.grantedProperty(action).addListener((observable, before, now) -> dirty.set(true));
            }
        });
        rows.setAll(matrix);
        dirty.set(false);
        error.set("");
    }

    private String describe(RoleView role) {
        return switch (role.type()) {
            case PUBLIC -> "Applies to requests without a token or JWT.";
            case AUTHENTICATED -> "Default role of new users; their tokens act with it.";
            case CUSTOM -> role.description() == null ? "Custom role." : role.description();
        };
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Roles screen: a background call failed", failure);
        dialogs.showError("Roles & permissions", "The roles could not be loaded or saved: " + failure.getMessage());
    }

    public ObservableList<String> roleNames() {
        return roleNames;
    }

    public ObjectProperty<String> selectedRoleProperty() {
        return selectedRole;
    }

    /** Returns the matrix rows: known content types first, then uids the role grants that no content type has. */
    public ObservableList<PermissionRow> rows() {
        return rows;
    }

    public StringProperty roleDescriptionProperty() {
        return roleDescription;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Returns whether a checkbox changed since the matrix was loaded or saved. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Returns whether the selected role is a custom one, which can be renamed and deleted. */
    public BooleanProperty customSelectedProperty() {
        return customSelected;
    }

    /** User name or email of the user whose effective permissions to show. */
    public StringProperty effectiveUserProperty() {
        return effectiveUser;
    }

    /** Returns one line about the user whose effective permissions are shown, or an empty string. */
    public StringProperty effectiveSummaryProperty() {
        return effectiveSummary;
    }

    /** Returns why the effective permissions could not be shown, or an empty string. */
    public StringProperty effectiveErrorProperty() {
        return effectiveError;
    }

    /** Returns one row per credential of the user and content type it may use. */
    public ObservableList<EffectiveRow> effectiveRows() {
        return effectiveRows;
    }

    private record Snapshot(List<RoleView> roles, List<ContentTypeSummary> types) {
    }
}
