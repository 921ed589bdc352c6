package dev.tokendesk.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.audit.AuditEntry;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLifecycleTest {

    private static final String LOCAL = "127.0.0.1";

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

    private IssuedToken issue() {
        return desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.READ_ONLY, Expiry.parse("30d")));
    }

    private Reason rejection(String token) {
        try {
            desk.tokens().verify(token, LOCAL);
            return null;
        } catch (CredentialRejectedException e) {
            return e.reason();
        }
    }

    @Test
    void regenerateWithoutGraceEndsOldValue() {
        IssuedToken original = issue();

        IssuedToken regenerated = desk.tokens().regenerate(original.view().id(), Duration.ZERO);

        assertThat(regenerated.token()).isNotEqualTo(original.token());
        assertThat(regenerated.view().id()).isEqualTo(original.view().id());
        assertThat(regenerated.view().scope()).isEqualTo(TokenScope.READ_ONLY);
        assertThat(regenerated.view().expiresAt()).isEqualTo(original.view().expiresAt());
        assertThat(rejection(original.token())).isEqualTo(Reason.UNKNOWN_TOKEN);
        assertThat(rejection(regenerated.token())).isNull();
    }

    @Test
    void regenerateWithGraceKeepsOldValueUntilItEnds() {
        IssuedToken original = issue();

        IssuedToken regenerated = desk.tokens().regenerate(original.view().id(), Duration.ofHours(2));
        Reason during = rejection(original.token());
        clock.advance(Duration.ofHours(2));
        Reason after = rejection(original.token());

        assertThat(regenerated.view().previousValidUntil()).isEqualTo(TestDesks.START.plus(Duration.ofHours(2)));
        assertThat(during).isNull();
        assertThat(after).isEqualTo(Reason.SUPERSEDED_TOKEN);
        assertThat(rejection(regenerated.token())).isNull();
    }

    @Test
    void secondRegenerationEndsFirstValue() {
        IssuedToken original = issue();

        IssuedToken second = desk.tokens().regenerate(original.view().id(), Duration.ofHours(1));
        desk.tokens().regenerate(original.view().id(), Duration.ofHours(1));

        assertThat(rejection(original.token())).isEqualTo(Reason.UNKNOWN_TOKEN);
        assertThat(rejection(second.token())).isNull();
    }

    @Test
    void revokeEndsGracePeriodValueToo() {
        IssuedToken original = issue();
        IssuedToken regenerated = desk.tokens().regenerate(original.view().id(), Duration.ofHours(1));

        desk.tokens().revoke(original.view().id());

        assertThat(rejection(original.token())).isEqualTo(Reason.REVOKED_TOKEN);
        assertThat(rejection(regenerated.token())).isEqualTo(Reason.REVOKED_TOKEN);
    }

    @Test
    void gracePeriodOutsideRangeIsRejected() {
        long id = issue().view().id();

        assertThatThrownBy(() -> desk.tokens().regenerate(id, Duration.ofHours(25))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("24 hours");
        assertThatThrownBy(() -> desk.tokens().regenerate(id, Duration.ofMinutes(-1))).isInstanceOf(ValidationException.class);
    }

    @Test
    void allowListAcceptsOnlyListedAddresses() {
        IssuedToken token = desk.tokens().issue(new TokenRequest(alice.id(), "office", null, TokenScope.FULL, Set.of(), Expiry.NEVER,
                IpAllowList.parse("10.1.0.0/16, 2001:db8::/32, 127.0.0.1")));

        assertThat(desk.tokens().verify(token.token(), "10.1.200.3").tokenId()).isEqualTo(token.view().id());
        assertThat(desk.tokens().verify(token.token(), "2001:db8:ffff::1").tokenId()).isEqualTo(token.view().id());
        assertThat(desk.tokens().verify(token.token(), "::ffff:127.0.0.1").tokenId()).isEqualTo(token.view().id());
        assertThatThrownBy(() -> desk.tokens().verify(token.token(), "10.2.0.1"))
                .isInstanceOf(AddressNotAllowedException.class)
                .hasMessageContaining("10.2.0.1")
                .hasMessageNotContaining(token.token());
        assertThatThrownBy(() -> desk.tokens().verify(token.token(), "2001:db9::1")).isInstanceOf(AddressNotAllowedException.class);
        assertThat(token.view().allowedIps()).isEqualTo("10.1.0.0/16, 2001:db8::/32, 127.0.0.1");
    }

    @Test
    void allowListRejectsHostNamesAndBadPrefixes() {
        for (String bad : List.of("example.com", "10.0.0.0/33", "::1/129", "10.0.0.256", "1.2.3.4/x")) {
            assertThatThrownBy(() -> IpAllowList.parse(bad)).as(bad)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void auditRecordsTokenActionsWithoutSecrets() {
        IssuedToken token = issue();
        IssuedToken regenerated = desk.tokens().regenerate(token.view().id(), Duration.ZERO);
        desk.tokens().revoke(token.view().id());

        List<AuditEntry> events = desk.audit().list(10, "token");

        assertThat(events).extracting(AuditEntry::action).containsExactly("token.revoked", "token.regenerated", "token.issued");
        assertThat(events).allSatisfy(event -> assertThat(event.actor()).isEqualTo("console"));
        assertThat(events).allSatisfy(event -> assertThat(event.targetId()).isEqualTo(Long.toString(token.view().id())));
        assertThat(events.toString()).doesNotContain(token.token()).doesNotContain(regenerated.token());
    }

    @Test
    void auditRecordsUserAndRoleActions() {
        desk.users().setBlocked(alice.id(), true);
        desk.users().setBlocked(alice.id(), false);
        desk.users().changePassword(alice.id(), "Alice-Pass-2");
        desk.roles().create("Editor", null);
        desk.users().delete(alice.id());

        List<AuditEntry> events = desk.audit().list(10, null);

        assertThat(events).extracting(AuditEntry::action).containsExactly("user.deleted", "role.created", "user.password_changed",
                "user.unblocked", "user.blocked", "user.created");
        assertThat(events.toString()).doesNotContain("Alice-Pass");
        assertThat(events.get(0).targetLabel()).isEqualTo("alice");
    }

    @Test
    void failureCountsArePersistedPerReason() {
        desk.authFailures().count("UNKNOWN_TOKEN");
        desk.authFailures().count("UNKNOWN_TOKEN");
        desk.authFailures().count("EXPIRED_JWT");
        desk.authFailures().flush();
        desk.authFailures().count("UNKNOWN_TOKEN");
        desk.close();

        desk = TestDesks.open(dataDir, clock);

        assertThat(desk.authFailures().totals()).containsEntry("UNKNOWN_TOKEN", 3L).containsEntry("EXPIRED_JWT", 1L);
    }
}
