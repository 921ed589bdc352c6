package dev.tokendesk.server.security;

import dev.tokendesk.auth.Authenticator;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.token.TokenFormat;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Authenticates {@code Authorization: Bearer <credential>}. The scheme is matched without regard
 * to case and whitespace around the parts is ignored; the credential itself is matched exactly.
 * A {@code tdk_} credential is an API token, anything else must be a JWT.
 */
public final class BearerMechanism implements CredentialMechanism {

    private static final String SCHEME = "Bearer";

    private final Authenticator authenticator;

    public BearerMechanism(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Outcome authenticate(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null) {
            return Outcome.notAttempted();
        }
        String credential = credentialOf(header);
        if (credential.startsWith(TokenFormat.PREFIX)) {
            if (!TokenFormat.isWellFormed(credential)) {
                return Outcome.rejected(Reason.MALFORMED_TOKEN);
            }
            return Outcome.authenticated(authenticator.withApiToken(credential, ClientAddress.of(exchange)));
        }
        return Outcome.authenticated(authenticator.withJwt(credential));
    }

    /**
     * Returns the credential of an Authorization header value.
     *
     * @throws CredentialRejectedException when the scheme is not Bearer, the credential is empty,
     *     or more than one word follows the scheme
     */
    static String credentialOf(String header) {
        String value = header.strip();
        int schemeEnd = 0;
        while (schemeEnd < value.length() && !isSeparator(value.charAt(schemeEnd))) {
            schemeEnd++;
        }
        if (!value.substring(0, schemeEnd).equalsIgnoreCase(SCHEME)) {
            throw new CredentialRejectedException(Reason.UNSUPPORTED_SCHEME);
        }
        String credential = value.substring(schemeEnd).strip();
        if (credential.isEmpty()) {
            throw new CredentialRejectedException(Reason.EMPTY_CREDENTIAL);
        }
        for (int i = 0; i < credential.length(); i++) {
            if (Character.isWhitespace(credential.charAt(i))) {
                throw new CredentialRejectedException(Reason.MALFORMED_HEADER);
            }
        }
        return credential;
    }

    /** Returns whether {@code c} separates the scheme from the credential: space, tab, CR, LF, VT or FF. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
