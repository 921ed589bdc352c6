package dev.tokendesk.server.http;

import dev.tokendesk.server.error.ErrorMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Catches whatever the handlers after it throw and lets {@link ErrorMapper} send the error response. */
public final class ErrorHandler implements HttpHandler {

    private final HttpHandler next;

    public ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            ErrorMapper.send(exchange, e);
        }
    }
}
