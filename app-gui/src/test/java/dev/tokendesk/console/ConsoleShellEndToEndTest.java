package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.console.preferences.ConsolePreferences;
import dev.tokendesk.console.preferences.PreferencesFile;
import dev.tokendesk.console.testing.LocalHttp;
import dev.tokendesk.console.tokens.ExpiryPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real console headless: shortcuts across the real screens, the theme and layout kept
 * across a restart, the default token expiry reaching the token form, and a clean shutdown.
 */
class ConsoleShellEndToEndTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @AfterEach
    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void shortcutsReachRealScreens() throws Exception {
        launch();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        boolean requestLogShown = robot.lookup("#requestLogTable").tryQuery().isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        boolean pathFilterFocused = robot.lookup("#requestPathFilter").queryAs(TextField.class).isFocused();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        assertThat(requestLogShown).isTrue();
        assertThat(pathFilterFocused).isTrue();
        assertThat(robot.lookup("#tokenNameField").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(robot.lookup("#requestLogTable").tryQuery()).isEmpty();
    }

    @Test
    void themeAndScreenSurviveRestart() throws Exception {
        launch();
        robot.clickOn("#darkModeToggle");
        robot.clickOn("#navSettings");
        closeApp();

        ConsolePreferences saved = PreferencesFile.load(dataDir);
        launch("#settingsDarkMode");

        assertThat(saved.darkMode()).isTrue();
        assertThat(saved.lastScreen()).isEqualTo("navSettings");
        assertThat(saved.window()).isNotNull();
        assertThat(robot.lookup("#settingsDarkMode").queryAs(CheckBox.class).isSelected()).isTrue();
    }

    @Test
    void savedDefaultExpiryReachesTokenForm() throws Exception {
        launch();
        robot.clickOn("#navSettings");
        ComboBox<String> expiry = robot.lookup("#defaultTokenExpiryChoice").queryComboBox();

        robot.interact(() -> expiry.setValue("7d"));
        robot.clickOn("#saveTokenSettingsButton");
        waitUntil(() -> !robot.lookup("#tokenSettingsSavedLabel").queryAs(Label.class).getText().isEmpty());
        robot.clickOn("#navTokens");

        ComboBox<ExpiryPreset> formExpiry = robot.lookup("#expiryChoice").queryComboBox();
        assertThat(formExpiry.getValue()).isEqualTo(ExpiryPreset.SEVEN_DAYS);
        assertThat(Files.readString(dataDir.resolve("tokendesk.properties"))).contains("token.default-expiry=7d");
    }

    @Test
    void closingStopsServerAndClosesDatabase() throws Exception {
        launch();
        String baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();
        int whileOpen = new LocalHttp().get(baseUrl + "/_health");

        closeApp();

        assertThat(whileOpen).isEqualTo(200);
        assertThatThrownBy(() -> new LocalHttp().get(baseUrl + "/_health")).isInstanceOf(IOException.class);
        assertThat(lockFiles()).as("H2 lock files left in the data directory").isEmpty();
        assertThat(dataDir.resolve(PreferencesFile.FILE_NAME)).isRegularFile();
    }

    @Test
    void dashboardChangesPort() throws Exception {
        launch();
        int newPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            newPort = probe.getLocalPort();
        }
        TextField url = robot.lookup("#baseUrlField").queryAs(TextField.class);

        robot.clickOn("#dashboardPortField").write(Integer.toString(newPort));
        robot.clickOn("#changePortButton");
        waitUntil(() -> url.getText().endsWith(":" + newPort)
                && !robot.lookup("#dashboardPortSaved").queryAs(Label.class).getText().isEmpty());

        assertThat(new LocalHttp().get(url.getText() + "/_health")).isEqualTo(200);
        assertThat(Files.readString(dataDir.resolve("tokendesk.properties"))).contains("port=" + newPort);
    }

    private void launch() throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup("#serverStateLabel").tryQuery()
                .map(node -> "Running".equals(((Label) node).getText()))
                .orElse(false));
        assertThat(stage.isShowing()).isTrue();
    }

    /** Launches the console when it opens on another screen than the Dashboard, and waits for {@code readySelector}. */
    private void launch(String readySelector) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup(readySelector).tryQuery().isPresent());
    }

    private void closeApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
    }

    private Stream<Path> lockFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".lock.db")).toList().stream();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
