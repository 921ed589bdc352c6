package dev.tokendesk.db;

import dev.tokendesk.TokenDeskException;

/** The database cannot be opened or migrated; the message says which one and what to do. */
public class DatabaseUnavailableException extends TokenDeskException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
