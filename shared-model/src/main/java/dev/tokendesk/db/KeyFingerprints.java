package dev.tokendesk.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Compares the fingerprint of a key kept outside the database with the one stored by the first
 * instance that used the database. A fingerprint is a one-way value derived from the key (for
 * example its HMAC of a fixed label), never the key itself.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyFingerprints {

    private KeyFingerprints() {
    }

    /**
     * Stores {@code fingerprint} under {@code name} if the database has none yet, and returns
     * whether the stored fingerprint equals {@code fingerprint}.
     *
     * @throws DatabaseUnavailableException when the table cannot be read or written
     */
    public static boolean matchesOrStore(Database database, String name, String fingerprint) {
        try (Connection connection = database.dataSource().getConnection()) {
            String stored = read(connection, name);
            if (stored == null) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO installation_keys (name, fingerprint) VALUES (?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, fingerprint);
                    insert.executeUpdate();
                    connection.commit();
                    return true;
                } catch (SQLException e) {
                    // Another instance that started at the same moment stored its fingerprint first.
                    connection.rollback();
                    stored = read(connection, name);
                }
            }
            connection.commit();
            return fingerprint.equals(stored);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot check the key fingerprint " + name + ": " + e.getMessage(), e);
        }
    }

    private static String read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT fingerprint FROM installation_keys WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
