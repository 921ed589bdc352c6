package dev.tokendesk.server.security;

import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.auth.Principal;
import io.undertow.server.HttpServerExchange;
import java.util.EnumMap;
import java.util.Map;

/**
 * One way a request can present a credential. Each mechanism looks only at its own part of the
 * request and reports one of three outcomes; {@link AuthenticationHandler} enforces them.
 */
public interface CredentialMechanism {

    /**
     * Authenticates the request.
     *
     * @return {@link Outcome#notAttempted()} when the request does not use this mechanism, a
     *     rejection when the credential fails a check that needs no lookup (such as its format),
     *     otherwise the principal
     * @throws dev.tokendesk.auth.CredentialRejectedException when a lookup rejects the presented credential
     */
    Outcome authenticate(HttpServerExchange exchange);

    /**
     * Result of a mechanism: not attempted, rejected for a reason, or authenticated as a
     * principal. A rejection is returned rather than thrown because clients that repeat a bad
     * credential make it as frequent as success, and unwinding an exception through the handler
     * chain cost a third of such a request.
     */
    record Outcome(Principal principal, Reason rejection) {

        private static final Outcome NOT_ATTEMPTED = new Outcome(null, null);
        private static final Map<Reason, Outcome> REJECTIONS = new EnumMap<>(Reason.class);

        static {
            for (Reason reason : Reason.values()) {
                REJECTIONS.put(reason, new Outcome(null, reason));
            }
        }

        public static Outcome notAttempted() {
            return NOT_ATTEMPTED;
        }

        public static Outcome rejected(Reason reason) {
            return REJECTIONS.get(reason);
        }

        public static Outcome authenticated(Principal principal) {
            return new Outcome(principal, null);
        }

        public boolean attempted() {
            return principal != null || rejection != null;
        }
    }
}
