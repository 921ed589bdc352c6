package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void portZeroPicksFreePort() {
        try (TestServer api = new TestServer(first)) {
            assertThat(api.server.port()).isPositive();
            assertThat(api.server.baseUrl()).isEqualTo("http://127.0.0.1:" + api.server.port());
            assertThat(api.get("/_health").status()).isEqualTo(200);
        }
    }

    @Test
    void portInUseIsClearError() {
        try (TestServer running = new TestServer(first);
             TokenDesk other = TokenDesk.open(TestDesks.config(second).withPort(running.server.port()), Clock.systemUTC(), Map.of())) {
            ApiServer clash = new ApiServer(other);

            assertThatThrownBy(clash::start)
                    .isInstanceOf(ApiServer.ServerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + running.server.port())
                    .hasMessageContaining("--port");
            assertThat(clash.isRunning()).isFalse();
        }
    }

    @Test
    void stopFinishesInFlightRejectsNew() throws Exception {
        try (TestServer api = new TestServer(first); Socket slow = new Socket("127.0.0.1", api.server.port())) {
            slow.setSoTimeout(15_000);
            String body = "{\"identifier\":\"nobody\",\"password\":\"Wrong-Pass-1\"}";
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/auth/local HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTrue(() -> api.server.requestsInFlight() == 1);
            // Read before the stop, which holds the server's lock while it waits.
            int port = api.server.port();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(api.server::stop);
            awaitTrue(() -> RawHttp.get(port, "/_health").status() == 503);
            RawHttp.Result rejected = RawHttp.get(port, "/api/restaurants");
            boolean stoppedEarly = stopping.isDone();
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String finished = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            stopping.get(15, TimeUnit.SECONDS);

            assertThat(rejected.status()).isEqualTo(503);
            assertThat(rejected.text()).contains("\"name\":\"ServiceUnavailableError\"", "The API server is stopping")
                    .containsIgnoringCase("Connection: close")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
            assertThat(stoppedEarly).isFalse();
            assertThat(finished).isEqualTo("HTTP/1.1 400");
            assertThat(api.server.requestsInFlight()).isZero();
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

    @Test
    void stoppedServerCanStartAgain() {
        try (TestServer api = new TestServer(first)) {
            api.server.stop();
            api.server.start();

            assertThat(api.server.isRunning()).isTrue();
            assertThat(api.get("/_health").status()).isEqualTo(200);
        }
    }
}
