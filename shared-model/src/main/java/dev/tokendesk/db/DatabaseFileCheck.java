package dev.tokendesk.db;

import dev.tokendesk.config.StartupRefusedException;
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
        if (!Files.isRegularFile(file)) {
            throw new StartupRefusedException("The database path " + file + " is not a regular file. Move it away. "
                    + StartupRefusedException.RESTORE_HINT);
        }
        String url = "jdbc:h2:file:" + dataDir.resolve(Database.H2_FILE_NAME) + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
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
