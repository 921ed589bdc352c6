package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.server.requestlog.RequestLog;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;

/** Builds the handler chain and the route table of the API server. */
final class Routes {

    private Routes() {
    }

    static HttpHandler build(TokenDesk desk, RequestLog requestLog) {
        return Handlers.path()
                .addExactPath("/_health", exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send("{\"status\":\"ok\"}");
                });
    }
}
