package dev.tokendesk.backup;

import dev.tokendesk.TokenDeskException;

/** A backup or restore failed or was rejected; the message names the file or directory and what to do. */
public class BackupException extends TokenDeskException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
