package dev.tokendesk.console.dashboard;

import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.settings.SettingsFile;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserService;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Dashboard: the API server's state and URL with start, stop and a port
 * change, requests per second, and how many users and tokens exist.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class DashboardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final ServerController server;
    private final UserService userService;
    private final TokenService tokenService;
    private final BackgroundExecutor executor;
    private final LongSupplier requestTotal;
    private final Path dataDir;

    private final StringProperty requestRate = new SimpleStringProperty("0");
    private long lastRequestTotal = -1;
    private long lastSampleNanos;
    private final StringProperty userCount = new SimpleStringProperty("…");
    private final StringProperty tokenCount = new SimpleStringProperty("…");
    private final StringBinding stateText;
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty portMessage = new SimpleStringProperty("");

    /**
     * Creates the view model.
     *
     * @param requestTotal returns how many requests the server has served so far; it must not block
     * @param dataDir data directory whose {@code tokendesk.properties} keeps a changed port
     */
    public DashboardViewModel(ServerController server, UserService userService, TokenService tokenService,
                              BackgroundExecutor executor, LongSupplier requestTotal, Path dataDir) {
        this.server = server;
        this.userService = userService;
        this.tokenService = tokenService;
        this.executor = executor;
        this.requestTotal = requestTotal;
        this.dataDir = dataDir;
        this.stateText = Bindings.createStringBinding(() -> server.stateProperty().get().label(), server.stateProperty());
    }

    /** Recounts users and tokens. */
    public void refresh() {
        executor.submit(() -> new Counts(userService.list().size(), tokenService.list()), counts -> {
            userCount.set(Integer.toString(counts.users()));
            long active = counts.tokens().stream().filter(token -> token.status() == TokenStatus.ACTIVE).count();
            tokenCount.set(active + " active of " + counts.tokens().size());
        }, failure -> {
            LOG.error("Dashboard: counting users and tokens failed", failure);
            userCount.set("?");
            tokenCount.set("?");
        });
    }

    /**
     * Updates the request rate from the requests served since the previous sample. The console
     * calls it about once a second, so the rate reaches the screen in batches, not per request.
     */
    public void sampleRequestRate(long nowNanos) {
        long total = requestTotal.getAsLong();
        if (lastRequestTotal >= 0 && nowNanos > lastSampleNanos) {
            double seconds = (nowNanos - lastSampleNanos) / 1e9;
            long perSecond = Math.round((total - lastRequestTotal) / seconds);
            requestRate.set(Long.toString(perSecond));
        }
        lastRequestTotal = total;
        lastSampleNanos = nowNanos;
    }

    public void startServer() {
        server.start();
    }

    public void stopServer() {
        server.stop();
    }

    /**
     * Restarts the server on the port in {@link #portProperty()} at the same address, and saves
     * the port for the next start once the server listens. An invalid number only sets
     * {@link #portErrorProperty()}; a port in use leaves the server stopped with the reason in
     * {@link #errorProperty()}.
     */
    public void changePort() {
        ServerState state = server.stateProperty().get();
        if (state == ServerState.STARTING || state == ServerState.STOPPING) {
            return;
        }
        String text = port.get() == null ? "" : port.get().trim();
        int chosen;
        try {
            chosen = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            chosen = -1;
        }
        if (chosen < 0 || chosen > 65535) {
            portError.set("Invalid port '" + text + "': use a number from 0 to 65535 (0 picks a free port)");
            return;
        }

        portError.set("");
        portMessage.set("");
        String bind = server.bindAddress();
        int newPort = chosen;
        server.restart(bind, newPort, url -> executor.submit(() -> SettingsFile.save(dataDir, bind, newPort),
                file -> portMessage.set("Port saved to " + file + " for the next start."),
                failure -> {
                    LOG.error("Saving port {} in {} failed: {}", newPort, dataDir, failure.getMessage());
                    portError.set("The server listens on " + url + ", but saving the port failed: " + failure.getMessage());
                }));
    }

    /** Returns the text of the new-port field. */
    public StringProperty portProperty() {
        return port;
    }

    /** Returns why the last port change was rejected, empty otherwise. */
    public StringProperty portErrorProperty() {
        return portError;
    }

    /** Returns where the last changed port was saved, empty otherwise. */
    public StringProperty portMessageProperty() {
        return portMessage;
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return server.stateProperty();
    }

    /** Returns the state as a word, such as {@code Running}. */
    public StringBinding stateTextBinding() {
        return stateText;
    }

    public ReadOnlyStringProperty baseUrlProperty() {
        return server.baseUrlProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return server.errorProperty();
    }

    /** Returns the requests per second measured by the last {@link #sampleRequestRate} call, as text. */
    public StringProperty requestRateProperty() {
        return requestRate;
    }

    public StringProperty userCountProperty() {
        return userCount;
    }

    /** Tokens as text such as {@code 3 active of 5}. */
    public StringProperty tokenCountProperty() {
        return tokenCount;
    }

    private record Counts(int users, List<TokenView> tokens) {
    }
}
