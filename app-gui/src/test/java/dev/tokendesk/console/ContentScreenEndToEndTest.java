package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.content.EntryRow;
import dev.tokendesk.console.content.TypeRow;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Content screen of the real console headless over the 250 world countries. */
class ContentScreenEndToEndTest {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;
    @TempDir
    Path fixtures;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private Path countries;

    @BeforeEach
    void launch() throws TimeoutException {
        countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, fixtures.resolve("world-countries"));
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            desk.content().importSchemas(countries);
            desk.content().importEntries("country", countries.resolve("countries.json"), false);
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString(), "--port", "0");
        waitUntil(() -> robot.lookup("#navContent").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void secondPageStartsAtTwentySixthCountry() throws Exception {
        String twentySixth = new ObjectMapper().readTree(countries.resolve("countries.json").toFile()).get(25).path("cca2").asText();

        robot.clickOn("#navContent");
        waitUntil(() -> robot.lookup("#contentTypeList .list-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#contentTypeList .list-cell")
                .match((ListCell<TypeRow> cell) -> cell.getItem() != null && cell.getItem().uid().equals("api::country.country"))
                .queryAs(Node.class));
        waitUntil(() -> "Page 1 of 10".equals(label("#pageLabel").getText()) && entries().size() == 25);
        robot.clickOn("#nextPageButton");
        waitUntil(() -> "Page 2 of 10".equals(label("#pageLabel").getText()));

        assertThat(entries().get(0).cell("cca2")).isEqualTo(twentySixth);
        assertThat(entries().get(0).cell("id")).isEqualTo("26");
        robot.clickOn(robot.lookup("#entryTable .table-row-cell").match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null)
                .queryAs(Node.class));
        waitUntil(() -> !robot.lookup("#entryJsonArea").queryAs(TextArea.class).getText().isEmpty());
        assertThat(robot.lookup("#entryJsonArea").queryAs(TextArea.class).getText()).contains("\"cca2\" : \"" + twentySixth + "\"");
    }

    private List<EntryRow> entries() {
        return robot.lookup("#entryTable").<TableView<EntryRow>>query().getItems();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
