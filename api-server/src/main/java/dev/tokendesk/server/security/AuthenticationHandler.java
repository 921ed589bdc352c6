package dev.tokendesk.server.security;

import dev.tokendesk.audit.AuthFailureCounter;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.auth.Authenticator;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.auth.Principal;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import dev.tokendesk.server.error.UnauthorizedException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who a request acts as, in one place and in a fixed order:
 *
 * <ol>
 *   <li>at most one credential: a repeated {@code token} parameter, several Authorization
 *       headers, or both a token parameter and a header are a 400;</li>
 *   <li>{@code ?token=} ({@link QueryTokenMechanism}), which also removes the parameter;</li>
 *   <li>{@code Authorization: Bearer} ({@link BearerMechanism});</li>
 *   <li>no credential: the Public role.</li>
 * </ol>
 *
 * <p>A presented credential that is not valid ends the request with 401 and never falls back to
 * the Public role. The failure is counted per reason and per client address, and an address with
 * too many recent failures gets 429 with {@code Retry-After} instead of 401 for further invalid
 * credentials. Valid credentials are still served from such an address. API tokens and JWTs
 * carry at least 256 bits of secret, so this limit is about load and misbehaving clients rather
 * than guessing, and one broken script on 127.0.0.1 must not lock out every local client. The
 * principal is attached under {@link #PRINCIPAL}.
 */
public final class AuthenticationHandler implements HttpHandler {

    public static final AttachmentKey<Principal> PRINCIPAL = AttachmentKey.create(Principal.class);

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationHandler.class);

    private final Authenticator authenticator;
    /** An array, so that the loop over it allocates no iterator. */
    private final CredentialMechanism[] mechanisms;
    private final FailureRateLimiter limiter;
    private final AuthFailureCounter failures;
    private final HttpHandler next;

    public AuthenticationHandler(Authenticator authenticator, FailureRateLimiter limiter, AuthFailureCounter failures, HttpHandler next) {
        this.authenticator = authenticator;
        this.mechanisms = new CredentialMechanism[] {new QueryTokenMechanism(authenticator), new BearerMechanism(authenticator)};
        this.limiter = limiter;
        this.failures = failures;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        requireAtMostOneCredential(exchange);
        String address = ClientAddress.of(exchange);

        Principal principal = null;
        Reason rejection = null;
        try {
            for (CredentialMechanism mechanism : mechanisms) {
                CredentialMechanism.Outcome outcome = mechanism.authenticate(exchange);
                if (outcome.attempted()) {
                    principal = outcome.principal();
                    rejection = outcome.rejection();
                    break;
                }
            }
        } catch (CredentialRejectedException e) {
            rejection = e.reason();
        } catch (AddressNotAllowedException e) {
            failures.count("ADDRESS_NOT_ALLOWED");
            LOG.debug("Rejected token use from {}: outside its allow-list", address);
            throw e;
        }
        if (rejection != null) {
            reject(exchange, address, rejection);
            return;
        }

        if (principal == null) {
            principal = authenticator.anonymous();
        } else {
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        }
        exchange.putAttachment(PRINCIPAL, principal);
        next.handleRequest(exchange);
    }

    /**
     * Counts the failure and sends 401, or 429 with {@code Retry-After} when the address had
     * already used up its failures. The response is sent here rather than thrown, so a client
     * that repeats a bad credential costs no exception.
     */
    private void reject(HttpServerExchange exchange, String address, Reason reason) {
        ApiException limited = limiter.recordFailureBeyondLimit(address);
        failures.count(reason.name());
        LOG.debug("Rejected credential from {}: {}", address, reason);
        ErrorMapper.send(exchange, limited != null ? limited : new UnauthorizedException(reason.message(), true));
    }

    /**
     * Returns false only when no decoded parameter name can contain a bracket: the raw query has
     * neither {@code [} nor a percent-escape. Most queries skip the loop over the names then.
     */
    private static boolean mayHoldBracketedName(String query) {
        return query == null || query.indexOf('[') >= 0 || query.indexOf('%') >= 0;
    }

    private static void requireAtMostOneCredential(HttpServerExchange exchange) {
        Map<String, Deque<String>> parameters = exchange.getQueryParameters();
        Deque<String> plain = parameters.get(QueryToken.PARAMETER);
        int tokenParameters = plain == null ? 0 : plain.size();
        if (mayHoldBracketedName(exchange.getQueryString())) {
            for (String name : parameters.keySet()) {
                if (!name.equals(QueryToken.PARAMETER) && QueryToken.isTokenParameter(name)) {
                    throw ApiException.badParameter(name, "Parameter '" + name + "' is not allowed: send the token as one plain 'token' parameter");
                }
            }
        }
        HeaderValues authorization = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
        int headers = authorization == null ? 0 : authorization.size();

        if (tokenParameters > 1) {
            throw ApiException.badParameter(QueryToken.PARAMETER,
                    "Parameter 'token' appears " + tokenParameters + " times: send one credential per request");
        }
        if (headers > 1) {
            throw ApiException.badParameter("Authorization",
                    "The Authorization header appears " + headers + " times: send one credential per request");
        }
        if (tokenParameters == 1 && headers == 1) {
            throw ApiException.badParameter(QueryToken.PARAMETER,
                    "Conflicting credentials: send either the 'token' parameter or the Authorization header, not both");
        }
    }
}
