package dev.tokendesk.server.requestlog;

import dev.tokendesk.auth.Principal;
import dev.tokendesk.server.security.AuthenticationHandler;
import dev.tokendesk.server.security.ClientAddress;
import dev.tokendesk.server.security.QueryToken;
import dev.tokendesk.server.security.SecretMasking;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;

/**
 * Adds every finished request to the {@link RequestLog}. The query string is redacted when the
 * request arrives, before any other handler runs, so the log never contains a token value.
 */
public final class RequestLogHandler implements HttpHandler {

    private final RequestLog log;
    private final Clock clock;
    private final HttpHandler next;

    public RequestLogHandler(RequestLog log, Clock clock, HttpHandler next) {
        this.log = log;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toString();
        String path = SecretMasking.mask(exchange.getRequestPath());
        String query = SecretMasking.mask(QueryToken.redact(exchange.getQueryString()));
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                Principal principal = done.getAttachment(AuthenticationHandler.PRINCIPAL);
                log.add(new RequestLogEntry(clock.instant(), method, path, query, done.getStatusCode(), callerOf(principal),
                        ClientAddress.of(done), (System.nanoTime() - started) / 1000,
                        principal == null ? null : principal.tokenId()));
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private static String callerOf(Principal principal) {
        if (principal == null) {
            return "-";
        }
        return principal.isAuthenticated() ? principal.username() : "Public";
    }
}
