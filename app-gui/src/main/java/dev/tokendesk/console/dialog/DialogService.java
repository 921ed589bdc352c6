package dev.tokendesk.console.dialog;

/**
 * Shows modal dialogs for view models, so that view models are tested without a window.
 *
 * <p>Call on the UI thread only. Methods return when the user has closed the dialog.
 */
public interface DialogService {

    /** Asks a yes-or-no question and returns whether the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Shows a failure in words; never a stack trace. */
    void showError(String title, String message);

    /**
     * Shows a newly issued token with its ready URL and curl command. Implementations must not keep
     * {@code details} or the token after the dialog closes.
     */
    void showIssuedToken(IssuedTokenDetails details);
}
