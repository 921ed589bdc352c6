package dev.tokendesk.console.users;

import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.PasswordChangeForm;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.role.RoleType;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Users screen: the user list, the actions on the selected user (block,
 * password, sign-out, role, delete) and the {@linkplain #form() form} that creates a user.
 *
 * <p>Not thread-safe: use it on the UI thread. Service calls run through the
 * {@link BackgroundExecutor}.
 */
public final class UsersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);

    private final UserService userService;
    private final RoleService roleService;
    private final TokenService tokenService;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final NewUserForm form;

    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty actionError = new SimpleStringProperty("");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding blockLabel = Bindings.createStringBinding(
            () -> current().map(UserRow::blocked).orElse(false) ? "Unblock" : "Block", selected, users);
    private List<String> assignableRoles = List.of();

    public UsersViewModel(UserService userService, RoleService roleService, TokenService tokenService, BackgroundExecutor executor,
                          DialogService dialogs) {
        this.userService = userService;
        this.roleService = roleService;
        this.tokenService = tokenService;
        this.executor = executor;
        this.dialogs = dialogs;
        this.form = new NewUserForm(userService, executor, this::refresh, this::showUnexpected);
    }

    /** Reloads the users and the roles a user can have. */
    public void refresh() {
        executor.submit(() -> new Snapshot(userService.list(), roleService.list()), this::show, this::showUnexpected);
    }

    /** Returns the form that creates a user. */
    public NewUserForm form() {
        return form;
    }

    /** Blocks the selected user, or unblocks a blocked one. A blocked user's tokens and JWTs are rejected. */
    public void toggleBlockSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        boolean block = !row.blocked();
        String done = block
                ? "Blocked " + row.username() + ". Their API tokens and JWTs are rejected until you unblock them."
                : "Unblocked " + row.username() + ". Their API tokens work again; they must log in again for a JWT.";
        run(() -> userService.setBlocked(row.id(), block), done);
    }

    /** Opens the password dialog for the selected user. */
    public void changePasswordOfSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        PasswordChangeForm passwordForm = new PasswordChangeForm(row.username(), executor,
                password -> userService.changePassword(row.id(), password), () -> {
                    status.set("Changed the password of " + row.username() + ". Their JWTs no longer work.");
                    refresh();
                });
        dialogs.showPasswordChange(passwordForm);
    }

    /** Ends every session of the selected user after the admin confirms; their API tokens keep working. */
    public void signOutSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        String question = "Sign out " + row.username() + " everywhere? Every JWT issued to " + row.username()
                + " stops working on the next request, so apps that logged in as " + row.username() + " must log in again.\n\n"
                + "API tokens of " + row.username() + " keep working. Revoke them on the Tokens screen to stop them too.";
        if (!dialogs.confirm("Sign out everywhere", question, "Sign out")) {
            return;
        }
        run(() -> userService.signOutEverywhere(row.id()), "Signed out " + row.username() + " everywhere. Their API tokens still work.");
    }

    /** Offers the roles a user can have and gives the selected user the chosen one. */
    public void changeRoleOfSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        String question = "Choose the role of " + row.username() + ". It applies to their API tokens on the next request.";
        Optional<String> role = dialogs.choose("Change role", question, assignableRoles, row.role(), "Change role");
        if (role.isEmpty() || role.get().equals(row.role())) {
            return;
        }
        run(() -> userService.changeRole(row.id(), role.get()), "Gave " + row.username() + " the role " + role.get() + ".");
    }

    /** Counts the selected user's tokens, then deletes the user and those tokens after the admin confirms. */
    public void deleteSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        executor.submit(() -> tokenService.listForUser(row.id()).size(), tokenCount -> confirmDelete(row, tokenCount),
                this::showActionFailure);
    }

    private void confirmDelete(UserRow row, int tokenCount) {
        String tokens = switch (tokenCount) {
            case 0 -> row.username() + " has no API tokens.";
            case 1 -> "Their 1 API token is deleted with them and stops working at once.";
            default -> "Their " + tokenCount + " API tokens are deleted with them and stop working at once.";
        };
        String question = "Delete user " + row.username() + " (" + row.email() + ")? " + tokens + " This cannot be undone.";
        if (!dialogs.confirm("Delete user", question, "Delete")) {
            return;
        }
        String done = "Deleted user " + row.username() + (tokenCount == 0 ? "." : " and " + tokenCount
                + (tokenCount == 1 ? " token." : " tokens."));
        run(() -> userService.delete(row.id()), done);
    }

    /**
     * Returns the loaded row of the selected user. A reload replaces the rows, so the selected row
     * may be an older copy with a stale blocked flag or role.
     */
    private Optional<UserRow> current() {
        UserRow row = selected.get();
        if (row == null) {
            return Optional.empty();
        }
        return users.stream().filter(loaded -> loaded.id() == row.id()).findFirst();
    }

    private void run(BackgroundExecutor.ThrowingRunnable change, String done) {
        actionError.set("");
        status.set("");
        executor.submit(change, () -> {
            status.set(done);
            refresh();
        }, this::showActionFailure);
    }

    private void show(Snapshot snapshot) {
        users.setAll(snapshot.users().stream().map(UserRow::of).toList());

        List<RoleView> assignable = snapshot.roles().stream().filter(view -> view.type() != RoleType.PUBLIC).toList();
        assignableRoles = assignable.stream().map(RoleView::name).toList();
        form.showRoles(assignable);
    }

    private void showActionFailure(Exception failure) {
        Optional<FormFailure> rejected = FormFailure.from(failure);
        if (rejected.isEmpty()) {
            showUnexpected(failure);
            return;
        }
        actionError.set(rejected.get().summary());
        refresh();
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Users screen: a background call failed", failure);
        dialogs.showError("Users", "The users could not be loaded or saved: " + failure.getMessage());
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    /** Returns the user selected in the table, which the view binds. */
    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding hasSelectionBinding() {
        return hasSelection;
    }

    /** Returns {@code Unblock} while a blocked user is selected and {@code Block} otherwise, for the toggle button. */
    public StringBinding blockLabelBinding() {
        return blockLabel;
    }

    /** Confirmation of the last successful action on a user, empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns why the last action on the selected user was rejected, or an empty string when it was not. */
    public StringProperty actionErrorProperty() {
        return actionError;
    }

    private record Snapshot(List<UserView> users, List<RoleView> roles) {
    }
}
