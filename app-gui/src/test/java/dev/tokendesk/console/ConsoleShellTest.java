package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.console.look.Appearance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the shell's sidebar and keyboard shortcuts in a real headless window, with simple screens. */
class ConsoleShellTest {

    private final FxRobot robot = new FxRobot();
    private final List<String> refreshed = new ArrayList<>();
    private ConsoleShell shell;
    private Appearance appearance;

    @BeforeEach
    void show() throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(window -> {
            appearance = new Appearance(false);
            shell = new ConsoleShell(appearance);
            for (int i = 1; i <= 8; i++) {
                String name = "screen" + i;
                TextField search = new TextField();
                search.setId(name + "Search");
                TextField other = new TextField();
                other.setId(name + "Other");
                shell.addScreen(new ConsoleScreen("Screen " + i, "nav" + i, Feather.CIRCLE,
                        new VBox(new Label(name), other, search), () -> refreshed.add(name), "#" + name + "Search"));
            }
            shell.setNewTokenAction(() -> shell.focusOnScreen("nav3", "#screen3Other"));
            Scene scene = new Scene(shell.root(), 1000, 700);
            shell.installShortcuts(scene);
            window.setScene(scene);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void ctrlDigitSwitchesScreen() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        String afterFive = shell.currentScreenProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);

        assertThat(afterFive).isEqualTo("nav5");
        assertThat(shell.currentScreenProperty().get()).isEqualTo("nav8");
        assertThat(robot.lookup("#screen8Search").tryQuery()).isPresent();
        assertThat(robot.lookup("#screen5Search").tryQuery()).isEmpty();
    }

    @Test
    void refreshKeysRefreshCurrentScreen() {
        robot.clickOn("#nav2");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        robot.clickOn("#nav4");
        robot.press(KeyCode.F5).release(KeyCode.F5);

        assertThat(refreshed).containsExactly("screen2", "screen2", "screen4");
    }

    @Test
    void ctrlFFocusesSearchField() {
        robot.clickOn("#nav6");
        robot.clickOn("#screen6Other");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        assertThat(robot.lookup("#screen6Search").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void ctrlNRunsNewTokenAction() {
        robot.clickOn("#nav1");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        assertThat(shell.currentScreenProperty().get()).isEqualTo("nav3");
        assertThat(robot.lookup("#screen3Other").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void darkModeButtonSwitchesTheme() {
        robot.clickOn("#darkModeToggle");
        boolean afterFirstClick = appearance.darkModeProperty().get();
        robot.clickOn("#darkModeToggle");

        assertThat(afterFirstClick).isTrue();
        assertThat(appearance.darkModeProperty().get()).isFalse();
    }

    @Test
    void sidebarButtonsHaveTooltips() {
        assertThat(robot.lookup("#nav1").queryAs(ToggleButton.class).getTooltip().getText()).isEqualTo("Screen 1 (Ctrl+1)");
        assertThat(robot.lookup("#darkModeToggle").queryAs(ToggleButton.class).getTooltip()).isNotNull();
    }
}
