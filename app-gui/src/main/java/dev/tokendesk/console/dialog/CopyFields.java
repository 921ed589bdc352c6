package dev.tokendesk.console.dialog;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/** Read-only fields with copy buttons, for dialogs that show a secret once. Use on the JavaFX application thread. */
final class CopyFields {

    private CopyFields() {
    }

    /** Creates a read-only monospace field. */
    static TextField readOnlyField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add(Styles.TEXT_SMALL);
        field.setStyle("-fx-font-family: monospace;");
        return field;
    }

    /** Creates a button that copies the current text of {@code field} to the system clipboard and shows "Copied" for two seconds. */
    static Button copyButton(String id, TextField field) {
        Button copy = new Button("Copy");
        copy.setId(id);
        copy.setOnAction(event -> copyToClipboard(copy, field.getText()));
        return copy;
    }

    /** Returns a grid column that takes the remaining width. */
    static ColumnConstraints growingColumn() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
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
}
