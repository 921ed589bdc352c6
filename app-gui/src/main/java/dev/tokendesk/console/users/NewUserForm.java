package dev.tokendesk.console.users;

import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.RoleType;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and command of the form on the Users screen that creates a user. Rejected input lands in
 * one error property per field, not in a dialog.
 *
 * <p>Not thread-safe: use it on the UI thread. Service calls run through the
 * {@link BackgroundExecutor}.
 */
public final class NewUserForm {

    private final UserService userService;
    private final BackgroundExecutor executor;
    private final Runnable reload;
    private final Consumer<Exception> onUnexpected;

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

    /**
     * Creates the form.
     *
     * @param reload runs after each service response, success or rejection, so the list shows the current users
     * @param onUnexpected receives failures that are no fault of the input
     */
    NewUserForm(UserService userService, BackgroundExecutor executor, Runnable reload, Consumer<Exception> onUnexpected) {
        this.userService = userService;
        this.executor = executor;
        this.reload = reload;
        this.onUnexpected = onUnexpected;
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
            FormFailure.from(failure).ifPresentOrElse(this::showFailure, () -> onUnexpected.accept(failure));
        });
    }

    private void created(UserView user) {
        busy.set(false);
        username.set("");
        email.set("");
        password.set("");
        status.set("Created user " + user.username() + " with role " + user.roleName() + ".");
        reload.run();
    }

    /** Offers the roles a user can have; keeps the chosen one when it still exists, otherwise picks Authenticated. */
    void showRoles(List<RoleView> assignable) {
        roleNames.setAll(assignable.stream().map(RoleView::name).toList());
        if (role.get() == null || !roleNames.contains(role.get())) {
            assignable.stream()
                    .filter(view -> view.type() == RoleType.AUTHENTICATED)
                    .findFirst()
                    .ifPresent(view -> role.set(view.name()));
        }
    }

    private void showFailure(FormFailure failure) {
        usernameError.set(failure.messageFor("username"));
        emailError.set(failure.messageFor("email"));
        passwordError.set(failure.messageFor("password"));
        roleError.set(failure.messageFor("role"));
        formError.set(failure.summary());
        reload.run();
    }

    private void clearErrors() {
        usernameError.set("");
        emailError.set("");
        passwordError.set("");
        roleError.set("");
        formError.set("");
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
}
