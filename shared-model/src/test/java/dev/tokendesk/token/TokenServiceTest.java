package dev.tokendesk.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TokenDesk desk;
    private UserView alice;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir, clock);
        alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void issuedTokenHasFormatAndChecksum() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.READ_ONLY, Expiry.NEVER));

        assertThat(issued.token()).startsWith("tdk_");
        assertThat(issued.token()).hasSize(53);
        assertThat(issued.token()).matches("tdk_[0-9A-Za-z]{49}");
        assertThat(TokenFormat.isWellFormed(issued.token())).isTrue();
        assertThat(issued.view().hint()).isEqualTo("tdk_\u2026" + issued.token().substring(49));
    }

    @Test
    void pastExpiryRejected() {
        TokenRequest past = TokenRequest.of(alice.id(), "late", TokenScope.FULL, new Expiry.At(clock.instant().minusSeconds(1)));
        TokenRequest now = TokenRequest.of(alice.id(), "now", TokenScope.FULL, new Expiry.At(clock.instant()));

        assertThatThrownBy(() -> desk.tokens().issue(past))
                .isInstanceOf(dev.tokendesk.ValidationException.class)
                .hasMessageContaining("is not in the future");
        assertThatThrownBy(() -> desk.tokens().issue(now))
                .isInstanceOf(dev.tokendesk.ValidationException.class);
        assertThat(desk.tokens().list()).isEmpty();
    }

    @Test
    void checksumRejectsOneChangedCharacter() {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        char changed = token.charAt(10) == 'a' ? 'b' : 'a';
        String typo = token.substring(0, 10) + changed + token.substring(11);

        assertThat(TokenFormat.isWellFormed(typo)).isFalse();
        assertThatThrownBy(() -> desk.tokens().verify(typo, "127.0.0.1"))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TOKEN));
    }

    @Test
    void databaseHoldsOnlyTheHash() throws SQLException {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();

        List<String> cells = new ArrayList<>();
        try (Connection connection = desk.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM api_tokens")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getString(i)));
                }
            }
        }

        assertThat(cells).isNotEmpty();
        assertThat(cells).noneMatch(cell -> cell.contains(token));
        assertThat(cells).noneMatch(cell -> cell.contains(token.substring(4, 30)));
        assertThat(cells).contains(new TokenHasher(readKey()).hash(token));
    }

    @Test
    void listShowsHintButNeverTheToken() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));

        List<TokenView> listed = desk.tokens().list();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).toString()).doesNotContain(issued.token());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(listed.get(0).hint()).endsWith(issued.token().substring(49));
    }

    @Test
    void verifyAcceptsActiveToken() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));

        VerifiedToken verified = desk.tokens().verify(issued.token(), "127.0.0.1");

        assertThat(verified.ownerId()).isEqualTo(alice.id());
        assertThat(verified.tokenId()).isEqualTo(issued.view().id());
    }

    @Test
    void verifyRejectsRevokedToken() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));

        desk.tokens().revoke(issued.view().id());

        assertThatThrownBy(() -> desk.tokens().verify(issued.token(), "127.0.0.1"))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED_TOKEN));
    }

    @Test
    void verifyRejectsExpiredTokenAfterReopen() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, new Expiry.After(Duration.ofDays(1))));
        desk.close();
        clock.advance(Duration.ofDays(1));

        desk = TestDesks.open(dataDir, clock);

        assertThatThrownBy(() -> desk.tokens().verify(issued.token(), "127.0.0.1"))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED_TOKEN));
    }

    @Test
    void verifyAcceptsTokenOneSecondBeforeExpiry() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, new Expiry.After(Duration.ofDays(7))));

        clock.advance(Duration.ofDays(7).minusSeconds(1));

        assertThat(desk.tokens().verify(issued.token(), "127.0.0.1").tokenId()).isEqualTo(issued.view().id());
    }

    @Test
    void verifyRejectsTokenOfBlockedUser() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));

        desk.users().setBlocked(alice.id(), true);

        assertThatThrownBy(() -> desk.tokens().verify(issued.token(), "127.0.0.1"))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.USER_BLOCKED));
    }

    @Test
    void lastUsedWritesOncePerWindow() {
        IssuedToken issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));
        long id = issued.view().id();

        desk.lastUsed().record(id, "127.0.0.1");
        int first = desk.lastUsed().flush();
        desk.lastUsed().record(id, "127.0.0.2");
        int second = desk.lastUsed().flush();
        clock.advance(Duration.ofMinutes(1));
        desk.lastUsed().record(id, "127.0.0.3");
        int third = desk.lastUsed().flush();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(third).isEqualTo(1);
        TokenView view = desk.tokens().list().get(0);
        assertThat(view.lastUsedAt()).isEqualTo(TestDesks.START.plus(Duration.ofMinutes(1)));
        assertThat(view.lastUsedIp()).isEqualTo("127.0.0.3");
    }

    private byte[] readKey() {
        try {
            return java.util.Base64.getDecoder().decode(java.nio.file.Files.readString(dataDir.resolve("keys/token-hmac.key")).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
