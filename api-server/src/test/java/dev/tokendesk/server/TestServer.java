package dev.tokendesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real TokenDesk on a fresh H2 file with the real server on a free loopback port, and a real HTTP client. */
final class TestServer implements AutoCloseable {

    final TokenDesk desk;
    final ApiServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path dataDir, Clock clock) {
        this(TestDesks.open(dataDir, clock));
    }

    /** Serves an installation the caller opened, for example on PostgreSQL; {@link #close()} closes it. */
    TestServer(TokenDesk desk) {
        this.desk = desk;
        this.server = new ApiServer(desk);
        server.start();
    }

    TestServer(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    Response get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    Response postJson(String pathAndQuery, String body, String... headers) {
        return sendWithBody("POST", pathAndQuery, body, headers);
    }

    Response putJson(String pathAndQuery, String body, String... headers) {
        return sendWithBody("PUT", pathAndQuery, body, headers);
    }

    Response delete(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).DELETE().build());
    }

    Response options(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private Response sendWithBody(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder builder = request(pathAndQuery, headers);
        boolean hasContentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            hasContentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!hasContentType) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(new URI(server.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10));
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            return builder;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(pathAndQuery, e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to five seconds for the request log to hold {@code count} entries; entries are added after the response is sent. */
    java.util.List<dev.tokendesk.server.requestlog.RequestLogEntry> awaitRequestLog(int count) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        var entries = server.requestLog().snapshot();
        while (entries.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            entries = server.requestLog().snapshot();
        }
        return entries;
    }

    @Override
    public void close() {
        server.stop();
        desk.close();
    }

    /** Status, body and headers of one response. */
    record Response(int status, String body, java.net.http.HttpHeaders headers) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Response body is not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
