package dev.tokendesk.console.dialog;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Modal dialog that shows a new or regenerated token once, with copy buttons for the token, a
 * ready URL and a curl command. When it closes it empties its fields and drops its content, so no
 * control keeps the token. A copy stays in the system clipboard if the admin made one.
 *
 * <p>Create and show on the JavaFX application thread.
 */
final class IssuedTokenDialog {

    static final ButtonType DONE = new ButtonType("Done, I have copied it", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField tokenField = readOnlyField("tokenValueField");
    private final TextField urlField = readOnlyField("tokenUrlField");
    private final TextField curlField = readOnlyField("curlCommandField");

    IssuedTokenDialog(Window owner, String title, String header, IssuedTokenDetails details) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);

        tokenField.setText(details.token());
        GridPane rows = new GridPane();
        rows.setHgap(8);
        rows.setVgap(8);
        rows.getColumnConstraints().addAll(new ColumnConstraints(), grow(), new ColumnConstraints());
        addRow(rows, 0, "Token", tokenField, "copyTokenButton");

        VBox content = new VBox(12, rows);
        if (details.hasUrl()) {
            urlField.setText(details.url());
            curlField.setText(details.curlCommand());
            addRow(rows, 1, "URL", urlField, "copyUrlButton");
            addRow(rows, 2, "curl", curlField, "copyCurlButton");
        } else {
            Label reason = new Label(details.noUrlReason());
            reason.setId("noUrlLabel");
            reason.setWrapText(true);
            reason.getStyleClass().add(Styles.WARNING);
            content.getChildren().add(reason);
        }
        content.setPadding(new Insets(16));

        // Wide enough to show most of a ready URL, which carries the 53-character token.
        dialog.getDialogPane().setMinWidth(860);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(DONE);
        dialog.getDialogPane().lookupButton(DONE).setId("closeTokenDialogButton");
        dialog.setOnHidden(event -> clearFields());
    }

    void showAndWait() {
        dialog.showAndWait();
    }

    private void clearFields() {
        tokenField.clear();
        urlField.clear();
        curlField.clear();
        dialog.getDialogPane().setContent(null);
    }

    private static void addRow(GridPane rows, int row, String caption, TextField field, String copyButtonId) {
        Button copy = new Button("Copy");
        copy.setId(copyButtonId);
        copy.setOnAction(event -> copyToClipboard(copy, field.getText()));
        rows.addRow(row, new Label(caption), field, copy);
    }

    private static void copyToClipboard(Button button, String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);

        button.setText("Copied");
        PauseTransition reset = new PauseTransition(Duration.seconds(2));
        reset.setOnFinished(event -> button.setText("Copy"));
        reset.play();
    }

    private static TextField readOnlyField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add(Styles.TEXT_SMALL);
        field.setStyle("-fx-font-family: monospace;");
        return field;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }
}
