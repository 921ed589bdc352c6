package dev.tokendesk.server.security;

import dev.tokendesk.auth.Authenticator;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.token.TokenFormat;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;

/**
 * Authenticates {@code ?token=tdk_…}. It removes the parameter from the parsed query parameters
 * and from the query string before it checks the token, so no filter, sort or pagination code
 * ever reads it.
 */
public final class QueryTokenMechanism implements CredentialMechanism {

    private final Authenticator authenticator;

    public QueryTokenMechanism(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Outcome authenticate(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().remove(QueryToken.PARAMETER);
        if (values == null) {
            // Undertow's decoded parameter names hold no "token", so neither does the query string.
            return Outcome.notAttempted();
        }
        exchange.setQueryString(QueryToken.remove(exchange.getQueryString()));
        if (values.isEmpty()) {
            return Outcome.notAttempted();
        }
        String token = values.getFirst().trim();
        if (!TokenFormat.isWellFormed(token)) {
            return Outcome.rejected(Reason.MALFORMED_TOKEN);
        }
        return Outcome.authenticated(authenticator.withApiToken(token, ClientAddress.of(exchange)));
    }
}
