package dev.tokendesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;

/** Every row of every table of a database as text, sorted, so two databases can be compared table by table. */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    /** Reads every table of the H2 file {@code tokendesk.mv.db} in {@code dataDir}; the file must not be open elsewhere. */
    public static Map<String, List<String>> ofH2(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tokendesk") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return of(connection, "PUBLIC");
        }
    }

    /** Reads every table of {@code schema}, sorting the rows of each table by their text. */
    public static Map<String, List<String>> of(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet names = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (names.next()) {
                tables.add(names.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : tables) {
            snapshot.put(table, rows(connection, schema, table));
        }
        return snapshot;
    }

    private static List<String> rows(Connection connection, String schema, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getMetaData().getColumnName(i)).append('=').append(result.getString(i)).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
