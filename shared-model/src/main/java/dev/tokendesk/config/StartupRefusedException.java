package dev.tokendesk.config;

import dev.tokendesk.TokenDeskException;

/**
 * The installation cannot be opened safely as it is: a damaged or foreign database file, a missing
 * or exposed key file, or a data directory this process cannot use. The message names what is wrong
 * and how to recover; nothing in the data directory was changed.
 */
public class StartupRefusedException extends TokenDeskException {

    /** Recovery advice shared by the messages that point at a backup. */
    public static final String RESTORE_HINT = "To recover, restore a backup into a new data directory with "
            + "'tokendesk restore BACKUP_FILE --data-dir NEW_DIR' and start with --data-dir NEW_DIR.";

    public StartupRefusedException(String message) {
        super(message);
    }

    public StartupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
