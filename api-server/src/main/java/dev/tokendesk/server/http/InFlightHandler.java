package dev.tokendesk.server.http;

import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests in flight, so that stopping the server can let them finish, and responds
 * with 503 and the JSON error body to requests that arrive once the server is stopping. It runs
 * after the request log and the CORS headers, so a browser can read the 503 and the console lists
 * it. The counts are spread over cells, so the I/O threads do not contend for one counter.
 *
 * <p>Thread-safe. A request counts itself before it checks whether the server is stopping, and
 * {@link #stopAccepting} sets the flag before {@link #awaitIdle} reads the counts, so every
 * request is either counted by the wait or rejected.
 */
public final class InFlightHandler implements HttpHandler {

    private static final long POLL_MILLIS = 5;

    private final HttpHandler next;
    private final LongAdder started = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final ExchangeCompletionListener onFinish = (exchange, nextListener) -> {
        finished.increment();
        nextListener.proceed();
    };
    private volatile boolean stopping;

    public InFlightHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        started.increment();
        if (stopping) {
            finished.increment();
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
            ErrorMapper.send(exchange, new ApiException(503, "ServiceUnavailableError",
                    "The API server is stopping; send the request again once it runs"));
            return;
        }
        exchange.addExchangeCompleteListener(onFinish);
        next.handleRequest(exchange);
    }

    /** Rejects every request from now on with 503. */
    public void stopAccepting() {
        stopping = true;
    }

    /** Returns the number of requests that have started and not finished. */
    public long inFlight() {
        // Finished first: a request that finishes between the two reads is then counted as running, never missed.
        long done = finished.sum();
        return started.sum() - done;
    }

    /**
     * Waits until no request is in flight or {@code millis} have passed.
     *
     * @return true when no request is in flight
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inFlight() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
