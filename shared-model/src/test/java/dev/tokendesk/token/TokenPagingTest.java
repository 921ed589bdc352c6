package dev.tokendesk.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.db.Page;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenPagingTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TokenDesk desk;
    private UserView alice;
    private UserView bob;

    @BeforeEach
    void seed() {
        desk = TestDesks.open(dataDir, clock);
        alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
        issue(alice, "alice-read", TokenScope.READ_ONLY, Expiry.NEVER);
        issue(alice, "alice-day", TokenScope.FULL, new Expiry.After(Duration.ofDays(1)));
        long revoked = issue(bob, "bob-gone", TokenScope.FULL, Expiry.NEVER);
        issue(bob, "bob-custom", TokenScope.CUSTOM, Expiry.NEVER);
        desk.tokens().revoke(revoked);
        clock.advance(Duration.ofDays(2));
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void listsAllOldestFirst() {
        Page<TokenView> page = desk.tokens().page(TokenQuery.firstPage(50));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(TokenView::name).containsExactly("alice-read", "alice-day", "bob-gone", "bob-custom");
    }

    @Test
    void filtersByStatusAtCurrentTime() {
        assertThat(names(new TokenQuery(null, "", TokenStatus.ACTIVE, null, 1, 50))).containsExactly("alice-read", "bob-custom");
        assertThat(names(new TokenQuery(null, "", TokenStatus.EXPIRED, null, 1, 50))).containsExactly("alice-day");
        assertThat(names(new TokenQuery(null, "", TokenStatus.REVOKED, null, 1, 50))).containsExactly("bob-gone");
    }

    @Test
    void statusTotalsCountRevokedExpiredOnce() {
        long expiring = issue(bob, "bob-hour", TokenScope.FULL, new Expiry.After(Duration.ofHours(1)));
        desk.tokens().revoke(expiring);
        issue(bob, "bob-week", TokenScope.FULL, new Expiry.After(Duration.ofDays(7)));
        clock.advance(Duration.ofHours(2));

        for (TokenStatus status : TokenStatus.values()) {
            Page<TokenView> page = desk.tokens().page(new TokenQuery(null, "", status, null, 1, 50));
            assertThat(page.total()).as(status.name()).isEqualTo(page.items().size());
        }
        assertThat(desk.tokens().page(new TokenQuery(null, "", TokenStatus.ACTIVE, null, 1, 50)).total()).isEqualTo(3);
        assertThat(desk.tokens().page(new TokenQuery(null, "", TokenStatus.EXPIRED, null, 1, 50)).total()).isEqualTo(1);
        assertThat(desk.tokens().page(new TokenQuery(null, "", TokenStatus.REVOKED, null, 1, 50)).total()).isEqualTo(2);
    }

    @Test
    void filtersByOwnerIdOrName() {
        assertThat(names(new TokenQuery(bob.id(), "", null, null, 1, 50))).containsExactly("bob-gone", "bob-custom");
        assertThat(names(new TokenQuery(null, "LIC", null, null, 1, 50))).containsExactly("alice-read", "alice-day");
    }

    @Test
    void filtersByScope() {
        assertThat(names(new TokenQuery(null, "", null, TokenScope.FULL, 1, 50))).containsExactly("alice-day", "bob-gone");
    }

    @Test
    void combinesFilters() {
        assertThat(names(new TokenQuery(null, "bob", TokenStatus.ACTIVE, TokenScope.CUSTOM, 1, 50))).containsExactly("bob-custom");
        assertThat(names(new TokenQuery(alice.id(), "", TokenStatus.REVOKED, null, 1, 50))).isEmpty();
    }

    @Test
    void pagesInOrder() {
        Page<TokenView> second = desk.tokens().page(new TokenQuery(null, "", null, null, 2, 3));

        assertThat(second.total()).isEqualTo(4);
        assertThat(second.pageCount()).isEqualTo(2);
        assertThat(second.items()).extracting(TokenView::name).containsExactly("bob-custom");
    }

    private java.util.List<String> names(TokenQuery query) {
        return desk.tokens().page(query).items().stream().map(TokenView::name).toList();
    }

    private long issue(UserView owner, String name, TokenScope scope, Expiry expiry) {
        Set<Permission> custom = scope == TokenScope.CUSTOM ? Set.of(new Permission("api::article.article", Action.FIND)) : Set.of();
        return desk.tokens().issue(new TokenRequest(owner.id(), name, null, scope, custom, expiry)).view().id();
    }
}
