package dev.tokendesk.server.http;

import dev.tokendesk.db.NonBlocking;
import dev.tokendesk.server.security.QueryToken;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Deque;

/**
 * Runs a request on a worker thread, with blocking I/O, whenever it needs the database; a
 * {@code GET} or {@code HEAD} that needs nothing but memory completes on the I/O thread.
 *
 * <p>A {@code GET} or {@code HEAD} first runs on the I/O thread inside
 * {@link NonBlocking#attempt}. With a cached credential and a cached response, or with a
 * rejection that needs no lookup, it completes there, without the hand-over to a worker thread.
 * The first database call stops the attempt before it reads anything; this handler then restores
 * the query and runs the request again from here on a worker thread. Other methods go to a worker
 * thread at once.
 *
 * <p>Restoring the query means putting back the query string and the {@code token} parameter,
 * which the token mechanism removes. No other handler changes the query parameters before its
 * first database call; one that does must be restored here too.
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
        Deque<String> token = exchange.getQueryParameters().get(QueryToken.PARAMETER);
        if (NonBlocking.attempt(() -> next.handleRequest(exchange))) {
            return true;
        }
        exchange.setQueryString(query);
        if (token != null) {
            exchange.getQueryParameters().put(QueryToken.PARAMETER, token);
        }
        return false;
    }
}
