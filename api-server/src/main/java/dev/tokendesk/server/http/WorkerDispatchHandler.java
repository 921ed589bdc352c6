package dev.tokendesk.server.http;

import dev.tokendesk.db.NonBlocking;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs a request on a worker thread, with blocking I/O, whenever it needs the database; a
 * {@code GET} or {@code HEAD} that needs nothing but memory completes on the I/O thread.
 *
 * <p>A {@code GET} or {@code HEAD} first runs on the I/O thread inside
 * {@link NonBlocking#attempt}. With a cached credential and a cached response, or with a
 * rejection that needs no lookup, it completes there, without the hand-over to a worker thread.
 * The first database call stops the attempt before it reads anything; this handler then restores
 * the query (the token mechanism removes the {@code token} parameter) and runs the request again
 * from here on a worker thread. Other methods go to a worker thread at once.
 */
public final class WorkerDispatchHandler implements HttpHandler {

    private final HttpHandler next;

    public WorkerDispatchHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            if (isRead(exchange.getRequestMethod()) && completesInMemory(exchange)) {
                return;
            }
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        next.handleRequest(exchange);
    }

    private static boolean isRead(HttpString method) {
        return method.equals(Methods.GET) || method.equals(Methods.HEAD);
    }

    private boolean completesInMemory(HttpServerExchange exchange) throws Exception {
        String query = exchange.getQueryString();
        Map<String, Deque<String>> parameters = copy(exchange.getQueryParameters());
        if (NonBlocking.attempt(() -> next.handleRequest(exchange))) {
            return true;
        }
        exchange.setQueryString(query);
        exchange.getQueryParameters().clear();
        exchange.getQueryParameters().putAll(parameters);
        return false;
    }

    /**
     * Copies the map but not the value lists: handlers may add, remove or replace parameters
     * during the attempt (the token mechanism removes one), but must not change a list in place.
     */
    private static Map<String, Deque<String>> copy(Map<String, Deque<String>> parameters) {
        if (parameters.isEmpty()) {
            return Map.of();
        }
        return parameters instanceof SortedMap<String, Deque<String>> sorted ? new TreeMap<>(sorted) : new LinkedHashMap<>(parameters);
    }
}
