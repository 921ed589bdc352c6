package dev.tokendesk.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Removes one trailing slash from the request path before routing, so {@code /api/countries/}
 * is the list, {@code /api/countries/abc/} is the entry {@code abc} and {@code /api/users/me/}
 * is {@code /api/users/me}. Without it, the route table reads {@code /api/countries/} as an entry
 * with an empty documentId.
 *
 * <p>Only one slash goes, so a GET of {@code /api/countries//} still ends in an empty segment
 * and gets 404. NOTE: Undertow's route matcher itself ignores a trailing slash, so a POST to
 * {@code /api/countries//} reaches the collection route and a GET of
 * {@code /api/countries/abc//} the entry. The handler must run once per request, before any
 * handler that can run twice, because a second pass would remove a second slash. The request
 * log keeps the path as sent.
 */
public final class TrailingSlashHandler implements HttpHandler {

    private final HttpHandler next;

    public TrailingSlashHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (path.length() > 1 && path.endsWith("/")) {
            exchange.setRequestPath(path.substring(0, path.length() - 1));
            String relative = exchange.getRelativePath();
            if (relative.length() > 1 && relative.endsWith("/")) {
                exchange.setRelativePath(relative.substring(0, relative.length() - 1));
            }
        }
        next.handleRequest(exchange);
    }
}
