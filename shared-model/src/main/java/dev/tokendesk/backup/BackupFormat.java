package dev.tokendesk.backup;

/** Names of the entries of a backup file; restore accepts only these names. */
final class BackupFormat {

    static final String MANIFEST = "tokendesk-backup.properties";
    static final String DATABASE = "tokendesk.mv.db";
    static final String TOKEN_KEY = "keys/token-hmac.key";
    static final String JWT_KEY = "keys/jwt-secret.key";
    static final String VERSION = "1";

    private BackupFormat() {
    }
}
