package dev.tokendesk.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.console.tokens.GracePeriod;
import dev.tokendesk.console.tokens.TokensViewModel;
import dev.tokendesk.console.users.UsersViewModel;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private UsersViewModel users;
    private TokensViewModel tokens;
    private AuditViewModel model;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        dialogs = new RecordingDialogs();
        InlineExecutor executor = new InlineExecutor();
        users = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), desk.jwt(), () -> "", executor, dialogs);
        tokens = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), new DeskContentCatalog(desk), () -> "", executor,
                dialogs);
        model = new AuditViewModel(desk.audit(), desk.authFailures(), executor, dialogs);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void listsConsoleActionsNewestFirst() {
        createUserAndToken();
        users.toggleBlockSelected();
        tokens.revokeSelected();

        model.refresh();

        assertThat(model.events()).extracting(AuditRow::action)
                .containsExactly("token.revoked", "user.blocked", "token.issued", "user.created");
        assertThat(model.events()).extracting(AuditRow::actor).containsOnly("console");
        assertThat(model.events().get(1).target()).isEqualTo("user bob");
        assertThat(model.events().get(0).target()).startsWith("token ci (tdk_\u2026").endsWith(", owner bob)");
        assertThat(model.events().get(3).details()).isEqualTo("role Authenticated");
    }

    @Test
    void filterShowsOnlyChosenTargetType() {
        createUserAndToken();
        model.refresh();

        model.filterProperty().set(TargetFilter.TOKEN);

        assertThat(model.events()).extracting(AuditRow::action).containsExactly("token.issued");
    }

    @Test
    void regenerationRecordedWithGracePeriod() {
        createUserAndToken();
        dialogs.replyToChoices(GracePeriod.FIFTEEN_MINUTES);
        tokens.regenerateSelected();

        model.refresh();

        AuditRow newest = model.events().get(0);
        assertThat(newest.action()).isEqualTo("token.regenerated");
        assertThat(newest.details()).isEqualTo("grace period 15 min");
        String value = dialogs.regeneratedTokens.get(0).token();
        assertThat(model.events()).noneMatch(row -> row.target().contains(value) || row.details().contains(value));
    }

    @Test
    void passwordChangeAndDeletionRecorded() {
        createUserAndToken();
        users.changePasswordOfSelected();
        dialogs.passwordForms.get(0).passwordProperty().set("Bob-New-Pass-1");
        dialogs.passwordForms.get(0).confirmationProperty().set("Bob-New-Pass-1");
        dialogs.passwordForms.get(0).submit();
        users.signOutSelected();
        users.deleteSelected();

        model.filterProperty().set(TargetFilter.USER);

        assertThat(model.events()).extracting(AuditRow::action)
                .containsExactly("user.deleted", "user.signed_out_everywhere", "user.password_changed", "user.created");
        assertThat(model.events()).noneMatch(row -> row.details().contains("Bob-New-Pass-1"));
    }

    @Test
    void failureCountsShownPerReason() {
        desk.authFailures().count("REVOKED_TOKEN");
        desk.authFailures().count("REVOKED_TOKEN");
        desk.authFailures().count("LOGIN_INVALID");
        desk.authFailures().flush();
        desk.authFailures().count("ADDRESS_NOT_ALLOWED");

        model.refresh();

        assertThat(model.failures()).extracting(FailureCountRow::reason)
                .containsExactly("LOGIN_INVALID", "REVOKED_TOKEN", "ADDRESS_NOT_ALLOWED");
        assertThat(model.failures()).extracting(FailureCountRow::count).containsExactly(1L, 2L, 1L);
        assertThat(model.failures().get(1).description()).isEqualTo("The API token has been revoked");
        assertThat(model.failures().get(0).description()).contains("wrong identifier or password");
        assertThat(model.summaryProperty().get()).isEqualTo("4 rejected credentials so far.");
    }

    @Test
    void noFailuresSaysSo() {
        model.refresh();

        assertThat(model.failures()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("No rejected credentials so far.");
        assertThat(model.events()).isEmpty();
    }

    /** Creates user bob and a token "ci" for bob through the console's view models and selects both. */
    private void createUserAndToken() {
        users.refresh();
        users.form().usernameProperty().set("bob");
        users.form().emailProperty().set("bob@example.com");
        users.form().passwordProperty().set("Bob-Pass-123");
        users.form().createUser();
        users.selectedProperty().set(users.users().get(0));

        tokens.refresh();
        tokens.form().ownerProperty().set(tokens.form().owners().get(0));
        tokens.form().nameProperty().set("ci");
        tokens.form().issue();
        tokens.selectedProperty().set(tokens.tokens().get(0));
    }
}
