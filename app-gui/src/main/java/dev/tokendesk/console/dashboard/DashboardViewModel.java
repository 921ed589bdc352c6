package dev.tokendesk.console.dashboard;

import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserService;
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
 * State and commands of the Dashboard: the API server's state and URL, requests per second, and
 * how many users and tokens exist.
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

    private final StringProperty requestRate = new SimpleStringProperty("0");
    private long lastRequestTotal = -1;
    private long lastSampleNanos;
    private final StringProperty userCount = new SimpleStringProperty("…");
    private final StringProperty tokenCount = new SimpleStringProperty("…");
    private final StringBinding stateText;

    /**
     * Creates the view model.
     *
     * @param requestTotal returns how many requests the server has served so far; it must not block
     */
    public DashboardViewModel(ServerController server, UserService userService, TokenService tokenService,
                              BackgroundExecutor executor, LongSupplier requestTotal) {
        this.server = server;
        this.userService = userService;
        this.tokenService = tokenService;
        this.executor = executor;
        this.requestTotal = requestTotal;
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
