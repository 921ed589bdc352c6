package dev.tokendesk.console.server;

import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.server.http.CorsPolicy;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the in-process {@link ApiServer} in the background and publishes its state,
 * base URL and last start error as JavaFX properties.
 *
 * <p>Not thread-safe: call it and read its properties on the UI thread only.
 */
public final class ServerController {

    private static final Logger LOG = LoggerFactory.getLogger(ServerController.class);

    private final ApiServer server;
    private final BackgroundExecutor executor;
    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(ServerState.STOPPED);
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ServerController(ApiServer server, BackgroundExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the server unless it is running or busy; the outcome arrives as RUNNING or FAILED. */
    public void start() {
        if (state.get() == ServerState.RUNNING || state.get() == ServerState.STARTING || state.get() == ServerState.STOPPING) {
            return;
        }
        state.set(ServerState.STARTING);
        error.set("");
        executor.submit(() -> {
            server.start();
            return server.baseUrl();
        }, url -> {
            baseUrl.set(url);
            state.set(ServerState.RUNNING);
        }, failure -> {
            LOG.error("The API server did not start: {}", failure.getMessage());
            baseUrl.set("");
            error.set(failure.getMessage());
            state.set(ServerState.FAILED);
        });
    }

    /** Stops the server unless it is stopped or busy. */
    public void stop() {
        if (state.get() != ServerState.RUNNING) {
            return;
        }
        state.set(ServerState.STOPPING);
        executor.submit(server::stop, () -> {
            baseUrl.set("");
            state.set(ServerState.STOPPED);
        }, failure -> {
            LOG.error("The API server did not stop cleanly", failure);
            error.set(failure.getMessage());
            state.set(server.isRunning() ? ServerState.RUNNING : ServerState.STOPPED);
        });
    }

    /**
     * Stops the server, moves it to {@code bindAddress} and {@code port}, and starts it there.
     * When the new port cannot be bound the server stays stopped in state FAILED with the reason
     * in {@link #errorProperty()}, and {@link #start()} tries the new address again.
     *
     * @param onRunning runs on the UI thread with the new base URL once the server listens
     */
    public void restart(String bindAddress, int port, Consumer<String> onRunning) {
        restart(bindAddress, port, null, onRunning);
    }

    /**
     * Restarts like {@link #restart(String, int, Consumer)}, allowing the browser origins of
     * {@code cors} from then on.
     *
     * @param cors origins to allow, or {@code null} to keep the current ones
     */
    public void restart(String bindAddress, int port, CorsPolicy cors, Consumer<String> onRunning) {
        if (state.get() == ServerState.STARTING || state.get() == ServerState.STOPPING) {
            return;
        }
        state.set(ServerState.STARTING);
        error.set("");
        baseUrl.set("");
        executor.submit(() -> {
            server.stop();
            server.listenOn(bindAddress, port);
            if (cors != null) {
                server.allowOrigins(cors);
            }
            server.start();
            return server.baseUrl();
        }, url -> {
            baseUrl.set(url);
            state.set(ServerState.RUNNING);
            LOG.info("API server moved to {}", url);
            onRunning.accept(url);
        }, failure -> {
            LOG.error("The API server did not restart on {}:{}: {}", bindAddress, port, failure.getMessage());
            error.set(failure.getMessage());
            state.set(server.isRunning() ? ServerState.RUNNING : ServerState.FAILED);
        });
    }

    /**
     * Returns the address the server listens on, or will at the next start. It waits while a
     * start or stop is under way, so call it only in states RUNNING, STOPPED or FAILED.
     */
    public String bindAddress() {
        return server.bindAddress();
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Base URL such as {@code http://127.0.0.1:1337} while running, empty otherwise. */
    public ReadOnlyStringProperty baseUrlProperty() {
        return baseUrl.getReadOnlyProperty();
    }

    /** Message of the last failed start, empty when the last start worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
