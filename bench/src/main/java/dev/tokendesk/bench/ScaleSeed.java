package dev.tokendesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.KeyFiles;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.db.Database;
import dev.tokendesk.db.DocumentIds;
import dev.tokendesk.token.TokenFormat;
import dev.tokendesk.token.TokenHasher;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Grows a data directory that {@link Seed} filled to benchmark scale: {@code USERS} more users,
 * {@code TOKENS} more API tokens spread over them, and {@code ENTRIES} more restaurants, written
 * with JDBC batch inserts instead of the services so that a million rows take minutes, not hours.
 *
 * <p>Rows are what the services would write: tokens carry the real HMAC of a fresh random value
 * under the directory's key, restaurants carry the stored JSON and the index rows of {@code name}
 * and {@code seats}. The only shortcut: every new user shares the password hash of the seeded
 * bench user, since 100,000 Argon2id hashes would take over an hour.
 *
 * <p>Usage: {@code java -cp bench.jar dev.tokendesk.bench.ScaleSeed DATA_DIR USERS TOKENS ENTRIES}
 */
public final class ScaleSeed {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final int BATCH = 5_000;

    private ScaleSeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: ScaleSeed DATA_DIR USERS TOKENS ENTRIES");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        int tokens = Integer.parseInt(args[2]);
        int entries = Integer.parseInt(args[3]);
        TokenDeskConfig config = TokenDeskConfig.defaults(dataDir);
        byte[] key = KeyFiles.loadOrCreate(dataDir.resolve("keys").resolve("token-hmac.key"), TokenDesk.TOKEN_KEY_VARIABLE, Map.of());

        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(Database.jdbcUrl(config), "sa", "")) {
            connection.setAutoCommit(false);
            long firstUser = insertUsers(connection, users);
            insertTokens(connection, new TokenHasher(key), firstUser, users, tokens);
            insertEntries(connection, entries);
        }
        System.err.printf("Added %d users, %d tokens and %d restaurants to %s in %d s%n", users, tokens, entries, dataDir,
                (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static long insertUsers(Connection connection, int count) throws SQLException {
        String passwordHash;
        long roleId;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT password_hash, role_id FROM users WHERE username_key = 'bench'")) {
            row.next();
            passwordHash = row.getString(1);
            roleId = row.getLong(2);
        }
        Timestamp now = Timestamp.from(Instant.now());
        String sql = "INSERT INTO users (document_id, username, username_key, email, email_key, password_hash, role_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long first = -1;
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                String name = "load-user-" + i;
                insert.setString(1, DocumentIds.next());
                insert.setString(2, name);
                insert.setString(3, name);
                insert.setString(4, name + "@example.com");
                insert.setString(5, name + "@example.com");
                insert.setString(6, passwordHash);
                insert.setLong(7, roleId);
                insert.setTimestamp(8, now);
                insert.setTimestamp(9, now);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    insert.executeBatch();
                    if (first < 0) {
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            first = keys.getLong(1);
                        }
                    }
                    connection.commit();
                }
            }
        }
        return first;
    }

    private static void insertTokens(Connection connection, TokenHasher hasher, long firstUser, int users, int count) throws SQLException {
        TokenFormat format = new TokenFormat(new SecureRandom());
        Timestamp now = Timestamp.from(Instant.now());
        String sql = "INSERT INTO api_tokens (user_id, name, token_hash, hash_version, hint, scope, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'full', ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                String token = format.generate();
                insert.setLong(1, firstUser + (i % users));
                insert.setString(2, "load token " + i);
                insert.setString(3, hasher.hash(token));
                insert.setShort(4, (short) TokenHasher.VERSION);
                insert.setString(5, TokenFormat.hintOf(token));
                insert.setTimestamp(6, now);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private static void insertEntries(Connection connection, int count) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode template;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT data FROM content_entries WHERE content_type_uid = ? ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, RESTAURANT);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Run Seed first: the data directory has no restaurant to copy the stored form from");
                }
                template = (ObjectNode) mapper.readTree(row.getString(1));
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        String entrySql = "INSERT INTO content_entries (document_id, content_type_uid, data, created_at, updated_at, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        String valueSql = "INSERT INTO content_values (entry_id, attribute, text_value, number_value) VALUES (?, ?, ?, ?)";
        try (PreparedStatement entry = connection.prepareStatement(entrySql, Statement.RETURN_GENERATED_KEYS);
                PreparedStatement value = connection.prepareStatement(valueSql)) {
            String[] names = new String[BATCH];
            int[] seats = new int[BATCH];
            int inBatch = 0;
            for (int i = 0; i < count; i++) {
                ObjectNode data = template.deepCopy();
                names[inBatch] = "Load restaurant " + i;
                seats[inBatch] = i % 200;
                data.put("name", names[inBatch]);
                data.put("seats", seats[inBatch]);
                entry.setString(1, DocumentIds.next());
                entry.setString(2, RESTAURANT);
                entry.setString(3, mapper.writeValueAsString(data));
                entry.setTimestamp(4, now);
                entry.setTimestamp(5, now);
                entry.setTimestamp(6, now);
                entry.addBatch();
                inBatch++;
                if (inBatch == BATCH || i == count - 1) {
                    entry.executeBatch();
                    try (ResultSet keys = entry.getGeneratedKeys()) {
                        for (int j = 0; keys.next(); j++) {
                            long id = keys.getLong(1);
                            value.setLong(1, id);
                            value.setString(2, "name");
                            value.setString(3, names[j]);
                            value.setNull(4, java.sql.Types.NUMERIC);
                            value.addBatch();
                            value.setLong(1, id);
                            value.setString(2, "seats");
                            value.setNull(3, java.sql.Types.VARCHAR);
                            value.setBigDecimal(4, java.math.BigDecimal.valueOf(seats[j]));
                            value.addBatch();
                        }
                    }
                    value.executeBatch();
                    connection.commit();
                    inBatch = 0;
                }
            }
        }
    }
}
