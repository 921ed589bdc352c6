package dev.tokendesk.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private ApiServer server;
    private ServerController controller;
    private DashboardViewModel model;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        server = new ApiServer(desk);
        controller = new ServerController(server, new InlineExecutor());
        model = new DashboardViewModel(controller, desk.users(), desk.tokens(), new InlineExecutor(), server.requestLog()::total, dataDir);
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void startShowsRunningAndUrl() {
        model.startServer();

        assertThat(model.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(model.stateTextBinding().get()).isEqualTo("Running");
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void stopClearsUrl() {
        model.startServer();

        model.stopServer();

        assertThat(model.stateProperty().get()).isEqualTo(ServerState.STOPPED);
        assertThat(model.baseUrlProperty().get()).isEmpty();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void portInUseShowsFailure() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             TokenDesk other = TokenDesk.open(TestDesks.config(dataDir.resolve("other")).withPort(taken.getLocalPort()),
                     Clock.systemUTC(), Map.of())) {
            ServerController onTakenPort = new ServerController(new ApiServer(other), new InlineExecutor());

            onTakenPort.start();

            assertThat(onTakenPort.stateProperty().get()).isEqualTo(ServerState.FAILED);
            assertThat(onTakenPort.errorProperty().get()).contains("127.0.0.1:" + taken.getLocalPort());
            assertThat(onTakenPort.baseUrlProperty().get()).isEmpty();
        }
    }

    @Test
    void refreshCountsUsersAndActiveTokens() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        desk.tokens().issue(TokenRequest.of(alice.id(), "a", TokenScope.FULL, Expiry.NEVER));
        long revoked = desk.tokens().issue(TokenRequest.of(alice.id(), "b", TokenScope.FULL, Expiry.NEVER)).view().id();
        desk.tokens().revoke(revoked);

        model.refresh();

        assertThat(model.userCountProperty().get()).isEqualTo("1");
        assertThat(model.tokenCountProperty().get()).isEqualTo("1 active of 2");
    }

    @Test
    void requestRateFromLogTotals() {
        model.sampleRequestRate(10 * SECOND);
        for (int i = 0; i < 6; i++) {
            server.requestLog().add(new RequestLogEntry(Instant.now(), "GET", "/_health", "", 200, "Public", "127.0.0.1", 50));
        }

        model.sampleRequestRate(12 * SECOND);

        assertThat(model.requestRateProperty().get()).isEqualTo("3");
    }

    @Test
    void changePortRestartsAndSaves() throws Exception {
        model.startServer();
        int newPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            newPort = probe.getLocalPort();
        }
        model.portProperty().set(Integer.toString(newPort));

        model.changePort();
        TokenDeskConfig nextStart = new ConfigResolver(Map.of(), () -> dataDir).resolve(dataDir, Map.of());

        assertThat(model.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:" + newPort);
        assertThat(nextStart.port()).isEqualTo(newPort);
        assertThat(model.portMessageProperty().get()).contains("tokendesk.properties");
    }

    @Test
    void invalidPortKeepsServer() {
        model.startServer();
        int running = server.port();
        model.portProperty().set("http");

        model.changePort();

        assertThat(model.portErrorProperty().get()).isEqualTo("Invalid port 'http': use a number from 0 to 65535 (0 picks a free port)");
        assertThat(server.port()).isEqualTo(running);
        assertThat(model.stateProperty().get()).isEqualTo(ServerState.RUNNING);
    }
}
