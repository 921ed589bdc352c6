package dev.tokendesk.console;

import atlantafx.base.theme.PrimerLight;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.console.audit.AuditView;
import dev.tokendesk.console.audit.AuditViewModel;
import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentView;
import dev.tokendesk.console.content.ContentViewModel;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.dashboard.DashboardView;
import dev.tokendesk.console.dashboard.DashboardViewModel;
import dev.tokendesk.console.dashboard.TrafficViewModel;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.FxDialogService;
import dev.tokendesk.console.requestlog.RequestLogView;
import dev.tokendesk.console.requestlog.RequestLogViewModel;
import dev.tokendesk.console.roles.RolesView;
import dev.tokendesk.console.roles.RolesViewModel;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.settings.SettingsView;
import dev.tokendesk.console.settings.SettingsViewModel;
import dev.tokendesk.console.task.WorkerThreadExecutor;
import dev.tokendesk.console.tokens.TokensView;
import dev.tokendesk.console.tokens.TokensViewModel;
import dev.tokendesk.console.users.UsersView;
import dev.tokendesk.console.users.UsersViewModel;
import dev.tokendesk.event.ChangeEvent.Kind;
import dev.tokendesk.server.ApiServer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: opens the installation, starts the API server in the same JVM and shows the
 * screens. Closing the window stops the server and closes the installation.
 *
 * <p>JavaFX calls {@link #start} and {@link #stop} on the application thread; opening the
 * database and starting the server run on the background worker.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final double REQUEST_LOG_POLL_MILLIS = 250;

    private final WorkerThreadExecutor executor = new WorkerThreadExecutor();
    private final AtomicReference<Opened> opened = new AtomicReference<>();
    private ChangeRelay relay;
    private Timeline rateTicker;
    private Timeline requestLogTicker;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> LOG.error("Unexpected error in the console", e));

        ConsoleShell shell = new ConsoleShell();
        stage.setTitle("TokenDesk");
        stage.setScene(new Scene(shell.root(), 1200, 760));
        stage.show();

        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            shell.showMessage(e.getMessage(), false);
            return;
        }
        executor.submit(() -> open(options), session -> showScreens(stage, shell, session, options.startServer()), failure -> {
            LOG.error("Cannot open TokenDesk: {}", failure.getMessage());
            shell.showMessage("TokenDesk could not start: " + failure.getMessage(), false);
        });
    }

    private Opened open(LaunchOptions options) {
        TokenDesk desk = TokenDesk.open(ConfigResolver.fromSystem().resolve(options.dataDir(), options.overrides()));
        Opened session = new Opened(desk, new ApiServer(desk));
        opened.set(session);
        return session;
    }

    private void showScreens(Stage stage, ConsoleShell shell, Opened session, boolean startServer) {
        TokenDesk desk = session.desk();
        DialogService dialogs = new FxDialogService(() -> stage);
        ContentCatalog catalog = new DeskContentCatalog(desk);
        ServerController server = new ServerController(session.server(), executor);

        DashboardViewModel dashboard = new DashboardViewModel(server, desk.users(), desk.tokens(), executor,
                session.server().requestLog()::total);
        UsersViewModel users = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), executor, dialogs);
        TokensViewModel tokens = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), catalog,
                server.baseUrlProperty()::get, executor, dialogs);
        RolesViewModel roles = new RolesViewModel(desk.roles(), catalog, executor, dialogs);
        ContentViewModel content = new ContentViewModel(desk.content(), executor, dialogs);
        AuditViewModel audit = new AuditViewModel(desk.audit(), desk.authFailures(), executor, dialogs);
        TrafficViewModel traffic = new TrafficViewModel(session.server().requestLog());
        RequestLogViewModel requestLog = new RequestLogViewModel(session.server().requestLog());
        SettingsViewModel settings = new SettingsViewModel(desk.config(), server, executor);

        shell.addScreen("Dashboard", "navDashboard", new DashboardView(dashboard, traffic).root());
        shell.addScreen("Users", "navUsers", new UsersView(users).root());
        shell.addScreen("Tokens", "navTokens", new TokensView(tokens).root());
        shell.addScreen("Roles & permissions", "navRoles", new RolesView(roles).root());
        shell.addScreen("Content", "navContent", new ContentView(content).root());
        shell.addScreen("Audit", "navAudit", new AuditView(audit).root());
        shell.addScreen("Request log", "navRequestLog", new RequestLogView(requestLog).root());
        shell.addScreen("Settings", "navSettings", new SettingsView(settings).root());
        shell.setLocation(desk.config().usesEmbeddedDatabase() ? "Data: " + desk.config().dataDir() : "Database: " + desk.config().dbUrl());

        relay = new ChangeRelay(desk.events(), Platform::runLater);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN), dashboard::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.ROLE), users::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN, Kind.CONTENT_TYPE), tokens::refresh);
        relay.onChange(EnumSet.of(Kind.ROLE, Kind.CONTENT_TYPE), roles::refresh);
        relay.onChange(EnumSet.of(Kind.CONTENT_TYPE, Kind.ENTRY), content::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN, Kind.ROLE), audit::refresh);

        rateTicker = new Timeline(new KeyFrame(Duration.seconds(1), event -> {
            dashboard.sampleRequestRate(System.nanoTime());
            traffic.tick(Instant.now());
        }));
        rateTicker.setCycleCount(Animation.INDEFINITE);
        rateTicker.play();
        requestLogTicker = new Timeline(new KeyFrame(Duration.millis(REQUEST_LOG_POLL_MILLIS), event -> requestLog.poll()));
        requestLogTicker.setCycleCount(Animation.INDEFINITE);
        requestLogTicker.play();

        dashboard.refresh();
        users.refresh();
        tokens.refresh();
        roles.refresh();
        content.refresh();
        audit.refresh();
        if (startServer) {
            server.start();
        } else {
            LOG.info("Console started with --no-server: the API server stays stopped until started from the dashboard");
        }
    }

    /**
     * Stops the server and closes the installation. It blocks the application thread, but only
     * after the window has closed, so nothing visible freezes.
     */
    @Override
    public void stop() {
        if (relay != null) {
            relay.close();
        }
        if (rateTicker != null) {
            rateTicker.stop();
        }
        if (requestLogTicker != null) {
            requestLogTicker.stop();
        }
        executor.shutdown(SHUTDOWN_WAIT_SECONDS);
        Opened session = opened.getAndSet(null);
        if (session == null) {
            return;
        }
        try {
            session.server().stop();
        } finally {
            session.desk().close();
        }
        LOG.info("Console closed");
    }

    private record Opened(TokenDesk desk, ApiServer server) {
    }
}
