package dev.tokendesk.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Moves the request from the IO thread to a worker thread and enables blocking I/O, so the
 * handlers after it may use the database without stalling the IO threads.
 */
public final class WorkerDispatchHandler implements HttpHandler {

    private final HttpHandler next;

    public WorkerDispatchHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        next.handleRequest(exchange);
    }
}
