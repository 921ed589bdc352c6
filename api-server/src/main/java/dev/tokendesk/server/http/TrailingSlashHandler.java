package dev.tokendesk.server.http;

import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import dev.tokendesk.server.security.SecretMasking;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes one trailing slash from the request path before routing, so {@code /api/countries/}
 * is the list, {@code /api/countries/abc/} is the entry {@code abc} and {@code /api/users/me/}
 * is {@code /api/users/me}. Without it, the route table reads {@code /api/countries/} as an entry
 * with an empty documentId.
 *
 * <p>A path with two slashes in a row anywhere, such as {@code /api/countries//} or
 * {@code /api//countries}, gets a 404 naming the path, whatever the method. Undertow's template
 * matcher would otherwise route some of these paths and not others: it ignores a trailing slash,
 * so a POST to {@code /api/countries//} would create an entry.
 *
 * <p>The handler must run once per request, before any handler that can run twice, because a
 * second pass would remove a second slash. The request log keeps the path as sent.
 */
public final class TrailingSlashHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TrailingSlashHandler.class);

    private final HttpHandler next;

    public TrailingSlashHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (path.indexOf("//") >= 0) {
            ApiException error = ApiException.notFound("The path '" + path + "' contains an empty segment (two slashes in a row). "
                    + "Remove the extra slash.");
            LOG.debug("Rejected a request from {}: {}", exchange.getSourceAddress(), SecretMasking.mask(error.getMessage()));
            ErrorMapper.send(exchange, error);
            return;
        }
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
