package dev.tokendesk.server.security;

import dev.tokendesk.auth.Principal;
import io.undertow.server.HttpServerExchange;

/**
 * One way a request can present a credential. Each mechanism looks only at its own part of the
 * request and reports one of three outcomes; {@link AuthenticationHandler} enforces them.
 */
public interface CredentialMechanism {

    /**
     * Authenticates the request.
     *
     * @return {@link Outcome#notAttempted()} when the request does not use this mechanism,
     *     otherwise the principal
     * @throws dev.tokendesk.auth.CredentialRejectedException when the credential is presented but not valid
     */
    Outcome authenticate(HttpServerExchange exchange);

    /** Result of a mechanism: not attempted, or authenticated as a principal. */
    record Outcome(Principal principal) {

        private static final Outcome NOT_ATTEMPTED = new Outcome(null);

        public static Outcome notAttempted() {
            return NOT_ATTEMPTED;
        }

        public static Outcome authenticated(Principal principal) {
            return new Outcome(principal);
        }

        public boolean attempted() {
            return principal != null;
        }
    }
}
