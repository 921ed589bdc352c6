package dev.tokendesk.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.UserBatch;
import dev.tokendesk.user.UserSort;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Users screen's search, sort and paging over 100,000 users, inserted once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersPagingViewModelTest {

    private static final int USERS = 100_000;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private UsersViewModel model;

    @BeforeAll
    void insertUsers(@TempDir Path dataDir) {
        desk = TestDesks.open(dataDir);
        UserBatch.insert(desk, USERS);
    }

    @AfterAll
    void closeDesk() {
        desk.close();
    }

    @BeforeEach
    void newModel() {
        dialogs = new RecordingDialogs();
        model = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), desk.jwt(), () -> "", new InlineExecutor(), dialogs);
        model.refresh();
    }

    @Test
    void holdsOnlyOnePage() {
        assertThat(model.users()).hasSize(UsersViewModel.PAGE_SIZE);
        assertThat(model.totalProperty().get()).isEqualTo(USERS);
        assertThat(model.pageCountProperty().get()).isEqualTo(1_000);
        assertThat(model.pageTextBinding().get()).isEqualTo("Page 1 of 1,000 \u00b7 100,000 users");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void nextAndLastPageShowTheirRows() {
        model.nextPage();

        assertThat(model.users().get(0).username()).isEqualTo(UserBatch.username(100));

        model.lastPage();

        assertThat(model.pageProperty().get()).isEqualTo(1_000);
        assertThat(model.users().get(99).username()).isEqualTo(UserBatch.username(USERS - 1));
    }

    @Test
    void nextPageStopsAtLast() {
        model.lastPage();

        model.nextPage();

        assertThat(model.pageProperty().get()).isEqualTo(1_000);
    }

    @Test
    void searchShowsMatchesFromFirstPage() {
        model.goToPage(5);

        model.searchProperty().set("user04321");

        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.totalProperty().get()).isEqualTo(10);
        assertThat(model.users()).extracting(UserRow::username)
                .containsExactlyElementsOf(IntStream.range(43_210, 43_220).mapToObj(UserBatch::username).toList());
        assertThat(model.pageTextBinding().get()).isEqualTo("Page 1 of 1 \u00b7 10 users match");
    }

    @Test
    void searchWithoutMatchShowsEmptyPage() {
        model.searchProperty().set("nobody-has-this");

        assertThat(model.users()).isEmpty();
        assertThat(model.totalProperty().get()).isZero();
        assertThat(model.pageCountProperty().get()).isEqualTo(1);
    }

    @Test
    void sortByCreatedDescendingShowsNewestFirst() {
        model.goToPage(3);

        model.sortBy(UserSort.CREATED, false);

        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.users().get(0).username()).isEqualTo(UserBatch.username(USERS - 1));
    }

    @Test
    void sortByStatusDescendingShowsBlockedFirst() {
        model.sortBy(UserSort.STATUS, false);

        assertThat(model.users()).allMatch(UserRow::blocked);
    }
}
