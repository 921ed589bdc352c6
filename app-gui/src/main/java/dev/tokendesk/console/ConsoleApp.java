package dev.tokendesk.console;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.TokenDeskConfig;
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
import dev.tokendesk.console.look.Appearance;
import dev.tokendesk.console.preferences.ConsolePreferences;
import dev.tokendesk.console.preferences.ConsolePreferences.WindowBounds;
import dev.tokendesk.console.preferences.PreferencesFile;
import dev.tokendesk.console.requestlog.RequestLogView;
import dev.tokendesk.console.requestlog.RequestLogViewModel;
import dev.tokendesk.console.requestlog.TokenNames;
import dev.tokendesk.console.roles.RolesView;
import dev.tokendesk.console.roles.RolesViewModel;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.settings.BackupViewModel;
import dev.tokendesk.console.settings.DatabaseSummary;
import dev.tokendesk.console.settings.SettingsView;
import dev.tokendesk.console.settings.SettingsViewModel;
import dev.tokendesk.console.task.WorkerThreadExecutor;
import dev.tokendesk.console.tokens.ExpiryPreset;
import dev.tokendesk.console.tokens.TokensView;
import dev.tokendesk.console.tokens.TokensViewModel;
import dev.tokendesk.console.users.UsersView;
import dev.tokendesk.console.users.UsersViewModel;
import dev.tokendesk.event.ChangeEvent.Kind;
import dev.tokendesk.server.ApiServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.LoggerFactory;

/**
 * The console: opens the installation, starts the API server in the same JVM and shows the
 * screens. Closing the window saves the window layout, stops the server and closes the
 * installation.
 *
 * <p>JavaFX calls {@link #start} and {@link #stop} on the application thread; opening the
 * database and starting the server run on the background worker.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final double REQUEST_LOG_POLL_MILLIS = 250;
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final WorkerThreadExecutor executor = new WorkerThreadExecutor();
    private final AtomicReference<Opened> opened = new AtomicReference<>();
    private ChangeRelay relay;
    private Timeline rateTicker;
    private Timeline requestLogTicker;
    private Stage stage;
    private Path dataDir;
    private ConsolePreferences preferences = ConsolePreferences.DEFAULTS;
    private Appearance appearance;
    private ConsoleShell shell;
    private boolean startServer = true;
    private final DialogService dialogsOverride;
    private final List<String> argsOverride;

    /** Creates the console with the desktop's own dialogs and file choosers and the launch's command-line options. */
    public ConsoleApp() {
        this.dialogsOverride = null;
        this.argsOverride = null;
    }

    /**
     * Creates the console with {@code dialogs} in place of the desktop's dialogs and {@code args}
     * as its command-line options. Tests use it to reply to file choosers without a desktop.
     */
    public ConsoleApp(DialogService dialogs, List<String> args) {
        this.dialogsOverride = dialogs;
        this.argsOverride = List.copyOf(args);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> LOG.error("Unexpected error in the console", e));

        // Resolved on the application thread, because the window's size and theme come from the
        // data directory and must be known before it shows. Both files are a few hundred bytes.
        TokenDeskConfig config = null;
        String problem = null;
        try {
            LaunchOptions options = LaunchOptions.parse(argsOverride != null ? argsOverride : getParameters().getRaw());
            config = ConfigResolver.fromSystem().resolve(options.dataDir(), options.overrides());
            startServer = options.startServer();
            dataDir = config.dataDir();
            preferences = PreferencesFile.load(dataDir);
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }

        appearance = new Appearance(preferences.darkMode());
        shell = new ConsoleShell(appearance);
        Scene scene = new Scene(shell.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        shell.installShortcuts(scene);
        stage.setTitle("TokenDesk");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        placeWindow(preferences.window());
        stage.show();

        if (problem != null) {
            shell.showMessage("TokenDesk could not start: " + problem, false);
            return;
        }
        TokenDeskConfig resolved = config;
        executor.submit(() -> open(resolved), session -> showScreens(session), failure -> {
            LOG.error("Cannot open TokenDesk: {}", failure.getMessage());
            shell.showMessage("TokenDesk could not start: " + failure.getMessage(), false);
        });
    }

    /** Restores the last window bounds when they still fit on a screen; otherwise centres the default size on the primary screen. */
    private void placeWindow(WindowBounds bounds) {
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        boolean onScreen = bounds != null
                && !Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height()).isEmpty();
        if (onScreen) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
            return;
        }
        stage.setWidth(Math.min(DEFAULT_WIDTH, visible.getWidth()));
        stage.setHeight(Math.min(DEFAULT_HEIGHT, visible.getHeight()));
        stage.centerOnScreen();
    }

    private Opened open(TokenDeskConfig config) {
        TokenDesk desk = TokenDesk.open(config);
        Opened session = new Opened(desk, new ApiServer(desk));
        opened.set(session);
        return session;
    }

    private void showScreens(Opened session) {
        TokenDesk desk = session.desk();
        DialogService dialogs = dialogsOverride != null ? dialogsOverride : new FxDialogService(() -> stage);
        ContentCatalog catalog = new DeskContentCatalog(desk);
        ServerController server = new ServerController(session.server(), executor);

        DashboardViewModel dashboard = new DashboardViewModel(server, desk.users(), desk.tokens(), catalog, executor,
                session.server().requestLog()::total, desk.config().dataDir());
        UsersViewModel users = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), desk.jwt(),
                server.baseUrlProperty()::get, executor, dialogs);
        TokensViewModel tokens = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), catalog,
                server.baseUrlProperty()::get, executor, dialogs);
        RolesViewModel roles = new RolesViewModel(desk.roles(), desk.users(), desk.tokens(), catalog, executor, dialogs);
        ContentViewModel content = new ContentViewModel(desk.content(), executor, dialogs);
        AuditViewModel audit = new AuditViewModel(desk.audit(), desk.authFailures(), executor, dialogs);
        TrafficViewModel traffic = new TrafficViewModel(session.server().requestLog());
        TokenNames tokenNames = new TokenNames(desk.tokens(), executor);
        RequestLogViewModel requestLog = new RequestLogViewModel(session.server().requestLog(), tokenNames, executor, dialogs);
        SettingsViewModel settings = new SettingsViewModel(desk.config(), server, executor,
                folder -> getHostServices().showDocument(folder.toUri().toString()));
        BackupViewModel backups = new BackupViewModel(desk.backups(), desk.config().dataDir(), executor, dialogs, desk.clock());
        DatabaseSummary database = DatabaseSummary.of(desk.config(), startServer, desk.tokenKeyMatches());

        DashboardView dashboardView = new DashboardView(dashboard, traffic);
        UsersView usersView = new UsersView(users);
        TokensView tokensView = new TokensView(tokens);
        RolesView rolesView = new RolesView(roles);
        ContentView contentView = new ContentView(content);
        RequestLogView requestLogView = new RequestLogView(requestLog);
        shell.addScreen(new ConsoleScreen("Dashboard", "navDashboard", Feather.ACTIVITY, dashboardView.root(), dashboard::refresh,
                ConsoleScreen.focusing(dashboardView.root(), "#dashboardPortField")));
        shell.addScreen(new ConsoleScreen("Users", "navUsers", Feather.USERS, usersView.root(), usersView::refresh, usersView::focusSearch));
        shell.addScreen(new ConsoleScreen("Tokens", "navTokens", Feather.KEY, tokensView.root(), tokensView::refresh,
                tokensView::focusSearch));
        shell.addScreen(new ConsoleScreen("Roles & permissions", "navRoles", Feather.SHIELD, rolesView.root(), rolesView::refresh,
                () -> { }));
        shell.addScreen(new ConsoleScreen("Content", "navContent", Feather.DATABASE, contentView.root(), content::refresh,
                ConsoleScreen.focusing(contentView.root(), "#filterTextField")));
        shell.addScreen(new ConsoleScreen("Audit", "navAudit", Feather.CLIPBOARD, new AuditView(audit).root(), audit::refresh, () -> { }));
        shell.addScreen(new ConsoleScreen("Request log", "navRequestLog", Feather.LIST, requestLogView.root(), requestLog::poll,
                ConsoleScreen.focusing(requestLogView.root(), "#requestPathFilter")));
        shell.addScreen(ConsoleScreen.plain("Settings", "navSettings", Feather.SETTINGS,
                new SettingsView(settings, backups, database, appearance.darkModeProperty()).root()));
        shell.setLocation(desk.config().usesEmbeddedDatabase() ? "Data: " + desk.config().dataDir() : "Database: " + desk.config().dbUrl());
        shell.setNewTokenAction(() -> {
            shell.showScreen("navTokens");
            tokensView.newToken();
        });
        users.setTokensOpener(row -> {
            tokens.showTokensOf(row.id(), row.username());
            shell.showScreen("navTokens");
        });
        if (preferences.lastScreen() != null) {
            shell.showScreen(preferences.lastScreen());
        }

        applyDefaultExpiry(tokens, settings.defaultTokenExpiryInEffectProperty().get());
        settings.defaultTokenExpiryInEffectProperty().addListener((observable, before, now) -> applyDefaultExpiry(tokens, now));

        relay = new ChangeRelay(desk.events(), Platform::runLater);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN, Kind.CONTENT_TYPE), dashboard::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.ROLE), users::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN, Kind.TOKEN_USE, Kind.CONTENT_TYPE), tokens::refresh);
        relay.onChange(EnumSet.of(Kind.ROLE, Kind.CONTENT_TYPE), roles::refresh);
        relay.onChange(EnumSet.of(Kind.CONTENT_TYPE, Kind.ENTRY), content::refresh);
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN, Kind.ROLE), audit::refresh);
        relay.onChange(EnumSet.of(Kind.TOKEN), tokenNames::reload);

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
        tokenNames.reload();
        if (startServer) {
            server.start();
        } else {
            LOG.info("Console started with --no-server: the API server stays stopped until started from the dashboard");
        }
    }

    /** Preselects the configured expiry in the token form; the form keeps the admin's own choice until the next change. */
    private static void applyDefaultExpiry(TokensViewModel tokens, String code) {
        ExpiryPreset preset = switch (code) {
            case "1d" -> ExpiryPreset.ONE_DAY;
            case "7d" -> ExpiryPreset.SEVEN_DAYS;
            case "90d" -> ExpiryPreset.NINETY_DAYS;
            case "never" -> ExpiryPreset.NEVER;
            default -> ExpiryPreset.THIRTY_DAYS;
        };
        tokens.form().expiryProperty().set(preset);
    }

    private void savePreferences() {
        if (dataDir == null || stage == null) {
            return;
        }
        ConsolePreferences layout = preferences.withDarkMode(appearance.darkModeProperty().get())
                .withWindow(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        if (shell.currentScreenProperty().get() != null) {
            layout = layout.withLastScreen(shell.currentScreenProperty().get());
        }
        try {
            PreferencesFile.save(dataDir, layout);
        } catch (IOException e) {
            LOG.warn("Could not save the window layout in {}: {}", dataDir, e.getMessage());
        }
    }

    /**
     * Saves the window layout, stops the server and closes the installation. It blocks the
     * application thread, but only after the window has closed, so nothing visible freezes.
     */
    @Override
    public void stop() {
        savePreferences();
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
