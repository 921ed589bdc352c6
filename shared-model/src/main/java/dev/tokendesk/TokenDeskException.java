package dev.tokendesk;

/**
 * Base of every failure that TokenDesk's services report to their callers.
 *
 * <p>Subclasses are named after the exact failure and carry the offending value, so the HTTP
 * layer and the console can map each one to a status and a message without parsing text.
 * Messages never contain a secret.
 */
public class TokenDeskException extends RuntimeException {

    public TokenDeskException(String message) {
        super(message);
    }

    public TokenDeskException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception without a stack trace, for a failure caused by the caller's input. Such
     * a failure becomes an error response and is never logged with its trace, and filling in the
     * trace would cost more than the rest of the rejection.
     */
    protected TokenDeskException(String message, boolean stackTrace) {
        super(message, null, true, stackTrace);
    }
}
