package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.console.tokens.OwnerChoice;
import dev.tokendesk.console.tokens.TokenRow;
import dev.tokendesk.console.users.UserRow;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.TestDesks;
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
 * Drives the real console headless: creates a user and a token through the screens, then calls
 * the real API server with the token before and after revoking it in the console.
 */
class ConsoleEndToEndTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;
    @TempDir
    Path schemaDir;

    private final FxRobot robot = new FxRobot();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Application app;

    @BeforeEach
    void launch() throws TimeoutException {
        seed();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup("#serverStateLabel").tryQuery()
                .map(node -> "Running".equals(((Label) node).getText()))
                .orElse(false));
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void issuedTokenWorksUntilRevoked() throws Exception {
        String baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();

        createUser("tester", "tester@example.com", "Tester-Pass-1");
        issueToken("tester", "e2e");
        waitUntil(() -> robot.lookup("#tokenValueField").tryQuery().isPresent());
        String token = robot.lookup("#tokenValueField").queryAs(TextField.class).getText();
        boolean hasUrl = robot.lookup("#tokenUrlField").tryQuery().isPresent();
        String url = hasUrl ? robot.lookup("#tokenUrlField").queryAs(TextField.class).getText() : null;
        String noUrlReason = hasUrl ? "" : label("#noUrlLabel").getText();
        robot.clickOn("#closeTokenDialogButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(token).matches("tdk_[0-9A-Za-z]{49}");
        assertThat(robot.lookup("#tokenValueField").tryQuery()).isEmpty();
        assertThat(get(baseUrl + "/_health").statusCode()).isEqualTo(200);
        // Compared as a boolean so a failure report does not print the token.
        assertThat(url).as("ready URL in the token dialog (instead: %s)", noUrlReason).startsWith(baseUrl + "/api/restaurants?token=tdk_");
        assertThat(url.equals(baseUrl + "/api/restaurants?token=" + token)).as("ready URL carries the issued token").isTrue();
        HttpResponse<String> before = get(url);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("\"data\"").contains("Pizzeria Arrivederci");

        revokeOnlyToken();

        assertThat(tokenRows().get(0).statusText()).isEqualTo("revoked");
        assertThat(get(url).statusCode()).isEqualTo(401);
    }

    @Test
    void invalidUserErrorsShownNextToFields() throws TimeoutException {
        createUserWithoutWaiting("x", "not-an-email", "short");

        waitUntil(() -> robot.lookup("#emailError").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(label("#usernameError").getText()).contains("3 to 100 characters");
        assertThat(label("#emailError").getText()).contains("not a valid email address");
        assertThat(label("#passwordError").getText()).contains("8 to 256 characters");
        assertThat(label("#userFormError").getText()).contains("3 errors");
        assertThat(robot.lookup("#usersTable").<TableView<UserRow>>query().getItems()).isEmpty();
    }

    /**
     * Imports a restaurant type with one entry and lets the Authenticated role read it, before the
     * console opens the data directory.
     */
    private void seed() {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            Schemas.importType(desk, schemaDir, "collectionType", "restaurant", "restaurants", "Restaurant");
            desk.content().create(RESTAURANT, JsonNodeFactory.instance.objectNode().put("name", "Pizzeria Arrivederci"));
            desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE)));
        }
    }

    private void createUser(String username, String email, String password) throws TimeoutException {
        createUserWithoutWaiting(username, email, password);

        waitUntil(() -> robot.lookup("#usersTable").<TableView<UserRow>>query().getItems().stream()
                .anyMatch(row -> row.username().equals(username)));
    }

    private void createUserWithoutWaiting(String username, String email, String password) {
        robot.clickOn("#navUsers");
        robot.clickOn("#usernameField").write(username);
        robot.clickOn("#emailField").write(email);
        robot.clickOn("#passwordField").write(password);
        robot.clickOn("#createUserButton");
    }

    private void issueToken(String owner, String name) throws TimeoutException {
        robot.clickOn("#navTokens");
        ComboBox<OwnerChoice> owners = robot.lookup("#ownerChoice").query();
        waitUntil(() -> owners.getItems().stream().anyMatch(choice -> choice.username().equals(owner)));
        robot.clickOn(owners);
        robot.clickOn(owner);
        robot.clickOn("#tokenNameField").write(name);
        robot.clickOn("#issueTokenButton");
    }

    private void revokeOnlyToken() throws TimeoutException {
        waitUntil(() -> tokenRows().size() == 1);
        // The row showing item 0, because the scene graph keeps reused row cells in no particular order.
        robot.clickOn(robot.lookup("#tokensTable .table-row-cell").match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null)
                .queryAs(Node.class));
        waitUntil(() -> !robot.lookup("#revokeTokenButton").query().isDisabled());
        robot.clickOn("#revokeTokenButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        robot.clickOn("#confirmButton");

        waitUntil(() -> "revoked".equals(tokenRows().get(0).statusText()));
    }

    private List<TokenRow> tokenRows() {
        return robot.lookup("#tokensTable").<TableView<TokenRow>>query().getItems();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
