package dev.tokendesk.auth;

import dev.tokendesk.TokenDeskException;

/**
 * A presented API token or JWT is not accepted. The HTTP layer responds with 401 and never falls back
 * to the Public role. The message names the reason and never the credential.
 */
public class CredentialRejectedException extends TokenDeskException {

    /** Reason for rejecting a credential, also used as the key under which failures are counted. */
    public enum Reason {
        MALFORMED_TOKEN("Invalid API token: it does not have the tdk_ format or its checksum does not match"),
        UNKNOWN_TOKEN("Invalid API token"),
        REVOKED_TOKEN("The API token has been revoked"),
        EXPIRED_TOKEN("The API token has expired"),
        SUPERSEDED_TOKEN("The API token was regenerated and this value is no longer valid"),
        INVALID_JWT("Invalid JWT"),
        EXPIRED_JWT("The JWT has expired"),
        OUTDATED_JWT("The JWT is no longer valid: the user's password changed, or they were signed out or blocked; log in again"),
        USER_NOT_FOUND("The user of this credential no longer exists"),
        USER_BLOCKED("The user of this credential is blocked"),
        EMPTY_CREDENTIAL("The Authorization header has no credential"),
        UNSUPPORTED_SCHEME("The Authorization header must use the Bearer scheme"),
        MALFORMED_HEADER("The Authorization header must be 'Bearer' followed by exactly one credential");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public CredentialRejectedException(Reason reason) {
        // Rejections are routine (every bad token in a request), and the reason describes each fully.
        super(reason.message, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
