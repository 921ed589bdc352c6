package dev.tokendesk.console.display;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Builds labelled form fields with an error line under them. Use on the JavaFX application
 * thread.
 */
public final class FormFields {

    private FormFields() {
    }

    /**
     * Stacks a caption, {@code input} and a red error line bound to {@code error}; the input is
     * marked as invalid while the error is not empty.
     */
    public static VBox labelled(String caption, Node input, ObservableStringValue error, String errorId) {
        Label label = new Label(caption);
        label.setLabelFor(input);
        Label errorLine = errorLabel(error, errorId);
        errorLine.textProperty().addListener((observable, before, now) ->
                input.pseudoClassStateChanged(Styles.STATE_DANGER, now != null && !now.isEmpty()));
        return new VBox(4, label, input, errorLine);
    }

    /** Creates a red, wrapping label bound to {@code message} that takes no space while empty. */
    public static Label errorLabel(ObservableStringValue message, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        // Without it a wrapping label in a VBox keeps one line's height and cuts the message off.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.textProperty().bind(message);
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
