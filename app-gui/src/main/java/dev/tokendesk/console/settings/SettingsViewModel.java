package dev.tokendesk.console.settings;

import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.InvalidConfigException;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.server.http.CorsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Settings screen: the data directory and database as read at start;
 * the API server's bind address, port and CORS origins, which {@link #apply()} changes by
 * restarting the server; and the JWT lifetime and default token expiry, which
 * {@link #saveTokenSettings()} saves. Every change is saved to {@code tokendesk.properties} for
 * the next start.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final TokenDeskConfig config;
    private final ServerController server;
    private final BackgroundExecutor executor;
    private final Consumer<Path> folderOpener;

    private final StringProperty bindAddress = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty bindError = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty saveMessage = new SimpleStringProperty("");
    private final StringProperty saveError = new SimpleStringProperty("");
    private final StringProperty corsOrigins = new SimpleStringProperty();
    private final StringProperty corsError = new SimpleStringProperty("");
    private final StringProperty jwtLifetime = new SimpleStringProperty();
    private final StringProperty jwtLifetimeError = new SimpleStringProperty("");
    private final ObjectProperty<String> defaultTokenExpiry = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper defaultTokenExpiryInEffect = new ReadOnlyStringWrapper();
    private final StringProperty tokenSettingsMessage = new SimpleStringProperty("");
    private final StringProperty tokenSettingsError = new SimpleStringProperty("");
    private final StringBinding bindWarning;
    private final StringBinding statusText;

    /**
     * Creates the view model.
     *
     * @param folderOpener shows a folder in the desktop's file manager; it must not block
     */
    public SettingsViewModel(TokenDeskConfig config, ServerController server, BackgroundExecutor executor,
                             Consumer<Path> folderOpener) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.folderOpener = folderOpener;
        bindAddress.set(config.bindAddress());
        port.set(Integer.toString(config.port()));
        corsOrigins.set(String.join(", ", config.corsOrigins()));
        jwtLifetime.set(ConfigText.durationSetting(config.jwtLifetime()));
        defaultTokenExpiry.set(config.defaultTokenExpiry());
        defaultTokenExpiryInEffect.set(config.defaultTokenExpiry());
        bindWarning = Bindings.createStringBinding(() -> warningFor(bindAddress.get()), bindAddress);
        statusText = Bindings.createStringBinding(
                () -> (server.stateProperty().get().label() + " " + server.baseUrlProperty().get()).trim(),
                server.stateProperty(), server.baseUrlProperty());
    }

    /**
     * Checks the fields, then restarts the server on the new address and port with the new CORS
     * origins. Once it listens there, the three are saved for the next start; when the port is
     * taken, the server stays stopped, the reason shows in {@link #serverErrorProperty()} and
     * nothing is saved.
     */
    public void apply() {
        String chosenBind = bindAddress.get() == null ? "" : bindAddress.get().trim();
        Integer chosenPort = parsePort(port.get());
        bindError.set(ConfigText.isIpLiteral(chosenBind) ? ""
                : "Invalid bind address '" + chosenBind + "': use an IP address such as 127.0.0.1, ::1 or 0.0.0.0");
        portError.set(chosenPort != null ? "" : "Invalid port '" + port.get() + "': use a number from 0 to 65535 (0 picks a free port)");
        List<String> origins = ConfigResolver.parseOrigins(corsOrigins.get() == null ? "" : corsOrigins.get());
        CorsPolicy cors = null;
        try {
            cors = new CorsPolicy(origins);
            corsError.set("");
        } catch (IllegalArgumentException e) {
            corsError.set(e.getMessage());
        }
        if (!bindError.get().isEmpty() || chosenPort == null || cors == null) {
            return;
        }

        saveMessage.set("");
        saveError.set("");
        Map<String, String> values = Map.of(SettingsFile.BIND_KEY, chosenBind, SettingsFile.PORT_KEY, Integer.toString(chosenPort),
                SettingsFile.CORS_ORIGINS_KEY, String.join(",", origins));
        server.restart(chosenBind, chosenPort, cors, url -> save(values, url));
    }

    private void save(Map<String, String> values, String url) {
        executor.submit(() -> SettingsFile.update(config.dataDir(), values),
                file -> saveMessage.set("Listening on " + url + ". Saved to " + file + " for the next start."),
                failure -> {
                    LOG.error("Saving the server settings in {} failed: {}", config.dataDir(), failure.getMessage());
                    saveError.set("The server listens on " + url + ", but saving the settings failed: " + failure.getMessage()
                            + ". The next start uses the old address, port and origins.");
                });
    }

    /**
     * Checks the JWT lifetime, then saves it and the default token expiry. The default expiry
     * applies to the token form at once. The JWT lifetime applies from the next start, because
     * the JWT service reads it when the console opens the data directory.
     */
    public void saveTokenSettings() {
        String lifetimeText = jwtLifetime.get() == null ? "" : jwtLifetime.get().trim();
        Duration lifetime;
        try {
            lifetime = ConfigResolver.parseDuration(lifetimeText, "the JWT lifetime field");
            jwtLifetimeError.set("");
        } catch (InvalidConfigException e) {
            jwtLifetimeError.set(e.getMessage());
            return;
        }
        String expiry = defaultTokenExpiry.get() == null ? config.defaultTokenExpiry() : defaultTokenExpiry.get();

        tokenSettingsMessage.set("");
        tokenSettingsError.set("");
        Map<String, String> values = Map.of(SettingsFile.JWT_LIFETIME_KEY, ConfigText.durationSetting(lifetime),
                SettingsFile.TOKEN_EXPIRY_KEY, expiry);
        executor.submit(() -> SettingsFile.update(config.dataDir(), values), file -> {
            defaultTokenExpiryInEffect.set(expiry);
            String restart = lifetime.equals(config.jwtLifetime()) ? "" : " The new JWT lifetime applies after the console restarts.";
            tokenSettingsMessage.set("Saved to " + file + "." + restart);
        }, failure -> {
            LOG.error("Saving the token settings in {} failed: {}", config.dataDir(), failure.getMessage());
            tokenSettingsError.set("Saving the settings failed: " + failure.getMessage());
        });
    }

    /** Shows the data directory in the desktop's file manager. */
    public void openDataFolder() {
        folderOpener.accept(config.dataDir());
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

    /** Returns the CORS origins field's text: origins separated by commas, such as {@code http://localhost:*}. */
    public StringProperty corsOriginsProperty() {
        return corsOrigins;
    }

    public StringProperty corsErrorProperty() {
        return corsError;
    }

    /** Returns the JWT lifetime field's text, such as {@code 30d}, {@code 12h} or {@code PT90M}. */
    public StringProperty jwtLifetimeProperty() {
        return jwtLifetime;
    }

    public StringProperty jwtLifetimeErrorProperty() {
        return jwtLifetimeError;
    }

    /** Returns the expiry chosen in the field, one of {@link #tokenExpiryChoices()}. */
    public ObjectProperty<String> defaultTokenExpiryProperty() {
        return defaultTokenExpiry;
    }

    /** Returns the default token expiry in effect: the one read at start, then the last one saved. */
    public ReadOnlyStringProperty defaultTokenExpiryInEffectProperty() {
        return defaultTokenExpiryInEffect.getReadOnlyProperty();
    }

    /** Returns the expiry codes the default may take, shortest first. */
    public List<String> tokenExpiryChoices() {
        return List.of("1d", "7d", "30d", "90d", "never");
    }

    /** Returns where the token settings were saved after a successful save. */
    public StringProperty tokenSettingsMessageProperty() {
        return tokenSettingsMessage;
    }

    public StringProperty tokenSettingsErrorProperty() {
        return tokenSettingsError;
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
