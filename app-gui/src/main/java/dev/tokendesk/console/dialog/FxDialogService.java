package dev.tokendesk.console.dialog;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * {@link DialogService} that shows real JavaFX dialogs in front of the console window.
 *
 * <p>Call on the JavaFX application thread only.
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    /** Creates the service; {@code owner} returns the window the dialogs block, or {@code null}. */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().lookupButton(confirm).setId("confirmButton");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public void showIssuedToken(IssuedTokenDetails details) {
        new IssuedTokenDialog(owner.get(), details).showAndWait();
    }
}
