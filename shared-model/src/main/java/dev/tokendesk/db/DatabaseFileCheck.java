package dev.tokendesk.db;

import dev.tokendesk.config.StartupRefusedException;
import dev.tokendesk.config.TokenDeskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.h2.api.ErrorCode;

/**
 * Checks an existing H2 file before the pool opens it for writing: a file that H2 cannot read, or
 * an H2 database with tables but no TokenDesk schema history, is rejected with a
 * {@link StartupRefusedException}. The check opens the file read-only, so a rejected file keeps
 * its bytes.
 */
final class DatabaseFileCheck {

    private static final String HISTORY_TABLE = "flyway_schema_history";

    private DatabaseFileCheck() {
    }

    static void check(Path dataDir) {
        Path file = dataDir.resolve(Database.H2_FILE_NAME + ".mv.db");
        if (!Files.exists(file)) {
            return;
        }
        if (isOpenElsewhere(dataDir)) {
            // NOTE: a lock file left behind by a killed process also skips this check; H2 itself detects that the lock is stale.
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StartupRefusedException("The database path " + file + " is not a regular file. Move it away. "
                    + StartupRefusedException.RESTORE_HINT);
        }
        try (Connection connection = DriverManager.getConnection(readOnlyUrl(dataDir), "sa", "")) {
            List<String> tables = publicTables(connection);
            boolean hasHistory = tables.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(HISTORY_TABLE));
            if (!tables.isEmpty() && !hasHistory) {
                throw foreign(file, "it contains the tables " + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                        + " but no TokenDesk schema history");
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                // Another TokenDesk process has the file open and checked it; the pool connects through its AUTO_SERVER.
                return;
            }
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw foreign(file, "it belongs to another program (H2 rejected TokenDesk's user)");
            }
            throw new StartupRefusedException("The database file " + file + " is damaged or is not an H2 database: " + e.getMessage()
                    + ". TokenDesk did not change it. " + StartupRefusedException.RESTORE_HINT, e);
        }
    }

    static long countRows(TokenDeskConfig config, String table) {
        String url;
        String user = config.dbUser();
        String password = config.dbPassword();
        if (config.usesEmbeddedDatabase()) {
            if (!Files.exists(config.dataDir().resolve(Database.H2_FILE_NAME + ".mv.db"))) {
                return 0;
            }
            if (isOpenElsewhere(config.dataDir())) {
                return countThroughOwner(config, table);
            }
            url = readOnlyUrl(config.dataDir());
            user = "sa";
            password = "";
        } else {
            url = config.dbUrl();
        }
        try {
            return count(url, user, password, table);
        } catch (SQLException e) {
            if (config.usesEmbeddedDatabase() && e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return countThroughOwner(config, table);
            }
            throw new DatabaseUnavailableException("Cannot read the " + where(config) + " to count its " + table + ": " + e.getMessage(), e);
        }
    }

    private static long countThroughOwner(TokenDeskConfig config, String table) {
        try {
            return count(Database.jdbcUrl(config), "sa", "", table);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot count the rows of " + table + " in " + where(config) + ": " + e.getMessage(), e);
        }
    }

    /** Seconds that a PostgreSQL server gets to accept the connection and the login. Without a limit, a server that never responds would stall the start. */
    static final int POSTGRES_LOGIN_TIMEOUT_SECONDS = 10;

    private static long count(String url, String user, String password, String table) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("loginTimeout", Integer.toString(POSTGRES_LOGIN_TIMEOUT_SECONDS));
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!hasTable(connection, table)) {
                return 0;
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String where(TokenDeskConfig config) {
        return config.usesEmbeddedDatabase() ? "data directory " + config.dataDir() : "database " + config.dbUrl();
    }

    /**
     * Returns whether H2's lock file exists: with AUTO_SERVER the process that has the file open
     * keeps it there, and a read-only open could see that process's writes half done.
     */
    private static boolean isOpenElsewhere(Path dataDir) {
        return Files.exists(dataDir.resolve(Database.H2_FILE_NAME + ".lock.db"));
    }

    private static String readOnlyUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve(Database.H2_FILE_NAME) + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE";
    }

    private static List<String> publicTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static StartupRefusedException foreign(Path file, String reason) {
        return new StartupRefusedException("The database file " + file + " is not a TokenDesk database: " + reason
                + ". TokenDesk did not change it. Point --data-dir at TokenDesk's own data directory. " + StartupRefusedException.RESTORE_HINT);
    }
}
