package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.console.tokens.GracePeriod;
import dev.tokendesk.console.tokens.TokenRow;
import dev.tokendesk.console.users.UserRow;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real console headless through the actions on a selected user or token, and checks
 * each effect with real HTTP requests to the API server that the console started.
 */
class ConsoleActionsEndToEndTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;
    @TempDir
    Path schemaDir;

    private final FxRobot robot = new FxRobot();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Application app;
    private String token;
    private String baseUrl;

    @BeforeEach
    void launch() throws TimeoutException {
        token = seed();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup("#serverStateLabel").tryQuery()
                .map(node -> "Running".equals(((Label) node).getText()))
                .orElse(false));
        baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void blockedUserTokenRejectedUntilUnblocked() throws Exception {
        assertThat(getWithToken(token).statusCode()).isEqualTo(200);
        robot.clickOn("#navUsers");
        waitUntil(() -> userRows().size() == 1);
        robot.clickOn(firstRow("#usersTable"));
        waitUntil(() -> "Block".equals(button("#blockUserButton").getText()) && !button("#blockUserButton").isDisabled());

        robot.clickOn("#blockUserButton");
        waitUntil(() -> userRows().get(0).blocked());

        assertThat(userRows().get(0).statusText()).isEqualTo("Blocked");
        assertThat(getWithToken(token).statusCode()).isEqualTo(401);

        waitUntil(() -> "Unblock".equals(button("#blockUserButton").getText()));
        robot.clickOn("#blockUserButton");
        waitUntil(() -> !userRows().get(0).blocked());

        assertThat(getWithToken(token).statusCode()).isEqualTo(200);
    }

    @Test
    void regeneratedTokenReplacesOldValue() throws Exception {
        assertThat(getWithToken(token).statusCode()).isEqualTo(200);
        robot.clickOn("#navTokens");
        waitUntil(() -> tokenRows().size() == 1);
        robot.clickOn(firstRow("#tokensTable"));
        waitUntil(() -> !button("#regenerateTokenButton").isDisabled());

        robot.clickOn("#regenerateTokenButton");
        waitUntil(() -> robot.lookup("#choiceBox").tryQuery().isPresent());
        ComboBox<?> grace = robot.lookup("#choiceBox").queryAs(ComboBox.class);
        assertThat(grace.getValue()).isEqualTo(GracePeriod.NONE);
        robot.clickOn("#confirmChoiceButton");
        waitUntil(() -> robot.lookup("#tokenValueField").tryQuery().isPresent());
        String fresh = robot.lookup("#tokenValueField").queryAs(TextField.class).getText();
        robot.clickOn("#closeTokenDialogButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fresh).matches("tdk_[0-9A-Za-z]{49}");
        // Compared as a boolean so a failure report does not print either value.
        assertThat(fresh.equals(token)).as("regenerated value differs from the old one").isFalse();
        assertThat(robot.lookup("#tokenValueField").tryQuery()).isEmpty();
        assertThat(getWithToken(token).statusCode()).isEqualTo(401);
        HttpResponse<String> withNew = getWithToken(fresh);
        assertThat(withNew.statusCode()).isEqualTo(200);
        assertThat(withNew.body()).contains("Pizzeria Arrivederci");
    }

    /**
     * Imports a restaurant type with one entry that the Authenticated role may read, and creates
     * user bob with one token, before the console opens the data directory. Returns the token.
     */
    private String seed() {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            Schemas.importType(desk, schemaDir, "collectionType", "restaurant", "restaurants", "Restaurant");
            desk.content().create(RESTAURANT, JsonNodeFactory.instance.objectNode().put("name", "Pizzeria Arrivederci"));
            desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE)));
            UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
            return desk.tokens().issue(TokenRequest.of(bob.id(), "storefront", TokenScope.READ_ONLY, Expiry.NEVER)).token();
        }
    }

    /** Returns the row that shows the table's first item; the scene graph keeps reused row cells in no particular order. */
    private Node firstRow(String table) {
        return robot.lookup(table + " .table-row-cell").match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null).query();
    }

    private List<UserRow> userRows() {
        return robot.lookup("#usersTable").<TableView<UserRow>>query().getItems();
    }

    private List<TokenRow> tokenRows() {
        return robot.lookup("#tokensTable").<TableView<TokenRow>>query().getItems();
    }

    private Button button(String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private HttpResponse<String> getWithToken(String value) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/api/restaurants?token=" + value);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
