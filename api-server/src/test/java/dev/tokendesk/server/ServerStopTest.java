package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.server.http.HttpLimits;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 503 responses while the server stops, and a client that stalls in the middle of a body. */
class ServerStopTest {

    private static final String LOGIN_BODY = "{\"identifier\":\"nobody\",\"password\":\"Wrong-Pass-1\"}";
    private static final String LOCAL_ORIGIN = "http://localhost:5173";

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private ApiServer server;
    private int port;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.stop();
        }
        desk.close();
    }

    @Test
    void stopResponseCarriesCorsHeaders() throws Exception {
        start(Duration.ofSeconds(5));

        try (Socket stalled = sendHalfLogin()) {
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            awaitTrue(() -> RawHttp.get(port, "/_health").status() == 503);
            RawHttp.Result local = RawHttp.get(port, "/api/users/me", "Origin: " + LOCAL_ORIGIN);
            RawHttp.Result other = RawHttp.get(port, "/api/users/me", "Origin: https://evil.example");
            sendRestOfLogin(stalled);
            stopping.get(10, TimeUnit.SECONDS);

            assertThat(local.status()).as(local.text()).isEqualTo(503);
            assertThat(local.body()).contains("\"name\":\"ServiceUnavailableError\"");
            assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo(LOCAL_ORIGIN);
            assertThat(local.header("Vary")).isEqualTo("Origin");
            assertThat(local.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(local.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(other.status()).isEqualTo(503);
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void stopResponseGoesIntoRequestLog() throws Exception {
        start(Duration.ofSeconds(5));

        try (Socket stalled = sendHalfLogin()) {
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            awaitTrue(() -> RawHttp.get(port, "/_health").status() == 503);
            RawHttp.get(port, "/api/openapi.json?probe=stopping");
            sendRestOfLogin(stalled);
            stopping.get(10, TimeUnit.SECONDS);
        }
        awaitTrue(() -> server.requestLog().snapshot().stream().anyMatch(entry -> entry.query() != null && entry.query().contains("probe")));
        List<RequestLogEntry> log = server.requestLog().snapshot();
        RequestLogEntry rejected = log.stream().filter(entry -> entry.query() != null && entry.query().contains("probe")).findFirst().orElseThrow();

        assertThat(rejected.status()).isEqualTo(503);
        assertThat(rejected.method()).isEqualTo("GET");
        assertThat(rejected.path()).isEqualTo("/api/openapi.json");
    }

    @Test
    void stalledBodyDoesNotHoldStop() throws Exception {
        start(Duration.ofSeconds(1));

        try (Socket stalled = sendHalfLogin()) {
            long started = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            boolean stopped = awaitDone(stopping, Duration.ofSeconds(8));
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean connectionClosed = readsToEnd(stalled.getInputStream());

            assertThat(stopped).as("stop() finished within 8 s").isTrue();
            assertThat(stopMillis).as("stop() with a 1 s in-flight wait").isLessThan(6_000);
            assertThat(connectionClosed).as("the stalled connection is closed").isTrue();
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void clientClosingMidBodyIsNoError() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            start(Duration.ofSeconds(5));

            sendHalfLogin().close();
            awaitTrue(() -> server.requestLog().snapshot().stream().anyMatch(entry -> entry.path().equals("/api/auth/local")));
            RequestLogEntry entry = server.requestLog().snapshot().stream()
                    .filter(logged -> logged.path().equals("/api/auth/local")).findFirst().orElseThrow();

            assertThat(entry.status()).isEqualTo(400);
            assertThat(captured.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        } finally {
            root.detachAppender(captured);
        }
    }

    @Test
    void slowClientFinishesWhileRunning() throws Exception {
        start(Duration.ofSeconds(1));

        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write(loginHead().getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < LOGIN_BODY.length(); i += 10) {
                Thread.sleep(300);
                out.write(LOGIN_BODY.substring(i, Math.min(i + 10, LOGIN_BODY.length())).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            String status = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).isEqualTo("HTTP/1.1 400");
        }
    }

    private void start(Duration inFlightWait) {
        server = new ApiServer(desk, new CorsPolicy(desk.config().corsOrigins()), HttpLimits.DEFAULT, inFlightWait);
        server.start();
        port = server.port();
    }

    /** Opens a connection that sends the login request's headers and the first 10 bytes of its body, then stalls. */
    private Socket sendHalfLogin() throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write((loginHead() + LOGIN_BODY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        awaitTrue(() -> server.requestsInFlight() == 1);
        return socket;
    }

    private static void sendRestOfLogin(Socket stalled) throws IOException {
        stalled.getOutputStream().write(LOGIN_BODY.substring(10).getBytes(StandardCharsets.US_ASCII));
        stalled.getOutputStream().flush();
    }

    private static String loginHead() {
        return "POST /api/auth/local HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + LOGIN_BODY.length() + "\r\n\r\n";
    }

    /** Returns true when the server closes or resets the connection before the socket's read timeout. */
    private static boolean readsToEnd(InputStream in) throws IOException {
        try {
            in.readAllBytes();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static boolean awaitDone(CompletableFuture<Void> future, Duration timeout) throws Exception {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Polls {@code condition} every 10 ms for up to 5 seconds. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

}
