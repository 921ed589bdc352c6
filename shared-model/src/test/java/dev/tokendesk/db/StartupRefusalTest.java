package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.StartupRefusedException;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("h2-only")
class StartupRefusalTest {

    @TempDir
    Path dataDir;

    private Path databaseFile() {
        return dataDir.resolve("tokendesk.mv.db");
    }

    private void createInstallationWithToken() {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            long alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null)).id();
            desk.tokens().issue(TokenRequest.of(alice, "ci", TokenScope.READ_ONLY, Expiry.NEVER));
        }
    }

    @Test
    void damagedDatabaseFileIsKept() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(8).nextBytes(garbage);
        Files.write(databaseFile(), garbage);

        assertThatThrownBy(() -> TestDesks.open(dataDir))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("is damaged or is not an H2 database")
                .hasMessageContaining("tokendesk restore");
        assertThat(Files.readAllBytes(databaseFile())).isEqualTo(garbage);
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void truncatedDatabaseFileIsKept() throws IOException {
        createInstallationWithToken();
        byte[] whole = Files.readAllBytes(databaseFile());
        byte[] truncated = java.util.Arrays.copyOf(whole, 100);
        Files.write(databaseFile(), truncated);

        assertThatThrownBy(() -> TestDesks.open(dataDir))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(databaseFile())).isEqualTo(truncated);
    }

    @Test
    void foreignH2DatabaseIsKept() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("tokendesk");
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INT PRIMARY KEY, total DECIMAL(10, 2))");
            statement.execute("INSERT INTO invoices VALUES (1, 99.50)");
        }
        byte[] before = Files.readAllBytes(databaseFile());

        assertThatThrownBy(() -> TestDesks.open(dataDir))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("is not a TokenDesk database")
                .hasMessageContaining("INVOICES");
        assertThat(Files.readAllBytes(databaseFile())).isEqualTo(before);
    }

    @Test
    void missingTokenKeyWithTokensIsNotReplaced() throws IOException {
        createInstallationWithToken();
        Path keyFile = dataDir.resolve("keys/token-hmac.key");
        Files.delete(keyFile);
        byte[] database = Files.readAllBytes(databaseFile());

        assertThatThrownBy(() -> TestDesks.open(dataDir))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("token key file " + keyFile + " is missing")
                .hasMessageContaining("1 API token(s)")
                .hasMessageContaining("can no longer be verified");
        assertThat(keyFile).doesNotExist();
        assertThat(Files.readAllBytes(databaseFile())).isEqualTo(database);
    }

    @Test
    void missingTokenKeyWithoutTokensIsCreated() throws IOException {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        }
        Files.delete(dataDir.resolve("keys/token-hmac.key"));

        try (TokenDesk desk = TestDesks.open(dataDir)) {
            assertThat(desk.users().list()).hasSize(1);
        }
        assertThat(dataDir.resolve("keys/token-hmac.key")).exists();
    }

    @Test
    void groupReadableKeyFileIsRejected() throws IOException {
        createInstallationWithToken();
        Path keyFile = dataDir.resolve("keys/jwt-secret.key");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        byte[] key = Files.readAllBytes(keyFile);

        assertThatThrownBy(() -> TestDesks.open(dataDir))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("accessible to other users (permissions rw-r-----)")
                .hasMessageContaining("chmod 600 " + keyFile);
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
    }

    @Test
    void dataDirectoryThatIsFileIsRejected() throws IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "text");

        assertThatThrownBy(() -> TestDesks.open(file))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("is not a directory");
        assertThat(Files.readString(file)).isEqualTo("text");
    }
}
