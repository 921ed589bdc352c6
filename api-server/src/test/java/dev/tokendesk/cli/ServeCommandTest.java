package dev.tokendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.testing.TestDesks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in its own JVM, as a tester runs it on a machine without a display. */
class ServeCommandTest {

    @TempDir
    Path dataDir;

    private static Process start(Path dataDir, String... args) throws Exception {
        TestDesks.prepareForCommandLine(dataDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.tokendesk.cli.TokenDeskCli"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int run(Path dataDir, String stdin, String... args) throws Exception {
        Process process = start(dataDir, args);
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void serveAnswersWithCliIssuedToken() throws Exception {
        Path schema = TokenDeskCliTest.resource("/schemas/restaurant/schema.json");
        Path data = TokenDeskCliTest.resource("/data/restaurants.json");
        assertThat(run(dataDir, "", "import", "schemas", schema.toString())).isZero();
        assertThat(run(dataDir, "", "import", "data", "restaurants", data.toString())).isZero();
        assertThat(run(dataDir, "", "role", "grant", "Authenticated", "restaurant", "find")).isZero();
        assertThat(run(dataDir, "Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "a@example.com", "--password-stdin")).isZero();
        Process tokenProcess = start(dataDir, "token", "create", "--user", "alice", "--name", "cli");
        String token = new String(tokenProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(tokenProcess.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Process server = start(dataDir, "serve", "--port", "0");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).startsWith("TokenDesk API listening on http://127.0.0.1:");
            String baseUrl = line.substring(line.indexOf("http://"));

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> withToken = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/restaurants?token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> withoutToken = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/restaurants")).build(),
                    HttpResponse.BodyHandlers.ofString());

            Process whileServing = start(dataDir, "token", "create", "--user", "alice", "--name", "second");
            String secondToken = new String(whileServing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(whileServing.waitFor(60, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> withSecondToken = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/restaurants"))
                    .header("Authorization", "Bearer " + secondToken).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
            assertThat(withToken.body()).contains("Chez Marie").contains("Caf\u00e9 Noir");
            assertThat(withoutToken.statusCode()).isEqualTo(403);
            assertThat(whileServing.exitValue()).isZero();
            assertThat(secondToken).startsWith("tdk_");
            assertThat(withSecondToken.statusCode()).as(withSecondToken.body()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
