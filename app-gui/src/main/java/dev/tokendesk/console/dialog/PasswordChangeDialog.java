package dev.tokendesk.console.dialog;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Modal dialog bound to a {@link PasswordChangeForm}. Its confirm button submits the form instead
 * of closing, so rejections appear under the fields; the dialog closes once the form reports the
 * change. Closing clears the form and unbinds the fields.
 *
 * <p>Create and show on the JavaFX application thread.
 */
final class PasswordChangeDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();

    PasswordChangeDialog(Window owner, PasswordChangeForm form) {
        dialog.initOwner(owner);
        dialog.setTitle("Change password");
        dialog.setHeaderText("New password for " + form.username()
                + ".\nTheir JWTs stop working at once; their API tokens keep working.");

        password.setId("newPasswordField");
        password.setPromptText("at least 8 characters");
        password.textProperty().bindBidirectional(form.passwordProperty());
        confirmation.setId("confirmPasswordField");
        confirmation.textProperty().bindBidirectional(form.confirmationProperty());

        Button generate = new Button("Generate a strong password");
        generate.setId("generatePasswordButton");
        generate.setOnAction(event -> form.generate());
        TextField generated = CopyFields.readOnlyField("generatedPasswordField");
        generated.textProperty().bind(form.generatedProperty());
        HBox.setHgrow(generated, Priority.ALWAYS);
        Label copyHint = new Label("Copy it now: it is not shown again after this dialog closes.");
        copyHint.getStyleClass().add(Styles.TEXT_SMALL);
        VBox generatedBox = new VBox(4, new HBox(8, generated, CopyFields.copyButton("copyPasswordButton", generated)), copyHint);
        // Hidden but still laid out, so the dialog keeps its height when a password is generated.
        generatedBox.visibleProperty().bind(form.generatedProperty().isNotEmpty());

        VBox content = new VBox(12,
                generate,
                generatedBox,
                FormFields.labelled("New password", password, form.passwordErrorProperty(), "newPasswordError"),
                FormFields.labelled("Repeat the new password", confirmation, form.confirmationErrorProperty(), "confirmPasswordError"),
                FormFields.errorLabel(form.formErrorProperty(), "passwordFormError"));
        content.setPadding(new Insets(8, 16, 8, 16));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);

        ButtonType change = new ButtonType("Change password", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(change, ButtonType.CANCEL);
        Button changeButton = (Button) dialog.getDialogPane().lookupButton(change);
        changeButton.setId("confirmPasswordChangeButton");
        changeButton.disableProperty().bind(form.busyProperty());
        changeButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.submit();
        });
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");

        ChangeListener<Boolean> closeWhenChanged = (observable, before, now) -> {
            if (now) {
                dialog.setResult(change);
                dialog.close();
            }
        };
        form.changedProperty().addListener(closeWhenChanged);
        dialog.setOnHidden(event -> {
            form.changedProperty().removeListener(closeWhenChanged);
            form.clear();
            password.textProperty().unbindBidirectional(form.passwordProperty());
            confirmation.textProperty().unbindBidirectional(form.confirmationProperty());
            password.clear();
            confirmation.clear();
            generated.textProperty().unbind();
            generated.clear();
        });
        dialog.setOnShown(event -> password.requestFocus());
    }

    void showAndWait() {
        dialog.showAndWait();
    }
}
