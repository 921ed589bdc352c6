package dev.tokendesk.console;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The console window's frame: a sidebar with one button per screen and the area that shows the
 * chosen screen. Use on the JavaFX application thread only.
 */
final class ConsoleShell {

    private final BorderPane root = new BorderPane();
    private final VBox navigation = new VBox(4);
    private final ToggleGroup screens = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final Label location = new Label();

    ConsoleShell() {
        Label brand = new Label("TokenDesk");
        brand.getStyleClass().add(Styles.TITLE_3);
        VBox.setMargin(brand, new Insets(0, 0, 16, 8));

        location.setId("dataDirLabel");
        location.setWrapText(true);
        location.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        VBox sidebar = new VBox(8, brand, navigation, spacer, location);
        sidebar.setPadding(new Insets(20, 12, 16, 12));
        sidebar.setPrefWidth(210);
        sidebar.getStyleClass().add(Styles.BG_SUBTLE);
        sidebar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");

        // A click on the selected button would otherwise leave no screen selected.
        screens.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null && before != null) {
                before.setSelected(true);
            }
        });

        root.setLeft(sidebar);
        root.setCenter(content);
        showMessage("Opening the data directory…", true);
    }

    Parent root() {
        return root;
    }

    /** Adds a sidebar button that shows {@code screen}; the first screen added is shown at once. */
    void addScreen(String title, String buttonId, Node screen) {
        ToggleButton button = new ToggleButton(title);
        button.setId(buttonId);
        button.setToggleGroup(screens);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add(Styles.FLAT);
        button.selectedProperty().addListener((observable, before, now) -> {
            if (now) {
                content.getChildren().setAll(screen);
            }
        });
        navigation.getChildren().add(button);
        if (screens.getSelectedToggle() == null) {
            button.setSelected(true);
        }
    }

    /** Shows where the data lives, under the sidebar. */
    void setLocation(String text) {
        location.setText(text);
    }

    /** Replaces the screen area with a message, for start-up and start-up failure. */
    void showMessage(String text, boolean working) {
        Label message = new Label(text);
        message.setId("shellMessage");
        message.setWrapText(true);
        message.setMaxWidth(600);
        if (!working) {
            message.getStyleClass().add(Styles.DANGER);
        }
        VBox box = working ? new VBox(16, new ProgressIndicator(), message) : new VBox(16, message);
        box.setAlignment(Pos.CENTER);
        content.getChildren().setAll(box);
    }
}
