package dev.tokendesk.console.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.display.StatusClass;
import dev.tokendesk.console.testing.LocalHttp;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
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

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        server = new ApiServer(desk);
        server.start();
        model = new RequestLogViewModel(server.requestLog());
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

    private void send(String... paths) throws Exception {
        long before = server.requestLog().total();
        for (String path : paths) {
            http.get(server.baseUrl() + path);
        }
        LocalHttp.awaitTotal(server.requestLog(), before + paths.length);
    }
}
