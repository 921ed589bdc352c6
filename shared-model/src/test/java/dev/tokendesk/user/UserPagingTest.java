package dev.tokendesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.db.Page;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.UserBatch;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Search, sort and paging of users in SQL, on 100,000 users inserted once for the whole class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPagingTest {

    private static final int USERS = 100_000;

    private TokenDesk desk;

    @BeforeAll
    void insertUsers(@TempDir Path dataDir) {
        desk = TestDesks.open(dataDir);
        UserBatch.insert(desk, USERS);
    }

    @AfterAll
    void closeDesk() {
        desk.close();
    }

    @Test
    void countsEveryUser() {
        assertThat(desk.users().count()).isEqualTo(USERS);
    }

    @Test
    void firstPageSortedByUsername() {
        Page<UserView> page = desk.users().page(UserQuery.firstPage(50));

        assertThat(page.total()).isEqualTo(USERS);
        assertThat(page.pageCount()).isEqualTo(2_000);
        assertThat(page.items()).extracting(UserView::username)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(UserBatch::username).toList());
    }

    @Test
    void deepPageStartsAtItsOffset() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.USERNAME, true, 200, 100));

        assertThat(page.items()).hasSize(100);
        assertThat(page.items().get(0).username()).isEqualTo(UserBatch.username(19_900));
        assertThat(page.items().get(99).username()).isEqualTo(UserBatch.username(19_999));
    }

    @Test
    void lastPageHoldsRemainder() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.USERNAME, true, 334, 300));

        assertThat(page.pageCount()).isEqualTo(334);
        assertThat(page.items()).hasSize(100);
        assertThat(page.items().get(99).username()).isEqualTo(UserBatch.username(USERS - 1));
    }

    @Test
    void pageBeyondLastIsEmpty() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.USERNAME, true, 3_000, 50));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(USERS);
    }

    @Test
    void searchMatchesUsernameIgnoringCase() {
        Page<UserView> page = desk.users().page(new UserQuery(" USER01234 ", UserSort.USERNAME, true, 1, 50));

        assertThat(page.total()).isEqualTo(10);
        assertThat(page.items()).extracting(UserView::username)
                .containsExactlyElementsOf(IntStream.range(12_340, 12_350).mapToObj(UserBatch::username).toList());
    }

    @Test
    void searchMatchesEmail() {
        long expected = IntStream.range(0, USERS).filter(i -> i % 7 == 3).count();

        Page<UserView> page = desk.users().page(new UserQuery("@mail3.", UserSort.EMAIL, true, 1, 20));

        assertThat(page.total()).isEqualTo(expected);
        assertThat(page.items()).extracting(UserView::email).allMatch(email -> email.endsWith("@mail3.example"));
        assertThat(page.items().get(0).email()).isEqualTo(UserBatch.email(3));
    }

    @Test
    void wildcardsInSearchAreLiteral() {
        assertThat(desk.users().page(new UserQuery("%", UserSort.USERNAME, true, 1, 20)).total()).isZero();
        assertThat(desk.users().page(new UserQuery("user_", UserSort.USERNAME, true, 1, 20)).total()).isZero();
    }

    @Test
    void sortsByCreatedDescending() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.CREATED, false, 1, 3));

        assertThat(page.items()).extracting(UserView::username)
                .containsExactly(UserBatch.username(USERS - 1), UserBatch.username(USERS - 2), UserBatch.username(USERS - 3));
    }

    @Test
    void sortsByEmailDescending() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.EMAIL, false, 1, 1));

        assertThat(page.items().get(0).email()).isEqualTo(UserBatch.email(USERS - 1));
    }

    @Test
    void sortsBlockedFirstByStatusDescending() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.STATUS, false, 1, 100));

        assertThat(page.items()).allMatch(UserView::blocked);
    }

    @Test
    void sortsByRoleThenId() {
        Page<UserView> page = desk.users().page(new UserQuery("", UserSort.ROLE, true, 1, 2));

        assertThat(page.items()).extracting(UserView::roleName).containsOnly("Authenticated");
        assertThat(page.items()).extracting(UserView::username).containsExactly(UserBatch.username(0), UserBatch.username(1));
    }

    @Test
    void rejectsPageSizeOutOfRange() {
        assertThatThrownBy(() -> desk.users().page(new UserQuery("", UserSort.USERNAME, true, 1, 0)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> desk.users().page(new UserQuery("", UserSort.USERNAME, true, 0, 10)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("page must be 1 or more, got 0");
    }
}
