package dev.tokendesk.console.dialog;

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
 * Modal dialog that shows a test JWT once with copy buttons for the JWT and a curl command. When
 * it closes it empties its fields and drops its content. Create and show on the JavaFX
 * application thread.
 */
final class TestJwtDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField jwtField = CopyFields.readOnlyField("jwtValueField");
    private final TextField curlField = CopyFields.readOnlyField("jwtCurlField");

    TestJwtDialog(Window owner, TestJwtDetails details) {
        dialog.initOwner(owner);
        dialog.setTitle("Test JWT");
        dialog.setHeaderText("JWT for " + details.username() + ". It acts as " + details.username()
                + " with their role's permissions; copy it now.");
        dialog.setResizable(true);

        GridPane rows = new GridPane();
        rows.setHgap(8);
        rows.setVgap(8);
        rows.getColumnConstraints().addAll(new ColumnConstraints(), CopyFields.growingColumn(), new ColumnConstraints());
        jwtField.setText(details.jwt());
        rows.addRow(0, new Label("JWT"), jwtField, CopyFields.copyButton("copyJwtButton", jwtField));
        if (details.curlCommand() != null) {
            curlField.setText(details.curlCommand());
            rows.addRow(1, new Label("curl"), curlField, CopyFields.copyButton("copyJwtCurlButton", curlField));
        }
        Label note = new Label(details.note());
        note.setId("jwtNoteLabel");
        note.setWrapText(true);

        VBox content = new VBox(12, rows, note);
        content.setPadding(new Insets(16));
        dialog.getDialogPane().setMinWidth(760);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(content);
        ButtonType done = new ButtonType("Done", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().add(done);
        dialog.getDialogPane().lookupButton(done).setId("closeJwtDialogButton");
        dialog.setOnHidden(event -> {
            jwtField.clear();
            curlField.clear();
            dialog.getDialogPane().setContent(null);
        });
    }

    void showAndWait() {
        dialog.showAndWait();
    }
}
