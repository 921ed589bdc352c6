package dev.tokendesk.console.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.display.StatusClass;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.LocalHttp;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogViewModelTest {

    @TempDir
    Path dataDir;

    private final LocalHttp http = new LocalHttp();
    private TokenDesk desk;
    private ApiServer server;
    private RequestLogViewModel model;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        server = new ApiServer(desk);
        server.start();
        model = new RequestLogViewModel(server.requestLog(), new TokenNames(desk.tokens(), new InlineExecutor()), new InlineExecutor(), dialogs);
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void onePollShowsEveryRequestNewestFirst() throws Exception {
        send("/_health?n=1", "/_health?n=2", "/_health?n=3", "/api/nothing-here");

        model.poll();

        assertThat(model.visibleRows()).extracting(RequestRow::target)
                .containsExactly("/api/nothing-here", "/_health?n=3", "/_health?n=2", "/_health?n=1");
        assertThat(model.visibleRows().get(0).statusClass()).isEqualTo(StatusClass.CLIENT_ERROR);
        assertThat(model.visibleRows().get(1).status()).isEqualTo(200);
        assertThat(model.visibleRows().get(1).method()).isEqualTo("GET");
        assertThat(model.visibleRows().get(1).clientIp()).isEqualTo("127.0.0.1");
        assertThat(model.summaryProperty().get()).isEqualTo("4 requests");
    }

    @Test
    void laterPollAddsOnlyNewRequests() throws Exception {
        send("/_health?n=1");
        model.poll();
        send("/_health?n=2");

        model.poll();

        assertThat(model.visibleRows()).extracting(RequestRow::target).containsExactly("/_health?n=2", "/_health?n=1");
    }

    @Test
    void tokenInUrlShowsOnlyItsHint() throws Exception {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "t", TokenScope.FULL, Expiry.NEVER)).token();
        send("/api/users/me?token=" + token);

        model.poll();

        String target = model.visibleRows().get(0).target();
        assertThat(target).startsWith("/api/users/me?token=tdk_").endsWith(token.substring(token.length() - 4));
        assertThat(target.contains(token)).as("row shows the whole token").isFalse();
        assertThat(model.visibleRows().get(0).caller()).isEqualTo("alice");
    }

    @Test
    void pauseHoldsRowsUntilResumed() throws Exception {
        send("/_health?n=1");
        model.poll();
        model.togglePaused();
        send("/_health?n=2");

        model.poll();
        List<String> whilePaused = model.visibleRows().stream().map(RequestRow::target).toList();
        model.togglePaused();
        model.poll();

        assertThat(whilePaused).containsExactly("/_health?n=1");
        assertThat(model.visibleRows()).extracting(RequestRow::target).containsExactly("/_health?n=2", "/_health?n=1");
    }

    @Test
    void filterByStatusClassAndPathText() throws Exception {
        send("/_health?n=1", "/api/missing-one", "/api/missing-two");
        model.poll();

        model.statusFilterProperty().set(StatusFilter.CLIENT_ERROR);
        List<String> clientErrors = model.visibleRows().stream().map(RequestRow::target).toList();
        model.pathFilterProperty().set("TWO");

        assertThat(clientErrors).containsExactly("/api/missing-two", "/api/missing-one");
        assertThat(model.visibleRows()).extracting(RequestRow::target).containsExactly("/api/missing-two");
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 3 requests");
    }

    @Test
    void clearEmptiesViewButKeepsFollowing() throws Exception {
        send("/_health?n=1");
        model.poll();

        model.clear();
        send("/_health?n=2");
        model.poll();

        assertThat(model.visibleRows()).extracting(RequestRow::target).containsExactly("/_health?n=2");
    }

    @Test
    void keepsAtMostRowLimit() throws Exception {
        send("/_health?n=1");
        model.poll();
        // Added directly: a thousand real requests would only slow the test down.
        int overLimit = RequestLogViewModel.ROW_LIMIT + 5;
        for (int i = 0; i < overLimit; i++) {
            server.requestLog().add(new RequestLogEntry(Instant.now(), "GET", "/bulk/" + i, "", 200, "Public", "127.0.0.1", 10));
        }

        model.poll();

        assertThat(model.rows()).hasSize(RequestLogViewModel.ROW_LIMIT);
        assertThat(model.rows().get(0).target()).isEqualTo("/bulk/" + (overLimit - 1));
    }

    @Test
    void whoShowsUserAndTokenName() throws Exception {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci-build", TokenScope.FULL, Expiry.NEVER)).token();
        send("/api/users/me?token=" + token, "/_health");

        model.poll();

        assertThat(model.visibleRows()).extracting(RequestRow::who).containsExactly("-", "alice · ci-build");
        assertThat(model.visibleRows().get(1).tokenName()).isEqualTo("ci-build");
    }

    @Test
    void filterByUserAndTokenName() throws Exception {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-1", null));
        String aliceCi = desk.tokens().issue(TokenRequest.of(alice.id(), "ci-build", TokenScope.FULL, Expiry.NEVER)).token();
        String aliceLaptop = desk.tokens().issue(TokenRequest.of(alice.id(), "laptop", TokenScope.FULL, Expiry.NEVER)).token();
        String bobCi = desk.tokens().issue(TokenRequest.of(bob.id(), "ci-deploy", TokenScope.FULL, Expiry.NEVER)).token();
        send("/api/users/me?token=" + aliceCi, "/api/users/me?token=" + aliceLaptop, "/api/users/me?token=" + bobCi, "/_health");
        model.poll();

        model.userFilterProperty().set("ALI");
        List<String> aliceRows = model.visibleRows().stream().map(RequestRow::who).toList();
        model.tokenFilterProperty().set("ci-");
        List<String> aliceCiRows = model.visibleRows().stream().map(RequestRow::who).toList();
        model.userFilterProperty().set("");
        List<String> ciRows = model.visibleRows().stream().map(RequestRow::who).toList();

        assertThat(aliceRows).containsExactly("alice · laptop", "alice · ci-build");
        assertThat(aliceCiRows).containsExactly("alice · ci-build");
        assertThat(ciRows).containsExactly("bob · ci-deploy", "alice · ci-build");
        assertThat(model.summaryProperty().get()).isEqualTo("2 of 4 requests");
    }

    @Test
    void exportWritesFilteredRowsAsCsv() throws Exception {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci, nightly", TokenScope.FULL, Expiry.NEVER)).token();
        send("/api/users/me?token=" + token, "/_health?a=1,2", "/api/missing");
        model.poll();
        model.statusFilterProperty().set(StatusFilter.SUCCESS);
        Path file = dataDir.resolve("requests.csv");
        dialogs.replyToPathChoices(file);

        model.exportCsv();

        List<String> lines = Files.readAllLines(file);
        String content = Files.readString(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(lines.get(1)).contains(",GET,200,-,,127.0.0.1,").endsWith(",\"/_health?a=1,2\"");
        assertThat(lines.get(2)).contains(",GET,200,alice,\"ci, nightly\",127.0.0.1,")
                .contains("/api/users/me?token=tdk_");
        assertThat(content.contains(token)).as("export contains the whole token").isFalse();
        assertThat(content).contains("\r\n");
        assertThat(model.exportMessageProperty().get()).isEqualTo("Exported 2 requests to " + file);
        assertThat(model.exportErrorProperty().get()).isEmpty();
    }

    @Test
    void exportCancelledWritesNothing() throws Exception {
        send("/_health");
        model.poll();
        dialogs.replyToPathChoices(null);

        model.exportCsv();

        assertThat(dialogs.pathQuestions).containsExactly("Export request log");
        assertThat(model.exportMessageProperty().get()).isEmpty();
    }

    @Test
    void exportToMissingFolderShowsError() throws Exception {
        send("/_health");
        model.poll();
        dialogs.replyToPathChoices(dataDir.resolve("no-such-folder").resolve("requests.csv"));

        model.exportCsv();

        assertThat(model.exportErrorProperty().get()).startsWith("Export to ").contains("no-such-folder")
                .endsWith("failed: the folder does not exist. Choose an existing folder.");
        assertThat(model.exportMessageProperty().get()).isEmpty();
    }

    private void send(String... paths) throws Exception {
        long before = server.requestLog().total();
        for (String path : paths) {
            http.get(server.baseUrl() + path);
        }
        LocalHttp.awaitTotal(server.requestLog(), before + paths.length);
    }
}
