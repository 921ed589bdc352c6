package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.dashboard.DashboardViewModel;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.event.ChangeEvent.Kind;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's counts follow writes made elsewhere, through change events as the console wires them. */
class DashboardCountsOnChangeTest {

    @TempDir
    Path dataDir;

    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private TokenDesk desk;
    private ChangeRelay relay;
    private DashboardViewModel dashboard;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        ApiServer server = new ApiServer(desk);
        dashboard = new DashboardViewModel(new ServerController(server, new InlineExecutor()), desk.users(), desk.tokens(),
                new InlineExecutor(), server.requestLog()::total, dataDir);
        relay = new ChangeRelay(desk.events(), uiQueue::add);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN), dashboard::refresh);
        dashboard.refresh();
    }

    @AfterEach
    void close() {
        relay.close();
        desk.close();
    }

    @Test
    void countsFollowUserAndTokenChanges() {
        String usersBefore = dashboard.userCountProperty().get();

        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        var issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));
        desk.tokens().issue(TokenRequest.of(alice.id(), "laptop", TokenScope.FULL, Expiry.NEVER));
        runUiQueue();
        String usersAfterCreate = dashboard.userCountProperty().get();
        String tokensAfterCreate = dashboard.tokenCountProperty().get();
        desk.tokens().revoke(issued.view().id());
        runUiQueue();

        assertThat(usersAfterCreate).isEqualTo(Integer.toString(Integer.parseInt(usersBefore) + 1));
        assertThat(tokensAfterCreate).isEqualTo("2 active of 2");
        assertThat(dashboard.tokenCountProperty().get()).isEqualTo("1 active of 2");
    }

    private void runUiQueue() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }
}
