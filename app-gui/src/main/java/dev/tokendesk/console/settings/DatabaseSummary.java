package dev.tokendesk.console.settings;

import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.db.Database;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts the Settings screen shows about the database in use, without any credential. They are
 * the H2 file or PostgreSQL URL, the user, whether a password is set, whether the console runs its
 * own API server, and whether the token key matches the database.
 *
 * @param embedded whether the database is the H2 file in the data directory
 * @param location the H2 file's path, or the JDBC URL without user name or password
 * @param user the database user, or {@code ""} when none is configured
 * @param passwordSet whether a database password is configured; the password itself is never kept here
 * @param ownServer whether the console starts its own API server, false when started with {@code --no-server}
 * @param tokenKeyMatches whether the token key is the one the database was first used with
 */
public record DatabaseSummary(boolean embedded, String location, String user, boolean passwordSet, boolean ownServer,
                              boolean tokenKeyMatches) {

    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)([?&;])(password|user)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");
    private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&;]user=([^&;]*)");

    /** Summarises {@code config} for a console that was started with or without its own API server. */
    public static DatabaseSummary of(TokenDeskConfig config, boolean ownServer, boolean tokenKeyMatches) {
        if (config.usesEmbeddedDatabase()) {
            String file = config.dataDir().resolve(Database.H2_FILE_NAME + ".mv.db").toString();
            return new DatabaseSummary(true, file, "", false, ownServer, tokenKeyMatches);
        }
        String user = config.dbUser() != null ? config.dbUser() : userInUrl(config.dbUrl());
        boolean passwordSet = config.dbPassword() != null && !config.dbPassword().isEmpty();
        return new DatabaseSummary(false, withoutCredentials(config.dbUrl()), user, passwordSet, ownServer, tokenKeyMatches);
    }

    /** Returns the {@code user=} parameter of a JDBC URL, or {@code ""} when it has none. */
    static String userInUrl(String url) {
        Matcher matcher = USER_PARAMETER.matcher(url);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Removes {@code user=} and {@code password=} parameters and {@code user:password@} from a JDBC URL. */
    static String withoutCredentials(String url) {
        String stripped = CREDENTIAL_PARAMETER.matcher(url).replaceAll("$1");
        stripped = USER_INFO.matcher(stripped).replaceAll("//");
        return stripped.replaceAll("[?&;]+$", "").replace("?&", "?").replace("&&", "&");
    }

    /** Returns the kind of database, such as {@code Embedded H2 file}. */
    public String kindText() {
        return embedded ? "Embedded H2 file" : "PostgreSQL";
    }

    /** Returns the user for display: the configured name, or a note that there is none. */
    public String userText() {
        if (embedded) {
            return "Not needed for the embedded file";
        }
        return user.isEmpty() ? "None configured" : user;
    }

    /** Returns whether a password is set, for display. The password itself is never part of the text. */
    public String passwordText() {
        if (embedded) {
            return "Not needed for the embedded file";
        }
        return passwordSet ? "Set (not shown)" : "Not set";
    }

    /** Returns whether this console starts its own API server, for display. */
    public String serverText() {
        return ownServer ? "This console runs its own API server"
                : "Started with --no-server: the API server starts only from the Dashboard";
    }

    /** Returns a warning when the token key does not match the database, otherwise empty. */
    public String tokenKeyWarning() {
        return tokenKeyMatches ? ""
                : "The token key of this console differs from the key the database was first used with: tokens issued by "
                        + "instances with the other key are rejected here. Set the same TOKENDESK_TOKEN_KEY on every instance.";
    }
}
