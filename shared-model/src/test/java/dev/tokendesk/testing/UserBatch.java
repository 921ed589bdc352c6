package dev.tokendesk.testing;

import dev.tokendesk.TokenDesk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Inserts many users with one JDBC batch, far faster than the service, which hashes each password.
 *
 * <p>User {@code i} (from 0) is named {@code user} plus {@code i} in six digits, has the email
 * {@code u<i>@mail<i % 7>.example}, was created {@code i} seconds after {@link TestDesks#START},
 * holds the Authenticated role and is blocked when {@code i} is a multiple of 10. The password hash
 * is no valid hash, so these users cannot log in.
 */
public final class UserBatch {

    private static final int BATCH_SIZE = 5_000;

    private UserBatch() {
    }

    /** Inserts users 0 to {@code count - 1} as described above. */
    public static void insert(TokenDesk desk, int count) {
        long roleId = desk.roles().authenticatedRole().id();
        String sql = "INSERT INTO users (document_id, username, username_key, email, email_key, password_hash, role_id,"
                + " blocked, credential_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
        try (Connection connection = desk.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String username = username(i);
                String email = email(i);
                OffsetDateTime created = TestDesks.START.plusSeconds(i).atOffset(ZoneOffset.UTC);
                insert.setString(1, "batch" + i);
                insert.setString(2, username);
                insert.setString(3, username);
                insert.setString(4, email);
                insert.setString(5, email);
                insert.setString(6, "not-a-hash");
                insert.setLong(7, roleId);
                insert.setBoolean(8, i % 10 == 0);
                insert.setObject(9, created);
                insert.setObject(10, created);
                insert.addBatch();
                if ((i + 1) % BATCH_SIZE == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert " + count + " test users", e);
        }
    }

    /** Returns the user name of user {@code i}. */
    public static String username(int i) {
        return String.format("user%06d", i);
    }

    /** Returns the email of user {@code i}. */
    public static String email(int i) {
        return String.format("u%06d@mail%d.example", i, i % 7);
    }
}
