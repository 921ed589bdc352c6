package dev.tokendesk.console.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
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
        alert.getDialogPane().setPrefWidth(520);
        alert.getDialogPane().lookupButton(confirm).setId("confirmButton");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> options, T initial, String confirmLabel) {
        ComboBox<T> choice = new ComboBox<>();
        choice.setId("choiceBox");
        choice.getItems().setAll(options);
        choice.setValue(initial);
        choice.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label(message);
        text.setWrapText(true);

        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(new VBox(12, text, choice));
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).setId("confirmChoiceButton");
        dialog.getDialogPane().lookupButton(confirm).disableProperty().bind(choice.valueProperty().isNull());
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");
        dialog.setResultConverter(button -> button == confirm ? choice.getValue() : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String message, String initial, String confirmLabel) {
        TextField field = new TextField(initial == null ? "" : initial);
        field.setId("askTextField");
        Label text = new Label(message);
        text.setWrapText(true);

        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(new VBox(12, text, field));
        dialog.getDialogPane().setPrefWidth(480);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).setId("confirmTextButton");
        dialog.getDialogPane().lookupButton(confirm).disableProperty().bind(field.textProperty().isEmpty());
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelButton");
        dialog.setResultConverter(button -> button == confirm ? field.getText() : null);
        dialog.setOnShown(event -> field.requestFocus());
        return dialog.showAndWait();
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
        String header = "Token \"" + details.tokenName() + "\" for " + details.ownerUsername()
                + " is ready. Copy it now: it is shown only once.";
        new IssuedTokenDialog(owner.get(), "Token issued", header, details).showAndWait();
    }

    @Override
    public void showRegeneratedToken(IssuedTokenDetails details, String previousValueNote) {
        String header = "Token \"" + details.tokenName() + "\" for " + details.ownerUsername()
                + " has a new value. Copy it now: it is shown only once.\n" + previousValueNote;
        new IssuedTokenDialog(owner.get(), "Token regenerated", header, details).showAndWait();
    }

    @Override
    public void showPasswordChange(PasswordChangeForm form) {
        new PasswordChangeDialog(owner.get(), form).showAndWait();
    }

    @Override
    public void showUserEdit(UserEditForm form) {
        new UserEditDialog(owner.get(), form).showAndWait();
    }

    @Override
    public void showTestJwt(TestJwtDetails details) {
        new TestJwtDialog(owner.get(), details).showAndWait();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseJsonFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON files", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseCsvSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseZipSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("ZIP files", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseZipFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("ZIP files", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }
}
