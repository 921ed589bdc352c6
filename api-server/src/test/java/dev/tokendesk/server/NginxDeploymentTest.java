package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx example of the deployment guide, run as written on loopback ports in front of two
 * instances on one PostgreSQL database. Needs the nginx binary from Debian's packages: CI installs
 * it, and a developer machine without it reports this test as skipped with the install command.
 */
@Tag("own-postgres")
class NginxDeploymentTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "deploy", "tokendesk-nginx.conf");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void exampleServesTwoInstances() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("nginx is missing at " + NGINX + "; .ci/run installs it before the build, so CI never skips this test");
            }
            Assumptions.abort("nginx is not installed at " + NGINX + "; install it with: apt-get install nginx");
        }
        String url = TestPostgres.createEmptyDatabase(postgres);
        Map<String, String> keys = Map.of(TokenDesk.TOKEN_KEY_VARIABLE, randomKey(), TokenDesk.JWT_SECRET_VARIABLE, randomKey());
        try (TestServer first = new TestServer(open(url, "first", keys)); TestServer second = new TestServer(open(url, "second", keys))) {
            ApiFixture fixture = new ApiFixture(first.desk);
            int proxyPort = freePort();
            Process nginx = startNginx(first.server.port(), second.server.port(), proxyPort);
            try {
                String base = "http://127.0.0.1:" + proxyPort;
                awaitHealthy(base + "/_health", nginx);

                int[] before = {status(base + "/api/restaurants?token=" + fixture.tokenA), status(base + "/api/restaurants?token=" + fixture.tokenA)};
                long servedByFirst = first.server.requestLog().total();
                long servedBySecond = second.server.requestLog().total();
                first.desk.tokens().revoke(tokenId(first.desk, "alice full"));
                // The revoking instance rejects the token at once, and the other one learns of the
                // revocation through PostgreSQL NOTIFY. PostgresInstancesTest checks the one-second limit;
                // this test checks the path through nginx and allows three on a loaded machine.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                int[] after;
                do {
                    after = new int[] {status(base + "/api/restaurants?token=" + fixture.tokenA),
                        status(base + "/api/restaurants?token=" + fixture.tokenA)};
                } while ((after[0] != 401 || after[1] != 401) && System.nanoTime() < deadline);

                assertThat(before).containsExactly(200, 200);
                assertThat(servedByFirst).as("requests the first instance served").isPositive();
                assertThat(servedBySecond).as("requests the second instance served").isPositive();
                assertThat(after).containsExactly(401, 401);
            } finally {
                nginx.destroy();
                assertThat(nginx.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private TokenDesk open(String url, String name, Map<String, String> env) {
        return TokenDesk.open(TestDesks.h2Config(dataDir.resolve(name)).withDatabase(url, TestPostgres.USER, null), Clock.systemUTC(), env);
    }

    private Process startNginx(int firstPort, int secondPort, int proxyPort) throws IOException {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(example).contains("server 127.0.0.1:1337 ", "server 127.0.0.1:1338 ", "listen 127.0.0.1:8080;");
        String site = example
                .replace("server 127.0.0.1:1337 ", "server 127.0.0.1:" + firstPort + " ")
                .replace("server 127.0.0.1:1338 ", "server 127.0.0.1:" + secondPort + " ")
                .replace("listen 127.0.0.1:8080;", "listen 127.0.0.1:" + proxyPort + ";");
        Path prefix = Files.createDirectories(dataDir.resolve("nginx"));
        Files.writeString(prefix.resolve("tokendesk.conf"), site, StandardCharsets.UTF_8);
        String main = String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("error.log") + " warn;",
                "events { worker_connections 64; }",
                "http {",
                "    client_body_temp_path " + prefix.resolve("body") + ";",
                "    proxy_temp_path " + prefix.resolve("proxy") + ";",
                "    fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "    scgi_temp_path " + prefix.resolve("scgi") + ";",
                "    include " + prefix.resolve("tokendesk.conf") + ";",
                "}",
                "");
        Files.writeString(prefix.resolve("nginx.conf"), main, StandardCharsets.UTF_8);
        return new ProcessBuilder(List.of(NGINX.toString(), "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString()))
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("output.log").toFile())
                .start();
    }

    private void awaitHealthy(String url, Process nginx) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && nginx.isAlive()) {
            try {
                if (status(url) == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // Not listening yet: try again shortly.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        Path log = dataDir.resolve("nginx").resolve("error.log");
        throw new AssertionError("nginx did not answer on " + url + "; error log: " + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private int status(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static long tokenId(TokenDesk desk, String name) {
        return desk.tokens().list().stream().filter(token -> token.name().equals(name)).findFirst().orElseThrow().id();
    }
}
