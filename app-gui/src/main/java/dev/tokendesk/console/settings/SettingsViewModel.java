package dev.tokendesk.console.settings;

import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.task.BackgroundExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Settings screen: the data directory, database and JWT lifetime as
 * read at start, and the API server's bind address and port, which {@link #apply()} changes by
 * restarting the server and saving them to {@code tokendesk.properties} for the next start.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final TokenDeskConfig config;
    private final ServerController server;
    private final BackgroundExecutor executor;

    private final StringProperty bindAddress = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty bindError = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty saveMessage = new SimpleStringProperty("");
    private final StringProperty saveError = new SimpleStringProperty("");
    private final StringBinding bindWarning;
    private final StringBinding statusText;

    public SettingsViewModel(TokenDeskConfig config, ServerController server, BackgroundExecutor executor) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        bindAddress.set(config.bindAddress());
        port.set(Integer.toString(config.port()));
        bindWarning = Bindings.createStringBinding(() -> warningFor(bindAddress.get()), bindAddress);
        statusText = Bindings.createStringBinding(
                () -> (server.stateProperty().get().label() + " " + server.baseUrlProperty().get()).trim(),
                server.stateProperty(), server.baseUrlProperty());
    }

    /**
     * Checks the fields, then restarts the server on the new address and port. Once it listens
     * there, the address and port are saved for the next start; when the port is taken, the
     * server stays stopped, the reason shows in {@link #serverErrorProperty()} and nothing is saved.
     */
    public void apply() {
        String chosenBind = bindAddress.get() == null ? "" : bindAddress.get().trim();
        Integer chosenPort = parsePort(port.get());
        bindError.set(ConfigText.isIpLiteral(chosenBind) ? ""
                : "Invalid bind address '" + chosenBind + "': use an IP address such as 127.0.0.1, ::1 or 0.0.0.0");
        portError.set(chosenPort != null ? "" : "Invalid port '" + port.get() + "': use a number from 0 to 65535 (0 picks a free port)");
        if (!bindError.get().isEmpty() || chosenPort == null) {
            return;
        }

        saveMessage.set("");
        saveError.set("");
        server.restart(chosenBind, chosenPort, url -> save(chosenBind, chosenPort, url));
    }

    private void save(String chosenBind, int chosenPort, String url) {
        executor.submit(() -> ServerSettingsFile.save(config.dataDir(), chosenBind, chosenPort),
                file -> saveMessage.set("Listening on " + url + ". Saved to " + file + " for the next start."),
                failure -> {
                    LOG.error("Saving the server settings in {} failed: {}", config.dataDir(), failure.getMessage());
                    saveError.set("The server listens on " + url + ", but saving the settings failed: " + failure.getMessage()
                            + ". The next start uses the old address and port.");
                });
    }

    /** Starts the server on the address and port of the last {@link #apply()}, after a failed start. */
    public void startServer() {
        server.start();
    }

    private static Integer parsePort(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            return value >= 0 && value <= 65535 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String warningFor(String address) {
        String trimmed = address == null ? "" : address.trim();
        if (trimmed.isEmpty() || ConfigText.isLoopback(trimmed)) {
            return "";
        }
        return "Any address other than 127.0.0.1 or ::1 exposes the API to other computers on the network.";
    }

    public String dataDirText() {
        return config.dataDir().toString();
    }

    /** Returns the JDBC URL without any password. */
    public String databaseUrlText() {
        return ConfigText.databaseUrl(config);
    }

    /** Returns the lifetime of login JWTs, such as {@code 30 days}. */
    public String jwtLifetimeText() {
        return ConfigText.lifetime(config.jwtLifetime());
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    /** Returns the port field's text; 0 picks a free port at each start. */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty bindErrorProperty() {
        return bindError;
    }

    public StringProperty portErrorProperty() {
        return portError;
    }

    /** Returns a warning while the bind address exposes the API beyond this computer, otherwise empty. */
    public StringBinding bindWarningBinding() {
        return bindWarning;
    }

    /** Returns where the server listens and where the settings were saved after a successful apply. */
    public StringProperty saveMessageProperty() {
        return saveMessage;
    }

    public StringProperty saveErrorProperty() {
        return saveError;
    }

    /** Returns why the last start or restart failed, such as a port in use; empty otherwise. */
    public ReadOnlyStringProperty serverErrorProperty() {
        return server.errorProperty();
    }

    /** Returns the server state and URL, such as {@code Running http://127.0.0.1:1337}. */
    public StringBinding statusTextBinding() {
        return statusText;
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return server.stateProperty();
    }

    public ReadOnlyStringProperty baseUrlProperty() {
        return server.baseUrlProperty();
    }
}
