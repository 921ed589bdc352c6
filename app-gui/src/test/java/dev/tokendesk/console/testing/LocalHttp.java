package dev.tokendesk.console.testing;

import dev.tokendesk.server.requestlog.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends real requests to a test's own API server on 127.0.0.1 and waits until the request log has them. */
public final class LocalHttp {

    private static final long LOG_WAIT_MILLIS = 5000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends GET {@code url} and returns the status. */
    public int get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Waits until {@code log} counts {@code total} requests. The server logs a request when the
     * exchange completes, which can be just after the client has read the response.
     */
    public static void awaitTotal(RequestLog log, long total) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LOG_WAIT_MILLIS;
        while (log.total() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }
}
