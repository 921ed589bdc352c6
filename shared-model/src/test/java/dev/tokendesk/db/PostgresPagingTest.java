package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.ConflictException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestPostgres;
import dev.tokendesk.testing.UserBatch;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenQuery;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserQuery;
import dev.tokendesk.user.UserSort;
import dev.tokendesk.user.UserView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paged user and token queries and the role changes of the console, on a real PostgreSQL 14. */
class PostgresPagingTest {

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    @Test
    void usersSearchedSortedAndPaged() {
        try (TokenDesk desk = TestPostgres.openFreshDatabase(postgres, dataDir)) {
            UserBatch.insert(desk, 2_000);

            Page<UserView> search = desk.users().page(new UserQuery("USER00120", UserSort.USERNAME, true, 2, 5));
            Page<UserView> newest = desk.users().page(new UserQuery("", UserSort.CREATED, false, 1, 1));
            Page<UserView> literal = desk.users().page(new UserQuery("user_", UserSort.EMAIL, true, 1, 5));

            assertThat(search.total()).isEqualTo(10);
            assertThat(search.items()).extracting(UserView::username)
                    .containsExactly("user001205", "user001206", "user001207", "user001208", "user001209");
            assertThat(newest.items().get(0).username()).isEqualTo(UserBatch.username(1_999));
            assertThat(literal.total()).isZero();
            assertThat(desk.users().page(new UserQuery("", UserSort.STATUS, false, 1, 10)).items()).allMatch(UserView::blocked);
            assertThat(desk.users().page(new UserQuery("", UserSort.ROLE, true, 1, 1)).total()).isEqualTo(2_000);
        }
    }

    @Test
    void tokensFilteredByStatusOwnerAndScope() {
        try (TokenDesk desk = TestPostgres.openFreshDatabase(postgres, dataDir)) {
            UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            desk.tokens().issue(TokenRequest.of(alice.id(), "kept", TokenScope.READ_ONLY, Expiry.NEVER));
            long gone = desk.tokens().issue(TokenRequest.of(alice.id(), "gone", TokenScope.FULL, Expiry.NEVER)).view().id();
            desk.tokens().revoke(gone);

            Page<TokenView> active = desk.tokens().page(new TokenQuery(null, "ALI", TokenStatus.ACTIVE, TokenScope.READ_ONLY, 1, 10));
            Page<TokenView> revoked = desk.tokens().page(new TokenQuery(alice.id(), "", TokenStatus.REVOKED, null, 1, 10));

            assertThat(active.items()).extracting(TokenView::name).containsExactly("kept");
            assertThat(revoked.items()).extracting(TokenView::name).containsExactly("gone");
        }
    }

    @Test
    void rolesRenamedAndDeleted() {
        try (TokenDesk desk = TestPostgres.openFreshDatabase(postgres, dataDir)) {
            desk.roles().create("Editors", null);
            desk.roles().create("Spare", null);
            desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", "Editors"));

            desk.roles().rename("Editors", "Writers");
            desk.roles().delete("Spare");

            assertThat(desk.users().findByIdentifier("carol").roleName()).isEqualTo("Writers");
            assertThatThrownBy(() -> desk.roles().delete("Writers")).isInstanceOf(ConflictException.class);
            assertThat(desk.roles().list()).hasSize(3);
        }
    }
}
