package dev.tokendesk.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * Adds CORS headers for origins that the {@link CorsPolicy} allows, and returns 204 for their
 * preflight {@code OPTIONS} requests before authentication, because browsers send preflights
 * without credentials. Requests from other origins get no CORS headers, so browsers keep the response
 * from the calling page; their preflights continue down the chain like any other request.
 */
public final class CorsHandler implements HttpHandler {

    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString VARY = new HttpString("Vary");
    private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    /** Seconds a browser may cache a preflight response. */
    private static final String PREFLIGHT_MAX_AGE = "600";

    private final CorsPolicy policy;
    private final HttpHandler next;

    public CorsHandler(CorsPolicy policy, HttpHandler next) {
        this.policy = policy;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
        exchange.getResponseHeaders().add(VARY, "Origin");
        if (!policy.allows(origin)) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(ALLOW_ORIGIN, origin);
        boolean preflight = exchange.getRequestMethod().equals(Methods.OPTIONS) && exchange.getRequestHeaders().contains(REQUEST_METHOD);
        if (!preflight) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(ALLOW_METHODS, "GET, POST, PUT, DELETE, OPTIONS");
        exchange.getResponseHeaders().put(ALLOW_HEADERS, "Authorization, Content-Type");
        exchange.getResponseHeaders().put(MAX_AGE, PREFLIGHT_MAX_AGE);
        exchange.setStatusCode(204);
        exchange.endExchange();
    }
}
