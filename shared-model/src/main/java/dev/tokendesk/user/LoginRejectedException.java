package dev.tokendesk.user;

import dev.tokendesk.TokenDeskException;

/**
 * A login attempt failed. Wrong password and unknown identifier share {@link Reason#INVALID} and
 * one message, so a caller cannot tell which user names exist.
 */
public class LoginRejectedException extends TokenDeskException {

    /** Why the login failed. */
    public enum Reason {
        INVALID("Invalid identifier or password"),
        BLOCKED("Your account has been blocked by an administrator");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public LoginRejectedException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
