package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.backup.Restore;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the Settings screen of the real console headless on a real H2 file: the database section,
 * a backup that the restore code reads back, and a restore into a new folder. {@link RecordingDialogs}
 * returns preset replies to the file choosers and the confirmation.
 */
class SettingsScreenEndToEndTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path work;

    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Application app;

    @AfterEach
    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void backupKeepsEarlierUser() throws Exception {
        Path dataDir = work.resolve("data");
        createUser(dataDir, "dora");
        launch(dataDir);
        robot.clickOn("#navSettings");
        Path backup = work.resolve("backups/from-console.zip");
        dialogs.replyToPathChoices(backup);

        scrollToBottom();
        robot.clickOn("#backupButton");
        waitUntil(() -> !label("#backupMessageLabel").getText().isEmpty());

        assertThat(label("#backupMessageLabel").getText()).startsWith("Backup written to " + backup + " (");
        assertThat(robot.lookup("#backupError").queryAs(Label.class).getText()).isEmpty();
        Path restored = work.resolve("restored");
        Restore.restore(backup, restored, false, Clock.systemUTC());
        try (TokenDesk copy = TokenDesk.open(TestDesks.h2Config(restored), Clock.systemUTC(), Map.of())) {
            assertThat(copy.users().findByIdentifier("dora").email()).isEqualTo("dora@example.com");
        }
    }

    @Test
    void restoreShowsOpenCommand() throws Exception {
        Path source = work.resolve("source");
        createUser(source, "emil");
        Path backup = work.resolve("emil.zip");
        try (TokenDesk desk = TokenDesk.open(TestDesks.h2Config(source), Clock.systemUTC(), Map.of())) {
            desk.backups().backup(backup);
        }
        Path dataDir = work.resolve("data");
        launch(dataDir);
        robot.clickOn("#navSettings");
        Path target = work.resolve("restored here");
        dialogs.queuePathReplies(backup, target);

        scrollToBottom();
        robot.clickOn("#restoreButton");
        waitUntil(() -> !robot.lookup("#restoreCommandField").queryAs(TextField.class).getText().isEmpty());

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(robot.lookup("#restoreCommandField").queryAs(TextField.class).getText())
                .isEqualTo("java -jar tokendesk.jar --data-dir '" + target + "'");
        assertThat(robot.lookup("#copyRestoreCommandButton").query().isVisible()).isTrue();
        try (TokenDesk copy = TokenDesk.open(TestDesks.h2Config(target), Clock.systemUTC(), Map.of())) {
            assertThat(copy.users().findByIdentifier("emil").username()).isEqualTo("emil");
        }
    }

    @Test
    void databaseSectionWithoutServer() throws Exception {
        Path dataDir = work.resolve("data");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ConsoleApp(dialogs,
                List.of("--data-dir", dataDir.toString(), "--port", "0", "--no-server")));
        waitUntil(() -> robot.lookup("#navSettings").tryQuery().isPresent());
        robot.clickOn("#navSettings");

        assertThat(field("#settingsDatabaseUrl")).isEqualTo(dataDir.toAbsolutePath().normalize().resolve("tokendesk.mv.db").toString());
        assertThat(field("#settingsDatabasePassword")).isEqualTo("Not needed for the embedded file");
        assertThat(field("#settingsServerMode")).startsWith("Started with --no-server");
        Node warning = robot.lookup("#tokenKeyWarning").query();
        assertThat(warning.isVisible()).isFalse();
    }

    private static void createUser(Path dataDir, String name) {
        try (TokenDesk desk = TokenDesk.open(TestDesks.h2Config(dataDir), Clock.systemUTC(), Map.of())) {
            desk.users().create(new NewUser(name, name + "@example.com", "Long-Pass-12", null));
        }
    }

    private void launch(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ConsoleApp(dialogs, List.of("--data-dir", dataDir.toString(), "--port", "0")));
        waitUntil(() -> robot.lookup("#serverStateLabel").tryQuery()
                .map(node -> "Running".equals(((Label) node).getText()))
                .orElse(false));
    }

    /** Scrolls the Settings screen down to the backup section, below the fold of the test window. */
    private void scrollToBottom() {
        Node button = robot.lookup("#backupButton").query();
        robot.interact(() -> {
            for (Node node = button; node != null; node = node.getParent()) {
                if (node instanceof ScrollPane pane) {
                    pane.setVvalue(pane.getVmax());
                    pane.layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private String field(String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
