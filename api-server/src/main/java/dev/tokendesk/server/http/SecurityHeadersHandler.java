package dev.tokendesk.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Adds headers to every response: {@code Referrer-Policy: no-referrer}, so a URL with
 * {@code ?token=} does not travel to other sites in the Referer header, and
 * {@code X-Content-Type-Options: nosniff}.
 */
public final class SecurityHeadersHandler implements HttpHandler {

    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");

    private final HttpHandler next;

    public SecurityHeadersHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders().put(REFERRER_POLICY, "no-referrer");
        exchange.getResponseHeaders().put(CONTENT_TYPE_OPTIONS, "nosniff");
        next.handleRequest(exchange);
    }
}
