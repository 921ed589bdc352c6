package dev.tokendesk.console.dialog;

import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and submit command of the dialog that edits a user's name and email, with one error line
 * per field. The view model that opens the dialog supplies how the change is stored.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class UserEditForm {

    private static final Logger LOG = LoggerFactory.getLogger(UserEditForm.class);

    private final String originalUsername;
    private final BackgroundExecutor executor;
    private final UserSaver saver;
    private final Runnable onSaved;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty saved = new SimpleBooleanProperty(false);

    /**
     * Creates the form filled with the user's current name and email.
     *
     * @param saver stores the new name and email; runs on the background executor
     * @param onSaved runs on the UI thread after the change was stored
     */
    public UserEditForm(String username, String email, BackgroundExecutor executor, UserSaver saver, Runnable onSaved) {
        this.originalUsername = username;
        this.executor = executor;
        this.saver = saver;
        this.onSaved = onSaved;
        this.username.set(username);
        this.email.set(email);
    }

    /** Stores the fields; rejections land in the error properties and the fields keep their text. */
    public void submit() {
        if (busy.get() || saved.get()) {
            return;
        }
        usernameError.set("");
        emailError.set("");
        formError.set("");
        busy.set(true);
        String newUsername = username.get();
        String newEmail = email.get();

        executor.submit(() -> saver.save(newUsername, newEmail), () -> {
            busy.set(false);
            saved.set(true);
            onSaved.run();
        }, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(this::showFailure, () -> {
                LOG.error("Could not change user {}", originalUsername, failure);
                formError.set("The user could not be changed: " + failure.getMessage());
            });
        });
    }

    private void showFailure(FormFailure failure) {
        usernameError.set(failure.messageFor("username"));
        emailError.set(failure.messageFor("email"));
        formError.set(failure.summary());
    }

    /** Returns the user name before the edit, for the dialog's text. */
    public String originalUsername() {
        return originalUsername;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty usernameErrorProperty() {
        return usernameError;
    }

    public StringProperty emailErrorProperty() {
        return emailError;
    }

    /** Summary of why the last submission was rejected, empty when it was not. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Becomes {@code true} once the change is stored; the dialog closes then. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved;
    }

    /** Stores a new user name and email; may block, so it runs on the background executor. */
    @FunctionalInterface
    public interface UserSaver {
        void save(String username, String email) throws Exception;
    }
}
