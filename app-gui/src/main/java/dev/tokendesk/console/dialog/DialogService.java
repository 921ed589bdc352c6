package dev.tokendesk.console.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Shows modal dialogs for view models, so that view models are tested without a window.
 *
 * <p>Call on the UI thread only. Methods return when the user has closed the dialog.
 */
public interface DialogService {

    /** Asks a yes-or-no question and returns whether the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Offers {@code options}, shown by their {@code toString()}, with {@code initial} chosen, and
     * returns the one the user confirmed; empty when the user cancelled.
     */
    <T> Optional<T> choose(String title, String message, List<T> options, T initial, String confirmLabel);

    /**
     * Asks for one line of text, such as a role name, with {@code initial} filled in; returns the
     * text the user confirmed, or empty when the user cancelled.
     */
    Optional<String> askText(String title, String message, String initial, String confirmLabel);

    /** Shows a failure in words; never a stack trace. */
    void showError(String title, String message);

    /**
     * Shows a newly issued token with its ready URL and curl command. Implementations must not keep
     * {@code details} or the token after the dialog closes.
     */
    void showIssuedToken(IssuedTokenDetails details);

    /**
     * Shows the new value of a regenerated token like {@link #showIssuedToken}, with
     * {@code previousValueNote} saying until when the value before it works.
     */
    void showRegeneratedToken(IssuedTokenDetails details, String previousValueNote);

    /**
     * Shows a form for a new password. The dialog submits through {@link PasswordChangeForm#submit()},
     * stays open while the form reports errors and closes once the password is changed or the
     * user cancels. It clears the form when it closes.
     */
    void showPasswordChange(PasswordChangeForm form);

    /**
     * Shows a form that edits a user's name and email. Like {@link #showPasswordChange}, the dialog
     * submits through {@link UserEditForm#submit()} and closes once the change is stored or the
     * user cancels.
     */
    void showUserEdit(UserEditForm form);

    /** Shows a test JWT once with copy buttons. Implementations must not keep {@code details} after the dialog closes. */
    void showTestJwt(TestJwtDetails details);

    /** Asks for a folder, such as a Strapi project's {@code src}; empty when the user cancelled. */
    Optional<Path> chooseFolder(String title);

    /** Asks for an existing {@code .json} file; empty when the user cancelled. */
    Optional<Path> chooseJsonFile(String title);

    /**
     * Asks where to save a {@code .csv} file, offering {@code suggestedName}; empty when the user
     * cancelled. The caller writes the file and may replace an existing one, which the dialog
     * has confirmed.
     */
    Optional<Path> chooseCsvSaveFile(String title, String suggestedName);

    /**
     * Asks where to save a {@code .zip} file, such as a backup, offering {@code suggestedName};
     * empty when the user cancelled.
     */
    Optional<Path> chooseZipSaveFile(String title, String suggestedName);

    /** Asks for an existing {@code .zip} file, such as a backup; empty when the user cancelled. */
    Optional<Path> chooseZipFile(String title);
}
