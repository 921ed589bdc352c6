package dev.tokendesk.console.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Imports one schema file through the Content screen's button, headless, with a recording dialog service in place of the file chooser. */
class SchemaFileImportScreenTest {

    private static final long WAIT_SECONDS = 20;
    private static final String DISH = """
            {"kind": "collectionType", "info": {"singularName": "dish", "pluralName": "dishes", "displayName": "Dish"},
             "attributes": {"name": {"type": "string", "required": true}, "price": {"type": "decimal"}}}
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    private final FxRobot robot = new FxRobot();
    private TokenDesk desk;
    private RecordingDialogs dialogs;

    @BeforeEach
    void show() throws TimeoutException {
        desk = TestDesks.open(dataDir);
        dialogs = new RecordingDialogs();
        ContentViewModel model = new ContentViewModel(desk.content(), new InlineExecutor(), dialogs);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> new ContentView(model).root());
        FxToolkit.showStage();
        waitUntil(() -> robot.lookup("#importSchemaFileButton").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        desk.close();
    }

    @Test
    void schemaFileButtonImportsOneType() throws Exception {
        Path file = Files.writeString(work.resolve("dish.json"), DISH);
        dialogs.replyToPathChoices(file);

        robot.clickOn("#importSchemaFileButton");
        waitUntil(() -> !label("#importStatusLabel").getText().isEmpty());

        assertThat(dialogs.pathQuestions).containsExactly("Import schema file");
        assertThat(label("#importStatusLabel").getText()).contains("dish.json").contains("Content types: 1 created");
        assertThat(typeList().getItems()).extracting(TypeRow::uid).containsExactly("api::dish.dish");
        assertThat(desk.content().findType("api::dish.dish")).isPresent();
    }

    @Test
    void invalidSchemaFileShowsProblem() throws Exception {
        Path file = Files.writeString(work.resolve("broken.json"), DISH.replace("\"string\"", "\"strng\""));
        dialogs.replyToPathChoices(file);

        robot.clickOn("#importSchemaFileButton");
        waitUntil(() -> !label("#importFailureLabel").getText().isEmpty());

        assertThat(label("#importFailureLabel").getText()).contains("broken.json");
        assertThat(robot.lookup("#importProblemList").<ListView<String>>query().getItems()).anySatisfy(problem ->
                assertThat(problem).contains("name").contains("strng"));
        assertThat(label("#importStatusLabel").getText()).isEmpty();
        assertThat(typeList().getItems()).isEmpty();
    }

    @Test
    void cancelledChooserImportsNothing() throws IOException {
        dialogs.replyToPathChoices(null);

        robot.clickOn("#importSchemaFileButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.pathQuestions).containsExactly("Import schema file");
        assertThat(label("#importStatusLabel").getText()).isEmpty();
        assertThat(typeList().getItems()).isEmpty();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<TypeRow> typeList() {
        return robot.lookup("#contentTypeList").queryAs(ListView.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
