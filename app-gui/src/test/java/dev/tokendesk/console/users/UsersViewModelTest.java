package dev.tokendesk.console.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.console.dialog.PasswordChangeForm;
import dev.tokendesk.console.dialog.TestJwtDetails;
import dev.tokendesk.console.dialog.UserEditForm;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.LoginRejectedException;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersViewModelTest {

    private static final String BASE_URL = "http://127.0.0.1:1337";

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private UsersViewModel model;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir);
        dialogs = new RecordingDialogs();
        model = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), desk.jwt(), () -> BASE_URL, new InlineExecutor(), dialogs);
        model.refresh();
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void refreshOffersAuthenticatedAsDefaultRole() {
        assertThat(model.form().roleProperty().get()).isEqualTo(desk.roles().authenticatedRole().name());
        assertThat(model.form().roleNames()).doesNotContain(desk.roles().publicRole().name());
    }

    @Test
    void createsUserAndClearsForm() {
        fill("bob", "bob@example.com", "Bob-Pass-123");

        model.form().createUser();

        assertThat(model.users()).extracting(UserRow::username).containsExactly("bob");
        assertThat(model.users().get(0).role()).isEqualTo("Authenticated");
        assertThat(model.form().usernameProperty().get()).isEmpty();
        assertThat(model.form().passwordProperty().get()).isEmpty();
        assertThat(model.form().statusProperty().get()).contains("bob");
        assertThat(model.form().formErrorProperty().get()).isEmpty();
        assertThat(model.form().busyProperty().get()).isFalse();
    }

    @Test
    void createsUserWithChosenRole() {
        RoleView editors = desk.roles().create("Editors", null);
        model.refresh();
        fill("carol", "carol@example.com", "Carol-Pass-123");
        model.form().roleProperty().set(editors.name());

        model.form().createUser();

        assertThat(desk.users().findByIdentifier("carol").roleName()).isEqualTo("Editors");
    }

    @Test
    void shortPasswordShownNextToField() {
        fill("bob", "bob@example.com", "short");

        model.form().createUser();

        assertThat(model.form().passwordErrorProperty().get()).contains("8 to 256 characters");
        assertThat(model.form().usernameErrorProperty().get()).isEmpty();
        assertThat(model.form().formErrorProperty().get()).isNotEmpty();
        assertThat(model.users()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void everyInvalidFieldGetsMessage() {
        fill("", "not-an-email", "");

        model.form().createUser();

        assertThat(model.form().usernameErrorProperty().get()).isEqualTo("Username is missing");
        assertThat(model.form().emailErrorProperty().get()).contains("not a valid email address");
        assertThat(model.form().passwordErrorProperty().get()).isEqualTo("Password is missing");
        assertThat(model.form().formErrorProperty().get()).contains("3 errors");
    }

    @Test
    void takenEmailShownAsConflict() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        fill("alice2", "ALICE@example.com", "Alice-Pass-2");

        model.form().createUser();

        assertThat(model.form().emailErrorProperty().get()).contains("already exists");
        assertThat(model.form().usernameErrorProperty().get()).isEmpty();
        assertThat(model.form().emailProperty().get()).isEqualTo("ALICE@example.com");
        assertThat(desk.users().list()).hasSize(1);
    }

    @Test
    void errorsClearedOnNextSuccess() {
        fill("bob", "bob@example.com", "short");
        model.form().createUser();
        model.form().passwordProperty().set("Bob-Pass-123");

        model.form().createUser();

        assertThat(model.form().passwordErrorProperty().get()).isEmpty();
        assertThat(model.form().formErrorProperty().get()).isEmpty();
        assertThat(model.users()).hasSize(1);
    }

    @Test
    void blockRejectsTheirTokens() {
        String token = seedUserWithTokens("bob", 1).get(0);

        model.toggleBlockSelected();

        UserRow bob = model.users().get(0);
        assertThat(bob.blocked()).isTrue();
        assertThat(bob.statusText()).isEqualTo("Blocked");
        assertThat(model.blockLabelBinding().get()).isEqualTo("Unblock");
        assertThat(model.statusProperty().get()).startsWith("Blocked bob.");
        assertThatThrownBy(() -> desk.tokens().verify(token, "127.0.0.1"))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.USER_BLOCKED));
    }

    @Test
    void unblockRestoresTheirTokens() {
        String token = seedUserWithTokens("bob", 1).get(0);
        model.toggleBlockSelected();

        model.toggleBlockSelected();

        assertThat(model.users().get(0).blocked()).isFalse();
        assertThat(model.blockLabelBinding().get()).isEqualTo("Block");
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
    }

    @Test
    void deleteNamesTokenCountAndDeletesTokens() {
        List<String> tokens = seedUserWithTokens("bob", 2);

        model.deleteSelected();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0)).contains("Delete user bob").contains("Their 2 API tokens are deleted");
        assertThat(model.users()).isEmpty();
        assertThat(desk.tokens().list()).isEmpty();
        assertThatThrownBy(() -> desk.tokens().verify(tokens.get(0), "127.0.0.1")).isInstanceOf(CredentialRejectedException.class);
        assertThat(model.statusProperty().get()).isEqualTo("Deleted user bob and 2 tokens.");
    }

    @Test
    void deleteOfUserWithoutTokensSaysSo() {
        seedUserWithTokens("bob", 0);

        model.deleteSelected();

        assertThat(dialogs.confirmations.get(0)).contains("bob has no API tokens.");
        assertThat(model.users()).isEmpty();
    }

    @Test
    void cancelledDeleteKeepsUser() {
        String token = seedUserWithTokens("bob", 1).get(0);
        dialogs.replyToConfirmations(false);

        model.deleteSelected();

        assertThat(model.users()).hasSize(1);
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
    }

    @Test
    void passwordMismatchShownNextToConfirmation() {
        seedUserWithTokens("bob", 0);
        model.changePasswordOfSelected();
        PasswordChangeForm form = dialogs.passwordForms.get(0);
        form.passwordProperty().set("Bob-New-Pass-1");
        form.confirmationProperty().set("Bob-New-Pass-2");

        form.submit();

        assertThat(form.confirmationErrorProperty().get()).contains("differ");
        assertThat(form.passwordErrorProperty().get()).isEmpty();
        assertThat(form.changedProperty().get()).isFalse();
        assertThat(desk.users().login("bob", "Bob-Pass-123").username()).isEqualTo("bob");
    }

    @Test
    void shortPasswordShownInPasswordDialog() {
        seedUserWithTokens("bob", 0);
        model.changePasswordOfSelected();
        PasswordChangeForm form = dialogs.passwordForms.get(0);
        form.passwordProperty().set("short");
        form.confirmationProperty().set("short");

        form.submit();

        assertThat(form.passwordErrorProperty().get()).contains("8 to 256 characters");
        assertThat(form.confirmationErrorProperty().get()).isEmpty();
        assertThat(form.changedProperty().get()).isFalse();
        assertThat(form.passwordProperty().get()).isEqualTo("short");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void passwordChangeEndsJwtsAndKeepsTokens() {
        String token = seedUserWithTokens("bob", 1).get(0);
        String jwt = desk.jwt().issue(desk.users().findByIdentifier("bob"));
        model.changePasswordOfSelected();
        PasswordChangeForm form = dialogs.passwordForms.get(0);
        form.passwordProperty().set("Bob-New-Pass-1");
        form.confirmationProperty().set("Bob-New-Pass-1");

        form.submit();

        assertThat(form.changedProperty().get()).isTrue();
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(form.confirmationProperty().get()).isEmpty();
        assertThat(desk.users().login("bob", "Bob-New-Pass-1").username()).isEqualTo("bob");
        assertThatThrownBy(() -> desk.users().login("bob", "Bob-Pass-123")).isInstanceOf(LoginRejectedException.class);
        assertThatThrownBy(() -> desk.authenticator().withJwt(jwt)).isInstanceOf(CredentialRejectedException.class);
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
        assertThat(model.statusProperty().get()).startsWith("Changed the password of bob.");
    }

    @Test
    void signOutEndsJwtsAndKeepsTokens() {
        String token = seedUserWithTokens("bob", 1).get(0);
        String jwt = desk.jwt().issue(desk.users().findByIdentifier("bob"));

        model.signOutSelected();

        assertThat(dialogs.confirmations.get(0)).contains("Every JWT issued to bob stops working").contains("API tokens of bob keep working");
        assertThatThrownBy(() -> desk.authenticator().withJwt(jwt))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTDATED_JWT));
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("bob");
    }

    @Test
    void cancelledSignOutKeepsJwts() {
        seedUserWithTokens("bob", 0);
        String jwt = desk.jwt().issue(desk.users().findByIdentifier("bob"));
        dialogs.replyToConfirmations(false);

        model.signOutSelected();

        assertThat(desk.authenticator().withJwt(jwt)).isNotNull();
    }

    @Test
    void changeRoleOffersAssignableRoles() {
        desk.roles().create("Editors", null);
        seedUserWithTokens("bob", 0);
        dialogs.replyToChoices("Editors");

        model.changeRoleOfSelected();

        assertThat(dialogs.choiceOptions.get(0)).containsExactlyInAnyOrder("Authenticated", "Editors");
        assertThat(desk.users().findByIdentifier("bob").roleName()).isEqualTo("Editors");
        assertThat(model.users().get(0).role()).isEqualTo("Editors");
    }

    @Test
    void userDeletedMeanwhileShownAsActionError() {
        seedUserWithTokens("bob", 0);
        desk.users().delete(desk.users().findByIdentifier("bob").id());

        model.toggleBlockSelected();

        assertThat(model.actionErrorProperty().get()).contains("User not found");
        assertThat(model.users()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    /** Creates {@code username} with {@code tokens} API tokens, selects the user and returns the token values. */

    @Test
    void editChangesNameAndEmail() {
        seedUserWithTokens("bob", 0);
        model.refresh();
        model.selectedProperty().set(model.users().get(0));

        model.editSelected();
        UserEditForm edit = dialogs.userEditForms.get(0);
        edit.usernameProperty().set("robert");
        edit.emailProperty().set("robert@example.com");
        edit.submit();

        assertThat(edit.savedProperty().get()).isTrue();
        assertThat(model.users()).extracting(UserRow::username).containsExactly("robert");
        assertThat(model.users().get(0).email()).isEqualTo("robert@example.com");
        assertThat(model.statusProperty().get()).isEqualTo("Saved the changes to bob.");
    }

    @Test
    void editToTakenNameShownNextToField() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        seedUserWithTokens("bob", 0);
        model.refresh();
        model.selectedProperty().set(model.users().get(1));

        model.editSelected();
        UserEditForm edit = dialogs.userEditForms.get(0);
        edit.usernameProperty().set("ALICE");
        edit.submit();

        assertThat(edit.savedProperty().get()).isFalse();
        assertThat(edit.usernameErrorProperty().get()).contains("already exists");
        assertThat(edit.emailErrorProperty().get()).isEmpty();
        assertThat(desk.users().findByIdentifier("bob").username()).isEqualTo("bob");
    }

    @Test
    void testJwtAuthenticatesAsSelectedUser() {
        seedUserWithTokens("bob", 0);
        model.refresh();
        model.selectedProperty().set(model.users().get(0));

        model.issueTestJwtForSelected();

        TestJwtDetails details = dialogs.testJwts.get(0);
        assertThat(desk.authenticator().withJwt(details.jwt()).username()).isEqualTo("bob");
        assertThat(details.curlCommand())
                .isEqualTo("curl -H \"Authorization: Bearer " + details.jwt() + "\" " + BASE_URL + "/api/users/me");
        assertThat(details.note()).startsWith("It works until ");
        assertThat(details.toString()).doesNotContain(details.jwt());
    }

    @Test
    void testJwtRefusedForBlockedUser() {
        seedUserWithTokens("bob", 0);
        desk.users().setBlocked(desk.users().findByIdentifier("bob").id(), true);
        model.refresh();
        model.selectedProperty().set(model.users().get(0));

        model.issueTestJwtForSelected();

        assertThat(dialogs.testJwts).isEmpty();
        assertThat(model.actionErrorProperty().get()).startsWith("bob is blocked");
    }

    @Test
    void testJwtWithoutServerExplainsMissingCurl() {
        seedUserWithTokens("bob", 0);
        UsersViewModel offline = new UsersViewModel(desk.users(), desk.roles(), desk.tokens(), desk.jwt(), () -> "",
                new InlineExecutor(), dialogs);
        offline.refresh();
        offline.selectedProperty().set(offline.users().get(0));

        offline.issueTestJwtForSelected();

        assertThat(dialogs.testJwts.get(0).curlCommand()).isNull();
        assertThat(dialogs.testJwts.get(0).note()).contains("not running");
    }

    @Test
    void generatedPasswordStoredAndShownOnce() {
        seedUserWithTokens("bob", 0);
        model.refresh();
        model.selectedProperty().set(model.users().get(0));
        model.changePasswordOfSelected();
        PasswordChangeForm form = dialogs.passwordForms.get(0);

        form.generate();
        String generated = form.generatedProperty().get();
        form.submit();

        assertThat(generated).hasSize(20);
        assertThat(form.changedProperty().get()).isTrue();
        assertThat(form.generatedProperty().get()).isEmpty();
        assertThat(desk.users().login("bob", generated).username()).isEqualTo("bob");
    }

    @Test
    void typingOverGeneratedPasswordHidesIt() {
        seedUserWithTokens("bob", 0);
        model.refresh();
        model.selectedProperty().set(model.users().get(0));
        model.changePasswordOfSelected();
        PasswordChangeForm form = dialogs.passwordForms.get(0);
        form.generate();

        form.passwordProperty().set("Typed-Pass-123");

        assertThat(form.generatedProperty().get()).isEmpty();
    }
    private List<String> seedUserWithTokens(String username, int tokens) {
        UserView user = desk.users().create(new NewUser(username, username + "@example.com", "Bob-Pass-123", null));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            values.add(desk.tokens().issue(TokenRequest.of(user.id(), "token " + i, TokenScope.FULL, Expiry.NEVER)).token());
        }
        model.refresh();
        model.selectedProperty().set(model.users().stream().filter(row -> row.id() == user.id()).findFirst().orElseThrow());
        return values;
    }

    private void fill(String username, String email, String password) {
        model.form().usernameProperty().set(username);
        model.form().emailProperty().set(email);
        model.form().passwordProperty().set(password);
    }
}
