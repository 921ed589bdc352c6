package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.tokens.TokenRow;
import dev.tokendesk.console.users.UserRow;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real console headless: the search, refresh and new-token shortcuts on the Users,
 * Tokens and Roles screens, and the Users screen's "Show tokens" action.
 *
 * <p>Writes that should need a refresh go through a second installation object on the same H2
 * file, as the CLI would, so no change event reaches the console and only the shortcut can show them.
 */
class ShortcutsEndToEndTest {

    private static final long WAIT_SECONDS = 30;

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
    void usersShortcutsSearchAndRefresh() throws Exception {
        launch(desk -> desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null)));
        robot.clickOn("#navUsers");
        waitUntil(() -> userNames().equals(List.of("alice")));
        robot.clickOn("#usernameField");

        press(KeyCode.CONTROL, KeyCode.F);
        boolean searchFocused = field("#usersSearchField").isFocused();
        writeElsewhere(desk -> desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null)));
        press(KeyCode.F5);
        waitUntil(() -> userNames().equals(List.of("alice", "bob")));
        writeElsewhere(desk -> desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null)));
        press(KeyCode.CONTROL, KeyCode.R);
        waitUntil(() -> userNames().equals(List.of("alice", "bob", "carol")));

        assertThat(searchFocused).isTrue();
    }

    @Test
    void tokensShortcutsSearchNewAndRefresh() throws Exception {
        long[] aliceId = new long[1];
        launch(desk -> {
            aliceId[0] = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null)).id();
            desk.tokens().issue(TokenRequest.of(aliceId[0], "first", TokenScope.FULL, Expiry.NEVER));
        });
        press(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil(() -> tokenNames().equals(List.of("first")));
        robot.clickOn("#tokenDescriptionField");

        press(KeyCode.CONTROL, KeyCode.F);
        boolean searchFocused = field("#tokensSearchField").isFocused();
        press(KeyCode.CONTROL, KeyCode.DIGIT1);
        press(KeyCode.CONTROL, KeyCode.N);
        boolean ownerSearchFocused = field("#ownerSearchField").isFocused();
        writeElsewhere(desk -> desk.tokens().issue(TokenRequest.of(aliceId[0], "second", TokenScope.FULL, Expiry.NEVER)));
        press(KeyCode.F5);

        assertThat(searchFocused).isTrue();
        assertThat(ownerSearchFocused).isTrue();
        waitUntil(() -> tokenNames().equals(List.of("first", "second")));
    }

    @Test
    void rolesRefreshKey() throws Exception {
        launch(desk -> { });
        robot.clickOn("#navRoles");
        ComboBox<String> picker = robot.lookup("#rolePicker").queryComboBox();
        waitUntil(() -> picker.getItems().contains("Public"));

        writeElsewhere(desk -> desk.roles().create("Reviewers", null));
        press(KeyCode.F5);

        waitUntil(() -> picker.getItems().contains("Reviewers"));
    }

    @Test
    void showTokensOpensFilteredTokens() throws Exception {
        launch(desk -> {
            UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            UserView alicia = desk.users().create(new NewUser("alice2", "alice2@example.com", "Alice-Pass-2", null));
            desk.tokens().issue(TokenRequest.of(alice.id(), "alice-ci", TokenScope.FULL, Expiry.NEVER));
            desk.tokens().issue(TokenRequest.of(alicia.id(), "alicia-ci", TokenScope.FULL, Expiry.NEVER));
        });
        robot.clickOn("#navUsers");
        waitUntil(() -> userNames().size() == 2);

        robot.clickOn(robot.lookup("#usersTable .table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null).queryAs(Node.class));
        robot.clickOn("#showUserTokensButton");
        waitUntil(() -> tokenNames().equals(List.of("alice-ci")));
        String filterText = robot.lookup("#onlyOwnerLabel").queryAs(Label.class).getText();
        robot.clickOn("#clearTokenFiltersButton");

        assertThat(filterText).isEqualTo("Only tokens of alice");
        waitUntil(() -> tokenNames().equals(List.of("alice-ci", "alicia-ci")));
        assertThat(robot.lookup("#onlyOwnerLabel").queryAs(Label.class).isVisible()).isFalse();
    }

    /** Seeds the data directory with {@code seed}, then starts the console on it and waits until its server runs. */
    private void launch(Consumer<TokenDesk> seed) throws TimeoutException {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            seed.accept(desk);
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup("#serverStateLabel").tryQuery()
                .map(node -> "Running".equals(((Label) node).getText()))
                .orElse(false));
    }

    /** Writes through a second installation object on the same data directory, whose change events never reach the console. */
    private void writeElsewhere(Consumer<TokenDesk> write) {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            write.accept(desk);
        }
    }

    private void press(KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private TextField field(String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private List<String> userNames() {
        return robot.lookup("#usersTable").<TableView<UserRow>>query().getItems().stream().map(UserRow::username).toList();
    }

    private List<String> tokenNames() {
        return robot.lookup("#tokensTable").<TableView<TokenRow>>query().getItems().stream().map(TokenRow::name).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
