package dev.tokendesk.console.dialog;

import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and submit command of the password dialog: a new password typed twice, with one error
 * line per field. The view model that opens the dialog supplies how the password is stored.
 *
 * <p>Not thread-safe: use it on the UI thread. {@link #clear()} empties both password properties;
 * the dialog calls it when it closes.
 */
public final class PasswordChangeForm {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChangeForm.class);

    private final String username;
    private final BackgroundExecutor executor;
    private final PasswordSetter setter;
    private final Runnable onChanged;
    private final PasswordGenerator generator = new PasswordGenerator(new java.security.SecureRandom());

    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty generated = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final StringProperty confirmationError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty changed = new SimpleBooleanProperty(false);

    /**
     * Creates the form.
     *
     * @param username user whose password changes, for the dialog's text
     * @param setter stores the new password; runs on the background executor
     * @param onChanged runs on the UI thread after the password was stored
     */
    public PasswordChangeForm(String username, BackgroundExecutor executor, PasswordSetter setter, Runnable onChanged) {
        this.username = username;
        this.executor = executor;
        this.setter = setter;
        this.onChanged = onChanged;
        // A password typed over the generated one makes the shown copy wrong, so it goes.
        password.addListener((observable, before, now) -> {
            if (!generated.get().isEmpty() && !generated.get().equals(now)) {
                generated.set("");
            }
        });
    }

    /**
     * Stores the password when both fields match. Rejections land in the error properties and the
     * fields keep their text, so the admin can correct it.
     */
    public void submit() {
        if (busy.get() || changed.get()) {
            return;
        }
        clearErrors();
        String typed = password.get();
        if (!typed.equals(confirmation.get())) {
            confirmationError.set("The two passwords differ. Type the same password twice.");
            return;
        }
        busy.set(true);

        executor.submit(() -> setter.set(typed), () -> {
            busy.set(false);
            clear();
            changed.set(true);
            onChanged.run();
        }, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(this::showFailure, () -> {
                LOG.error("Could not change the password of {}", username, failure);
                formError.set("The password could not be changed: " + failure.getMessage());
            });
        });
    }

    /**
     * Fills both fields with a new random password and shows it in {@link #generatedProperty()},
     * so the admin can copy it before it is stored. The form never shows it again after
     * {@link #clear()}.
     */
    public void generate() {
        String value = generator.generate();
        clearErrors();
        password.set(value);
        confirmation.set(value);
        generated.set(value);
    }

    /** Empties both password fields and the generated password. */
    public void clear() {
        password.set("");
        confirmation.set("");
        generated.set("");
    }

    private void showFailure(FormFailure failure) {
        String message = failure.messageFor("password");
        if (message.isEmpty()) {
            formError.set(failure.summary());
        } else {
            passwordError.set(message);
        }
    }

    private void clearErrors() {
        passwordError.set("");
        confirmationError.set("");
        formError.set("");
    }

    public String username() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Returns the last generated password while the dialog is open, or an empty string, for the admin to copy. */
    public ReadOnlyStringProperty generatedProperty() {
        return generated;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty passwordErrorProperty() {
        return passwordError;
    }

    public StringProperty confirmationErrorProperty() {
        return confirmationError;
    }

    /** Rejection that belongs to neither field, such as a user deleted meanwhile; empty otherwise. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Becomes {@code true} once the password is stored; the dialog closes then. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }

    /** Stores a new password; may block, so it runs on the background executor. */
    @FunctionalInterface
    public interface PasswordSetter {
        void set(String newPassword) throws Exception;
    }
}
