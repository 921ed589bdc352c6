package dev.tokendesk.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.console.server.ServerController;
import dev.tokendesk.console.server.ServerState;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.LocalHttp;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private ApiServer server;
    private ServerController controller;
    private SettingsViewModel model;
    private final List<Path> openedFolders = new ArrayList<>();

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        server = new ApiServer(desk);
        controller = new ServerController(server, new InlineExecutor());
        controller.start();
        model = new SettingsViewModel(desk.config(), controller, new InlineExecutor(), openedFolders::add);
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void showsConfigurationReadAtStart() {
        assertThat(model.dataDirText()).isEqualTo(dataDir.toAbsolutePath().normalize().toString());
        assertThat(model.databaseUrlText()).startsWith("Embedded H2: jdbc:h2:file:");
        assertThat(model.jwtLifetimeText()).isEqualTo("30 days");
        assertThat(model.bindAddressProperty().get()).isEqualTo("127.0.0.1");
        assertThat(model.portProperty().get()).isEqualTo("0");
    }

    @Test
    void databaseUrlHidesPassword() {
        TokenDeskConfig postgres = desk.config().withDatabase("jdbc:postgresql://db:5432/desk?user=app&password=s3cret&ssl=true", "app", "s3cret");

        String masked = ConfigText.databaseUrl(postgres);

        assertThat(masked).isEqualTo("jdbc:postgresql://db:5432/desk?user=app&password=***&ssl=true");
    }

    @Test
    void applyRestartsOnNewPortAndSaves() throws Exception {
        int oldPort = server.port();
        int newPort = freePort();
        model.portProperty().set(Integer.toString(newPort));

        model.apply();

        assertThat(controller.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(server.port()).isEqualTo(newPort);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:" + newPort);
        assertThat(new LocalHttp().get("http://127.0.0.1:" + newPort + "/_health")).isEqualTo(200);
        assertThat(newPort).isNotEqualTo(oldPort);
        assertThat(model.saveMessageProperty().get()).contains("http://127.0.0.1:" + newPort);
        TokenDeskConfig nextStart = new ConfigResolver(Map.of(), () -> dataDir).resolve(dataDir, Map.of());
        assertThat(nextStart.port()).isEqualTo(newPort);
        assertThat(nextStart.bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void saveKeepsOtherKeys() throws IOException {
        Files.writeString(dataDir.resolve(ConfigResolver.PROPERTIES_FILE), "jwt.lifetime=12h\nport=1400\n");

        SettingsFile.save(dataDir, "::1", 1500);
        TokenDeskConfig nextStart = new ConfigResolver(Map.of(), () -> dataDir).resolve(dataDir, Map.of());

        assertThat(nextStart.port()).isEqualTo(1500);
        assertThat(nextStart.bindAddress()).isEqualTo("::1");
        assertThat(nextStart.jwtLifetime()).hasHours(12);
    }

    @Test
    void portInUseShowsErrorAndStaysStopped() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            model.portProperty().set(Integer.toString(taken.getLocalPort()));

            model.apply();

            assertThat(controller.stateProperty().get()).isEqualTo(ServerState.FAILED);
            assertThat(server.isRunning()).isFalse();
            assertThat(model.serverErrorProperty().get()).contains("127.0.0.1:" + taken.getLocalPort());
            assertThat(model.saveMessageProperty().get()).isEmpty();
            assertThat(dataDir.resolve(ConfigResolver.PROPERTIES_FILE)).doesNotExist();
        }
    }

    @Test
    void startAfterFailureUsesNewPort() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            model.portProperty().set(Integer.toString(port));
            model.apply();
        }

        model.startServer();

        assertThat(controller.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(server.port()).isEqualTo(port);
        assertThat(model.serverErrorProperty().get()).isEmpty();
    }

    @Test
    void invalidPortShowsFieldErrorAndKeepsServer() {
        int running = server.port();
        model.portProperty().set("70000");

        model.apply();

        assertThat(model.portErrorProperty().get()).contains("Invalid port '70000'");
        assertThat(server.port()).isEqualTo(running);
        assertThat(controller.stateProperty().get()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void invalidBindShowsFieldError() {
        model.bindAddressProperty().set("my-laptop.local");

        model.apply();

        assertThat(model.bindErrorProperty().get()).contains("Invalid bind address 'my-laptop.local'");
        assertThat(controller.stateProperty().get()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void networkBindShowsWarning() {
        model.bindAddressProperty().set("0.0.0.0");
        String publicWarning = model.bindWarningBinding().get();
        model.bindAddressProperty().set("::1");

        assertThat(publicWarning).contains("exposes the API");
        assertThat(model.bindWarningBinding().get()).isEmpty();
    }

    @Test
    void saveTokenSettingsWritesBothKeys() {
        model.jwtLifetimeProperty().set(" 12h ");
        model.defaultTokenExpiryProperty().set("7d");

        model.saveTokenSettings();
        TokenDeskConfig nextStart = new ConfigResolver(Map.of(), () -> dataDir).resolve(dataDir, Map.of());

        assertThat(nextStart.jwtLifetime()).hasHours(12);
        assertThat(nextStart.defaultTokenExpiry()).isEqualTo("7d");
        assertThat(model.defaultTokenExpiryInEffectProperty().get()).isEqualTo("7d");
        assertThat(model.tokenSettingsMessageProperty().get()).contains("tokendesk.properties").contains("after the console restarts");
        assertThat(model.jwtLifetimeErrorProperty().get()).isEmpty();
    }

    @Test
    void invalidJwtLifetimeIsRejected() {
        model.jwtLifetimeProperty().set("soon");
        model.defaultTokenExpiryProperty().set("never");

        model.saveTokenSettings();

        assertThat(model.jwtLifetimeErrorProperty().get()).contains("Invalid duration 'soon'").contains("30d");
        assertThat(model.defaultTokenExpiryInEffectProperty().get()).isEqualTo("30d");
        assertThat(dataDir.resolve(ConfigResolver.PROPERTIES_FILE)).doesNotExist();
    }

    @Test
    void showsConfiguredTokenDefaults() {
        assertThat(model.jwtLifetimeProperty().get()).isEqualTo("30d");
        assertThat(model.defaultTokenExpiryProperty().get()).isEqualTo("30d");
        assertThat(model.corsOriginsProperty().get()).isEqualTo("http://localhost:*, http://127.0.0.1:*");
    }

    @Test
    void invalidCorsOriginIsRejected() {
        int running = server.port();
        model.corsOriginsProperty().set("http://localhost:*, app.example.com");

        model.apply();

        assertThat(model.corsErrorProperty().get()).contains("Invalid CORS origin 'app.example.com'");
        assertThat(server.port()).isEqualTo(running);
        assertThat(dataDir.resolve(ConfigResolver.PROPERTIES_FILE)).doesNotExist();
    }

    @Test
    void applyUsesAndSavesNewCorsOrigins() throws Exception {
        model.corsOriginsProperty().set("https://app.example.com");

        model.apply();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> allowed = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_health"))
                .header("Origin", "https://app.example.com").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> local = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_health"))
                .header("Origin", "http://localhost:3000").build(), HttpResponse.BodyHandlers.discarding());
        TokenDeskConfig nextStart = new ConfigResolver(Map.of(), () -> dataDir).resolve(dataDir, Map.of());

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(nextStart.corsOrigins()).containsExactly("https://app.example.com");
    }

    @Test
    void openDataFolderPassesDataDir() {
        model.openDataFolder();

        assertThat(openedFolders).containsExactly(dataDir.toAbsolutePath().normalize());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
