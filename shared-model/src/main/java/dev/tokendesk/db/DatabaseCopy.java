package dev.tokendesk.db;

import dev.tokendesk.TokenDeskException;
import dev.tokendesk.config.TokenDeskConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Copies an H2 installation into an empty PostgreSQL database. The schema comes from the same
 * Flyway migrations. Then every row of every table (users, roles, tokens, content, audit,
 * counters) is copied with its id in one transaction on the target, and the row count of every
 * table is compared before the commit.
 *
 * <p>The key files stay in the data directory: the new instances need the same token HMAC key
 * and JWT secret, or the copied tokens and sessions are rejected.
 */
public final class DatabaseCopy {

    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final int BATCH_SIZE = 500;

    /** Rows of one table in the source and in the target after the copy. */
    public record TableCount(String table, long source, long target) {

        public boolean matches() {
            return source == target;
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Copies the installation of {@code source} into the PostgreSQL database of {@code target}.
     *
     * @return the row count of every copied table, in copy order
     * @throws TokenDeskException when the source is not an H2 installation, the target is not empty
     *     or a count differs after the copy
     * @throws DatabaseUnavailableException when either database cannot be opened
     */
    public static List<TableCount> copy(TokenDeskConfig source, TokenDeskConfig target) {
        if (!source.usesEmbeddedDatabase() || target.usesEmbeddedDatabase()) {
            throw new TokenDeskException("migrate copies the H2 database of a data directory into PostgreSQL; "
                    + "the source must be a data directory and the target a --to-db-url");
        }
        requireEmpty(target);

        try (Database from = Database.open(source, Entities.ALL); Database to = Database.open(target, Entities.ALL);
             Connection reader = from.dataSource().getConnection(); Connection writer = to.dataSource().getConnection()) {
            List<String> tables = tablesInCopyOrder(writer);
            for (int i = tables.size() - 1; i >= 0; i--) {
                try (Statement delete = writer.createStatement()) {
                    // The migrations seed rows (the built-in roles, the change counters) that the source has too.
                    delete.executeUpdate("DELETE FROM " + tables.get(i));
                }
            }
            for (String table : tables) {
                List<String> columns = copyTable(reader, writer, table);
                if (columns.contains("id")) {
                    restartIdentity(writer, table);
                }
            }
            List<TableCount> counts = new ArrayList<>();
            for (String table : tables) {
                counts.add(new TableCount(table, count(reader, table), count(writer, table)));
            }
            List<TableCount> differing = counts.stream().filter(count -> !count.matches()).toList();
            if (!differing.isEmpty()) {
                writer.rollback();
                throw new TokenDeskException("Row counts differ after the copy, so no row was committed: " + differing
                        + ". The schema stays, so drop and create the database again before the next try.");
            }
            writer.commit();
            return counts;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Copy into " + target.dbUrl() + " failed: " + e.getMessage()
                    + ". The copied rows were rolled back but the schema stays, so drop and create the database again before the next try.", e);
        }
    }

    private static void requireEmpty(TokenDeskConfig target) {
        Properties credentials = new Properties();
        if (target.dbUser() != null) {
            credentials.setProperty("user", target.dbUser());
        }
        if (target.dbPassword() != null) {
            credentials.setProperty("password", target.dbPassword());
        }
        try (Connection connection = DriverManager.getConnection(target.dbUrl(), credentials);
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            if (!names.isEmpty()) {
                throw new TokenDeskException("The database " + target.dbUrl() + " is not empty: it has " + names.size()
                        + " tables, for example " + names.get(0) + ". migrate copies only into an empty database; create a new one.");
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot open the database " + target.dbUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Lists the target's tables so that every table comes after the tables its foreign keys reference. */
    private static List<String> tablesInCopyOrder(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (ResultSet tables = metaData.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(HISTORY_TABLE)) {
                    references.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
            try (ResultSet keys = metaData.getImportedKeys(null, schema, entry.getKey())) {
                while (keys.next()) {
                    String referenced = keys.getString("PKTABLE_NAME");
                    if (!referenced.equals(entry.getKey())) {
                        entry.getValue().add(referenced);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            int before = ordered.size();
            references.forEach((table, referenced) -> {
                if (!ordered.contains(table) && ordered.containsAll(referenced)) {
                    ordered.add(table);
                }
            });
            if (ordered.size() == before) {
                throw new SQLException("Cannot order the tables " + references.keySet() + " because their foreign keys form a cycle");
            }
        }
        return ordered;
    }

    /** Copies every row of {@code table} and returns its column names. */
    private static List<String> copyTable(Connection reader, Connection writer, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (Statement statement = writer.createStatement(); ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData metaData = empty.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(metaData.getColumnName(i));
                types.add(metaData.getColumnType(i));
            }
        }
        String columnList = String.join(", ", columns);
        String placeholders = String.join(", ", columns.stream().map(column -> "?").toList());
        String order = columns.contains("id") ? " ORDER BY id" : "";
        try (Statement select = reader.createStatement();
             ResultSet rows = select.executeQuery("SELECT " + columnList + " FROM " + table + order);
             PreparedStatement insert = writer.prepareStatement("INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ")")) {
            int batched = 0;
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = read(rows, i + 1, types.get(i));
                    if (value == null) {
                        insert.setNull(i + 1, types.get(i));
                    } else {
                        insert.setObject(i + 1, value);
                    }
                }
                insert.addBatch();
                if (++batched == BATCH_SIZE) {
                    insert.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        return columns;
    }

    /** Reads a source value in the form that the target column's JDBC type takes, because H2 would otherwise return its own CLOB and time classes. */
    private static Object read(ResultSet rows, int index, int targetType) throws SQLException {
        Object value = switch (targetType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> rows.getString(index);
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> rows.getObject(index, OffsetDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(index);
            default -> rows.getObject(index);
        };
        return rows.wasNull() ? null : value;
    }

    /** Moves the identity of {@code table}'s id column past the copied ids, so new rows do not collide with them. */
    private static void restartIdentity(Connection writer, String table) throws SQLException {
        String sequence;
        try (PreparedStatement find = writer.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            find.setString(1, table);
            try (ResultSet result = find.executeQuery()) {
                result.next();
                sequence = result.getString(1);
            }
        }
        if (sequence == null) {
            return;
        }
        try (PreparedStatement move = writer.prepareStatement("SELECT setval(?, COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)")) {
            move.setString(1, sequence);
            move.execute();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
