package dev.tokendesk.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.UserBatch;
import dev.tokendesk.token.TokenView;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue form's owner search reaches every user of a large installation through paged SQL queries. */
class OwnerSearchTest {

    private static final int USERS = 100_000;

    @TempDir
    static Path dataDir;

    private static TokenDesk desk;
    private RecordingDialogs dialogs;
    private TokensViewModel model;
    private IssueTokenForm form;

    @BeforeAll
    static void seed() {
        desk = TestDesks.open(dataDir);
        UserBatch.insert(desk, USERS);
    }

    @AfterAll
    static void close() {
        desk.close();
    }

    @BeforeEach
    void open() {
        dialogs = new RecordingDialogs();
        model = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), new DeskContentCatalog(desk), () -> "",
                new InlineExecutor(), dialogs);
        form = model.form();
        model.refresh();
    }

    @Test
    void emptySearchOffersFirstUsers() {
        assertThat(form.owners()).hasSize(IssueTokenForm.OWNER_MATCHES);
        assertThat(form.owners().get(0).username()).isEqualTo(UserBatch.username(0));
        assertThat(form.ownerProperty().get()).isNull();
    }

    @Test
    void searchFindsLastOfManyUsers() {
        String last = UserBatch.username(USERS - 1);

        form.ownerSearchProperty().set(last);

        assertThat(form.owners()).extracting(OwnerChoice::username).containsExactly(last);
        assertThat(form.ownerProperty().get().username()).isEqualTo(last);
    }

    @Test
    void issueUsesOwnerFoundBySearch() {
        String owner = UserBatch.username(98_765);
        form.ownerSearchProperty().set(owner);
        form.nameProperty().set("deep owner");

        form.issue();

        List<TokenView> tokens = desk.tokens().list();
        assertThat(tokens).extracting(TokenView::name).contains("deep owner");
        assertThat(tokens.stream().filter(token -> token.name().equals("deep owner")).findFirst().orElseThrow().ownerUsername())
                .isEqualTo(owner);
        assertThat(form.ownerErrorProperty().get()).isEmpty();
    }

    @Test
    void searchWithManyMatchesChoosesNone() {
        form.ownerSearchProperty().set("user09");

        assertThat(form.owners()).hasSize(IssueTokenForm.OWNER_MATCHES);
        assertThat(form.owners()).allMatch(choice -> choice.username().contains("user09"));
        assertThat(form.ownerProperty().get()).isNull();
    }

    @Test
    void editingSearchClearsChosenOwner() {
        form.ownerProperty().set(form.owners().get(3));
        String chosen = form.ownerProperty().get().username();

        form.ownerSearchProperty().set(chosen);
        OwnerChoice afterSameName = form.ownerProperty().get();
        form.ownerSearchProperty().set("user0000");

        assertThat(afterSameName.username()).isEqualTo(chosen);
        assertThat(form.ownerProperty().get()).isNull();
    }

    @Test
    void noMatchShowsOwnerError() {
        form.ownerSearchProperty().set("nobody-by-this-name");
        form.nameProperty().set("orphan");

        form.issue();

        assertThat(form.owners()).isEmpty();
        assertThat(form.ownerErrorProperty().get()).isEqualTo("Choose the user the token acts as.");
    }
}
