package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.console.requestlog.RequestRow;
import dev.tokendesk.console.testing.LocalHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real console headless: calls its API server, then reads the calls on the Request log screen. */
class RequestLogEndToEndTest {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void launch() throws TimeoutException {
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
    void requestsAppearNewestFirst() throws Exception {
        String baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();
        LocalHttp http = new LocalHttp();

        int first = http.get(baseUrl + "/_health?probe=1");
        int second = http.get(baseUrl + "/_health?probe=2");
        int missing = http.get(baseUrl + "/api/no-such-type?probe=3");
        robot.clickOn("#navRequestLog");
        TableView<RequestRow> table = robot.lookup("#requestLogTable").query();
        waitUntil(() -> table.getItems().size() >= 3);

        assertThat(List.of(first, second, missing)).containsExactly(200, 200, 404);
        assertThat(table.getItems()).extracting(RequestRow::target)
                .containsExactly("/api/no-such-type?probe=3", "/_health?probe=2", "/_health?probe=1");
        assertThat(table.getItems()).extracting(RequestRow::status).containsExactly(404, 200, 200);
        assertThat(robot.lookup("#requestLogTable .table-row-cell").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#requestLogSummary").queryAs(Label.class).getText()).isEqualTo("3 requests");
    }

    @Test
    void filtersNarrowTheTable() throws Exception {
        String baseUrl = robot.lookup("#baseUrlField").queryAs(TextField.class).getText();
        LocalHttp http = new LocalHttp();
        http.get(baseUrl + "/_health?probe=ok");
        http.get(baseUrl + "/api/no-such-type?probe=missing");
        robot.clickOn("#navRequestLog");
        TableView<RequestRow> table = robot.lookup("#requestLogTable").query();
        waitUntil(() -> table.getItems().size() >= 2);

        robot.clickOn("#requestPathFilter").write("no-such");
        List<String> byPath = table.getItems().stream().map(RequestRow::target).toList();
        robot.clickOn("#requestUserFilter").write("nobody");

        assertThat(byPath).containsExactly("/api/no-such-type?probe=missing");
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#requestLogSummary").queryAs(Label.class).getText()).isEqualTo("0 of 2 requests");
        assertThat(robot.lookup("#exportRequestLogButton").queryButton().isDisabled()).isTrue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
