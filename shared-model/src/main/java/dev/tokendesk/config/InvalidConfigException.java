package dev.tokendesk.config;

import dev.tokendesk.TokenDeskException;

/** A configuration value that cannot be used; the message names the key, its source and the value. */
public class InvalidConfigException extends TokenDeskException {

    public InvalidConfigException(String message) {
        super(message);
    }
}
