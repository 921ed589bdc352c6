package dev.tokendesk.server.http;

import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects a request whose URL or headers exceed {@link HttpLimits}: 414 for the URL, 431 for the
 * headers, with the JSON error body. Runs on the IO thread and reads nothing but what Undertow has
 * already parsed.
 */
public final class RequestLimitsHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLimitsHandler.class);

    private final HttpLimits limits;
    private final HttpHandler next;

    public RequestLimitsHandler(HttpLimits limits, HttpHandler next) {
        this.limits = limits;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String query = exchange.getQueryString();
        int urlLength = exchange.getRequestURI().length() + (query.isEmpty() ? 0 : 1 + query.length());
        if (urlLength > limits.maxUrlLength()) {
            reject(exchange, new ApiException(414, "URITooLongError", "Request URL has " + urlLength
                    + " characters, more than the maximum of " + limits.maxUrlLength() + ": send fewer or shorter query parameters"));
            return;
        }
        int headers = 0;
        long headerBytes = 0;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                headers++;
                headerBytes += values.getHeaderName().length() + value.length();
            }
        }
        if (headers > limits.maxHeaders()) {
            reject(exchange, new ApiException(431, "RequestHeaderFieldsTooLargeError", "Request has " + headers
                    + " header lines, more than the maximum of " + limits.maxHeaders()));
            return;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            reject(exchange, new ApiException(431, "RequestHeaderFieldsTooLargeError", "Request headers have " + headerBytes
                    + " bytes, more than the maximum of " + limits.maxHeaderBytes()));
            return;
        }
        next.handleRequest(exchange);
    }

    /**
     * Sends the error. The connection stays open: closing it while the client still sends a body
     * would reset the connection and could destroy the response before the client reads it.
     */
    private static void reject(HttpServerExchange exchange, ApiException error) {
        LOG.debug("Rejected a request from {}: {}", exchange.getSourceAddress(), error.getMessage());
        ErrorMapper.send(exchange, error);
    }
}
