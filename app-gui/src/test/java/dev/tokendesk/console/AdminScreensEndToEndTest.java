package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.roles.EffectiveRow;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.console.tokens.OwnerChoice;
import dev.tokendesk.console.tokens.TokenRow;
import dev.tokendesk.console.users.UserRow;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.UserBatch;
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
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the main flow of the Users, Tokens and Roles screens of the real console headless, on a
 * real H2 file, and checks the effects with real HTTP requests to the server the console started.
 */
class AdminScreensEndToEndTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final String ARTICLE = "api::article.article";
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dataDir;
    @TempDir
    Path schemaDir;

    private final FxRobot robot = new FxRobot();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Application app;
    private String baseUrl;

    @AfterEach
    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void usersScreenPagesSortsEditsAndIssuesJwt() throws Exception {
        launch(desk -> UserBatch.insert(desk, 250));
        robot.clickOn("#navUsers");
        waitUntil(() -> "Page 1 of 3 \u00b7 250 users".equals(label("#usersPageLabel").getText()));

        robot.clickOn("#nextPageButton");
        waitUntil(() -> firstUser().equals(UserBatch.username(100)));

        robot.clickOn(columnHeader("#usersTable", "Created"));
        waitUntil(() -> firstUser().equals(UserBatch.username(0)));
        robot.clickOn(columnHeader("#usersTable", "Created"));
        waitUntil(() -> firstUser().equals(UserBatch.username(249)));

        robot.clickOn("#usersSearchField").write("USER000001");
        waitUntil(() -> userRows().size() == 1 && firstUser().equals(UserBatch.username(1)));
        assertThat(label("#usersPageLabel").getText()).isEqualTo("Page 1 of 1 \u00b7 1 user match");

        robot.clickOn(firstRow("#usersTable"));
        waitUntil(() -> !robot.lookup("#editUserButton").query().isDisabled());
        robot.clickOn("#editUserButton");
        waitUntil(() -> robot.lookup("#editEmailField").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#editEmailField").queryAs(TextField.class).clear());
        robot.clickOn("#editEmailField").write("first@example.com");
        robot.clickOn("#saveUserButton");
        waitUntil(() -> userRows().size() == 1 && userRows().get(0).email().equals("first@example.com"));

        robot.clickOn("#changePasswordButton");
        waitUntil(() -> robot.lookup("#generatePasswordButton").tryQuery().isPresent());
        robot.clickOn("#generatePasswordButton");
        String generated = robot.lookup("#generatedPasswordField").queryAs(TextField.class).getText();
        robot.clickOn("#confirmPasswordChangeButton");
        waitUntil(() -> robot.lookup("#generatePasswordButton").tryQuery().isEmpty());

        assertThat(generated).hasSize(20);
        String login = "{\"identifier\":\"first@example.com\",\"password\":\"" + generated + "\"}";
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/local"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)));
        assertThat(loggedIn.statusCode()).isEqualTo(200);

        robot.clickOn("#testJwtButton");
        waitUntil(() -> robot.lookup("#jwtValueField").tryQuery().isPresent());
        String jwt = robot.lookup("#jwtValueField").queryAs(TextField.class).getText();
        String curl = robot.lookup("#jwtCurlField").queryAs(TextField.class).getText();
        robot.clickOn("#closeJwtDialogButton");
        WaitForAsyncUtils.waitForFxEvents();

        // Compared as a boolean so a failure report does not print the JWT.
        assertThat(curl.equals("curl -H \"Authorization: Bearer " + jwt + "\" " + baseUrl + "/api/users/me")).isTrue();
        assertThat(robot.lookup("#jwtValueField").tryQuery()).isEmpty();
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/users/me"))
                .header("Authorization", "Bearer " + jwt).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(UserBatch.username(1));
    }

    @Test
    void tokensScreenFiltersAndShowsCommands() throws Exception {
        launch(desk -> {
            seedRestaurants(desk);
            UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
            desk.tokens().issue(TokenRequest.of(alice.id(), "alice-read", TokenScope.READ_ONLY, Expiry.NEVER));
            long old = desk.tokens().issue(TokenRequest.of(bob.id(), "bob-old", TokenScope.FULL, Expiry.NEVER)).view().id();
            desk.tokens().revoke(old);
        });
        robot.clickOn("#navTokens");
        waitUntil(() -> tokenRows().size() == 2);

        robot.clickOn("#tokenStatusFilter");
        robot.clickOn(popupItem("Revoked"));
        waitUntil(() -> tokenNames().equals(List.of("bob-old")));
        robot.clickOn("#clearTokenFiltersButton");
        robot.clickOn("#tokensSearchField").write("ALI");
        waitUntil(() -> tokenNames().equals(List.of("alice-read")));
        robot.clickOn("#clearTokenFiltersButton");
        waitUntil(() -> tokenRows().size() == 2);
        assertThat(label("#tokensPageLabel").getText()).isEqualTo("Page 1 of 1 \u00b7 2 tokens");

        ComboBox<OwnerChoice> owners = robot.lookup("#ownerChoice").query();
        waitUntil(() -> owners.getItems().size() == 2);
        robot.clickOn(owners);
        robot.clickOn(popupItem("bob"));
        robot.clickOn("#tokenNameField").write("cli");
        robot.clickOn("#issueTokenButton");
        waitUntil(() -> robot.lookup("#httpieCommandField").tryQuery().isPresent());
        String token = robot.lookup("#tokenValueField").queryAs(TextField.class).getText();
        String httpie = robot.lookup("#httpieCommandField").queryAs(TextField.class).getText();
        String url = robot.lookup("#tokenUrlField").queryAs(TextField.class).getText();
        // The dialog may still be laying out; TestFX clicks only a node inside its window's bounds.
        waitUntil(() -> robot.lookup("#closeTokenDialogButton").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("#closeTokenDialogButton");
        WaitForAsyncUtils.waitForFxEvents();

        String expected = "http GET " + baseUrl + "/api/restaurants \"Authorization:Bearer " + token + "\"";
        assertThat(httpie.equals(expected)).as("HTTPie command sends the token in the header").isTrue();
        assertThat(robot.lookup("#httpieCommandField").tryQuery()).isEmpty();
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode()).isEqualTo(200);
        waitUntil(() -> tokenNames().equals(List.of("alice-read", "bob-old", "cli")));
    }

    @Test
    void rolesScreenEditsMatrixAndShowsEffectivePermissions() throws Exception {
        String[] carolToken = new String[1];
        launch(desk -> {
            seedRestaurants(desk);
            Schemas.importType(desk, schemaDir, "collectionType", "article", "articles", "Article");
            desk.roles().create("Editors", null);
            UserView carol = desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", "Editors"));
            carolToken[0] = desk.tokens().issue(TokenRequest.of(carol.id(), "reader", TokenScope.READ_ONLY, Expiry.NEVER)).token();
        });
        String restaurants = baseUrl + "/api/restaurants?token=" + carolToken[0];
        assertThat(send(HttpRequest.newBuilder(URI.create(restaurants)).GET()).statusCode()).isEqualTo(403);
        robot.clickOn("#navRoles");
        ComboBox<String> picker = robot.lookup("#rolePicker").query();
        waitUntil(() -> picker.getItems().contains("Editors"));
        robot.clickOn(picker);
        robot.clickOn(popupItem("Editors"));
        waitUntil(() -> !robot.lookup("#deleteRoleButton").query().isDisabled());

        robot.clickOn("#perm-all-find");
        robot.clickOn("#perm-all-api--restaurant-restaurant");
        assertThat(checkBox("#perm-api--article-article-find").isSelected()).isTrue();
        assertThat(checkBox("#perm-api--restaurant-restaurant-delete").isSelected()).isTrue();
        assertThat(checkBox("#perm-api--article-article-create").isSelected()).isFalse();
        robot.clickOn("#savePermissionsButton");
        waitUntil(() -> label("#permissionsStatus").getText().startsWith("Saved: Editors now grants 6 permissions"));
        assertThat(send(HttpRequest.newBuilder(URI.create(restaurants)).GET()).statusCode()).isEqualTo(200);

        robot.clickOn("#effectiveUserField").write("carol");
        robot.clickOn("#showEffectiveButton");
        waitUntil(() -> effectiveRows().size() == 4);
        assertThat(effectiveRows()).containsExactly(
                new EffectiveRow("Role Editors (JWT)", "Article", "find"),
                new EffectiveRow("Role Editors (JWT)", "Restaurant", "find, findOne, create, update, delete"),
                new EffectiveRow("Token reader (read-only)", "Article", "find"),
                new EffectiveRow("Token reader (read-only)", "Restaurant", "find, findOne"));

        robot.clickOn("#deleteRoleButton");
        robot.clickOn("#confirmButton");
        waitUntil(() -> label("#permissionsError").getText().contains("1 user has it"));

        robot.clickOn("#newRoleButton");
        robot.clickOn("#askTextField").write("Reviewers");
        robot.clickOn("#confirmTextButton");
        waitUntil(() -> "Reviewers".equals(picker.getValue()));
        robot.clickOn("#deleteRoleButton");
        robot.clickOn("#confirmButton");
        waitUntil(() -> !picker.getItems().contains("Reviewers"));
        assertThat(picker.getItems()).containsExactly("Public", "Authenticated", "Editors");
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
        baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();
    }

    /** Imports a restaurant type with one entry that the Authenticated role may read. */
    private void seedRestaurants(TokenDesk desk) {
        Schemas.importType(desk, schemaDir, "collectionType", "restaurant", "restaurants", "Restaurant");
        desk.content().create(RESTAURANT, JsonNodeFactory.instance.objectNode().put("name", "Pizzeria Arrivederci"));
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE)));
    }

    /** Returns the item of the open combo box list that shows {@code text}; a table cell with the same text is not it. */
    private Node popupItem(String text) {
        return robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> cell) -> text.equals(cell.getText())).query();
    }

    private Node columnHeader(String table, String title) {
        return robot.lookup(table + " .column-header .label").match((Label header) -> title.equals(header.getText())).query();
    }

    /** Returns the row that shows the table's first item; the scene graph keeps reused row cells in no particular order. */
    private Node firstRow(String table) {
        return robot.lookup(table + " .table-row-cell").match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null).query();
    }

    private String firstUser() {
        List<UserRow> rows = userRows();
        return rows.isEmpty() ? "" : rows.get(0).username();
    }

    private List<UserRow> userRows() {
        return robot.lookup("#usersTable").<TableView<UserRow>>query().getItems();
    }

    private List<TokenRow> tokenRows() {
        return robot.lookup("#tokensTable").<TableView<TokenRow>>query().getItems();
    }

    private List<String> tokenNames() {
        return tokenRows().stream().map(TokenRow::name).toList();
    }

    private List<EffectiveRow> effectiveRows() {
        return robot.lookup("#effectiveTable").<TableView<EffectiveRow>>query().getItems();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private CheckBox checkBox(String query) {
        return robot.lookup(query).queryAs(CheckBox.class);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
