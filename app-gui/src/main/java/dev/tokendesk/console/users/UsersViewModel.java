package dev.tokendesk.console.users;

import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.role.RoleType;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.List;
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
 * State and commands of the Users screen: the user list and the form that creates a user.
 *
 * <p>Not thread-safe: use it on the UI thread. Service calls run through the
 * {@link BackgroundExecutor}.
 */
public final class UsersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);

    private final UserService userService;
    private final RoleService roleService;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObservableList<String> roleNames = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<String> role = new SimpleObjectProperty<>();
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final StringProperty roleError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public UsersViewModel(UserService userService, RoleService roleService, BackgroundExecutor executor, DialogService dialogs) {
        this.userService = userService;
        this.roleService = roleService;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Reloads the users and the roles a user can have. */
    public void refresh() {
        executor.submit(() -> new Snapshot(userService.list(), roleService.list()), this::show, this::showUnexpected);
    }

    /** Creates a user from the form; rejected input ends up in the error properties, not in a dialog. */
    public void createUser() {
        if (busy.get()) {
            return;
        }
        clearErrors();
        status.set("");
        busy.set(true);
        NewUser request = new NewUser(username.get(), email.get(), password.get(), role.get());

        executor.submit(() -> userService.create(request), this::created, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(this::showFormFailure, () -> showUnexpected(failure));
        });
    }

    private void created(UserView user) {
        busy.set(false);
        username.set("");
        email.set("");
        password.set("");
        status.set("Created user " + user.username() + " with role " + user.roleName() + ".");
        refresh();
    }

    private void show(Snapshot snapshot) {
        users.setAll(snapshot.users().stream().map(UserRow::of).toList());

        List<RoleView> assignable = snapshot.roles().stream().filter(view -> view.type() != RoleType.PUBLIC).toList();
        roleNames.setAll(assignable.stream().map(RoleView::name).toList());
        if (role.get() == null || !roleNames.contains(role.get())) {
            assignable.stream()
                    .filter(view -> view.type() == RoleType.AUTHENTICATED)
                    .findFirst()
                    .ifPresent(view -> role.set(view.name()));
        }
    }

    private void showFormFailure(FormFailure failure) {
        usernameError.set(failure.messageFor("username"));
        emailError.set(failure.messageFor("email"));
        passwordError.set(failure.messageFor("password"));
        roleError.set(failure.messageFor("role"));
        formError.set(failure.summary());
        refresh();
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Users screen: a background call failed", failure);
        dialogs.showError("Users", "The users could not be loaded or saved: " + failure.getMessage());
    }

    private void clearErrors() {
        usernameError.set("");
        emailError.set("");
        passwordError.set("");
        roleError.set("");
        formError.set("");
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    /** Names of the roles a new user can get; Public is left out because it is for anonymous callers. */
    public ObservableList<String> roleNames() {
        return roleNames;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }

    public StringProperty usernameErrorProperty() {
        return usernameError;
    }

    public StringProperty emailErrorProperty() {
        return emailError;
    }

    public StringProperty passwordErrorProperty() {
        return passwordError;
    }

    public StringProperty roleErrorProperty() {
        return roleError;
    }

    /** Summary of why the last submission was rejected, empty when it was not. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    /** Confirmation of the last successful submission, empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns whether a submission is running. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    private record Snapshot(List<UserView> users, List<RoleView> roles) {
    }
}
