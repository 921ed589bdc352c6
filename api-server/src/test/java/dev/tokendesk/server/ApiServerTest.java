package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
    void stoppedServerCanStartAgain() {
        try (TestServer api = new TestServer(first)) {
            api.server.stop();
            api.server.start();

            assertThat(api.server.isRunning()).isTrue();
            assertThat(api.get("/_health").status()).isEqualTo(200);
        }
    }
}
