package dev.tokendesk.console.dialog;

import dev.tokendesk.console.display.FormFields;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Modal dialog bound to a {@link UserEditForm}. Its save button submits the form instead of
 * closing, so rejections appear under the fields; the dialog closes once the form reports the
 * change. Create and show on the JavaFX application thread.
 */
final class UserEditDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    UserEditDialog(Window owner, UserEditForm form) {
        dialog.initOwner(owner);
        dialog.setTitle("Edit user");
        dialog.setHeaderText("Edit " + form.originalUsername()
                + ".\nTheir JWTs and API tokens keep working: they name the user by id.");

        TextField username = new TextField();
        username.setId("editUsernameField");
        username.textProperty().bindBidirectional(form.usernameProperty());
        TextField email = new TextField();
        email.setId("editEmailField");
        email.textProperty().bindBidirectional(form.emailProperty());

        VBox content = new VBox(12,
                FormFields.labelled("Username", username, form.usernameErrorProperty(), "editUsernameError"),
                FormFields.labelled("Email", email, form.emailErrorProperty(), "editEmailError"),
                FormFields.errorLabel(form.formErrorProperty(), "editUserFormError"));
        content.setPadding(new Insets(8, 16, 8, 16));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(460);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveUserButton");
        saveButton.disableProperty().bind(form.busyProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.submit();
        });
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");

        ChangeListener<Boolean> closeWhenSaved = (observable, before, now) -> {
            if (now) {
                dialog.setResult(save);
                dialog.close();
            }
        };
        form.savedProperty().addListener(closeWhenSaved);
        dialog.setOnHidden(event -> {
            form.savedProperty().removeListener(closeWhenSaved);
            username.textProperty().unbindBidirectional(form.usernameProperty());
            email.textProperty().unbindBidirectional(form.emailProperty());
        });
        dialog.setOnShown(event -> username.requestFocus());
    }

    void showAndWait() {
        dialog.showAndWait();
    }
}
