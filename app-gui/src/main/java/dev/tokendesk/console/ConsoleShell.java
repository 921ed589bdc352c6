package dev.tokendesk.console;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.IconButtons;
import dev.tokendesk.console.look.Appearance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The console window's frame: a sidebar with one button per screen, a light and dark mode switch,
 * the area that shows the chosen screen, and the keyboard shortcuts that work on every screen.
 * Use on the JavaFX application thread only.
 */
final class ConsoleShell {

    private static final KeyCode[] SCREEN_KEYS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final BorderPane root = new BorderPane();
    private final VBox navigation = new VBox(4);
    private final ToggleGroup screenButtons = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final Label location = new Label();
    private final List<ConsoleScreen> screens = new ArrayList<>();
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final ReadOnlyStringWrapper currentScreen = new ReadOnlyStringWrapper();
    private Runnable newTokenAction = () -> { };

    ConsoleShell(Appearance appearance) {
        Label brand = new Label("TokenDesk", IconButtons.icon(Feather.KEY));
        brand.getStyleClass().add(Styles.TITLE_3);
        VBox.setMargin(brand, new Insets(0, 0, 16, 8));

        location.setId("dataDirLabel");
        location.setWrapText(true);
        location.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        VBox sidebar = new VBox(8, brand, navigation, spacer, themeSwitch(appearance), location);
        sidebar.setPadding(new Insets(20, 12, 16, 12));
        sidebar.setPrefWidth(230);
        sidebar.setMinWidth(Region.USE_PREF_SIZE);
        sidebar.getStyleClass().addAll(Styles.BG_SUBTLE, "console-sidebar");
        sidebar.getStylesheets().add(ConsoleShell.class.getResource("console.css").toExternalForm());
        sidebar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");

        // A click on the selected button would otherwise leave no screen selected.
        screenButtons.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null && before != null) {
                before.setSelected(true);
            }
        });

        root.setLeft(sidebar);
        root.setCenter(content);
        showMessage("Opening the data directory…", true);
    }

    private static HBox themeSwitch(Appearance appearance) {
        ToggleButton dark = new ToggleButton(null, IconButtons.icon(Feather.MOON));
        dark.setId("darkModeToggle");
        dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dark.selectedProperty().bindBidirectional(appearance.darkModeProperty());
        IconButtons.addTooltip(dark, "Dark mode on or off");
        dark.setAccessibleText("Dark mode");
        Label caption = new Label("Dark mode");
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox line = new HBox(6, dark, caption);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    Parent root() {
        return root;
    }

    /** Adds a sidebar button that shows {@code screen}; the first screen added is shown at once. */
    void addScreen(ConsoleScreen screen) {
        ToggleButton button = new ToggleButton(screen.title(), IconButtons.icon(screen.icon()));
        button.setId(screen.buttonId());
        button.setToggleGroup(screenButtons);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setGraphicTextGap(10);
        button.getStyleClass().add(Styles.FLAT);
        int number = screens.size() + 1;
        if (number <= SCREEN_KEYS.length) {
            IconButtons.addTooltip(button, screen.title() + " (Ctrl+" + number + ")");
        }
        button.selectedProperty().addListener((observable, before, now) -> {
            if (now) {
                content.getChildren().setAll(screen.view());
                currentScreen.set(screen.buttonId());
            }
        });
        screens.add(screen);
        buttons.add(button);
        navigation.getChildren().add(button);
        if (screenButtons.getSelectedToggle() == null) {
            button.setSelected(true);
        }
    }

    /** Shows the screen whose sidebar button has {@code buttonId}; returns false when there is none. */
    boolean showScreen(String buttonId) {
        for (ToggleButton button : buttons) {
            if (button.getId().equals(buttonId)) {
                button.setSelected(true);
                return true;
            }
        }
        return false;
    }

    /** Sidebar button id of the screen shown, or {@code null} before the first screen is added. */
    ReadOnlyStringProperty currentScreenProperty() {
        return currentScreen.getReadOnlyProperty();
    }

    /** Sets what Ctrl+N does: in the console, open the Tokens screen with the cursor in the new token's name. */
    void setNewTokenAction(Runnable action) {
        newTokenAction = action;
    }

    /**
     * Installs the shortcuts on {@code scene}: Ctrl+1 to Ctrl+9 show a screen, Ctrl+N starts a
     * new token, Ctrl+F moves to the screen's search field, and F5 or Ctrl+R refreshes the screen.
     * On macOS, Cmd takes the place of Ctrl.
     */
    void installShortcuts(Scene scene) {
        for (int i = 0; i < SCREEN_KEYS.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(SCREEN_KEYS[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < buttons.size()) {
                    buttons.get(index).setSelected(true);
                }
            });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> newTokenAction.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refreshScreen);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refreshScreen);
    }

    /** Shows the screen with {@code buttonId} and moves the keyboard focus to the node {@code selector} finds in it. */
    void focusOnScreen(String buttonId, String selector) {
        if (!showScreen(buttonId)) {
            return;
        }
        current().map(screen -> screen.view().lookup(selector)).ifPresent(Node::requestFocus);
    }

    private void focusSearch() {
        current().filter(screen -> screen.searchSelector() != null)
                .map(screen -> screen.view().lookup(screen.searchSelector()))
                .ifPresent(Node::requestFocus);
    }

    private void refreshScreen() {
        current().ifPresent(screen -> screen.refresh().run());
    }

    private Optional<ConsoleScreen> current() {
        return screens.stream().filter(screen -> screen.buttonId().equals(currentScreen.get())).findFirst();
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
