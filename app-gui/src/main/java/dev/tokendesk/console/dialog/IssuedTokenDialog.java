package dev.tokendesk.console.dialog;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Modal dialog that shows a new or regenerated token once, with copy buttons for the token, a
 * ready URL, a curl command and an HTTPie command. When it closes it empties its fields and drops its content, so no
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
    private final TextField httpieField = readOnlyField("httpieCommandField");

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
            httpieField.setText(details.httpieCommand());
            addRow(rows, 3, "HTTPie", httpieField, "copyHttpieButton");
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
        // Without it the window can open shorter than its content and cut off the button row.
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
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
        httpieField.clear();
        dialog.getDialogPane().setContent(null);
    }

    private static void addRow(GridPane rows, int row, String caption, TextField field, String copyButtonId) {
        rows.addRow(row, new Label(caption), field, CopyFields.copyButton(copyButtonId, field));
    }

    private static TextField readOnlyField(String id) {
        return CopyFields.readOnlyField(id);
    }

    private static ColumnConstraints grow() {
        return CopyFields.growingColumn();
    }
}
