package dev.tokendesk.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersViewModelTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private UsersViewModel model;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir);
        dialogs = new RecordingDialogs();
        model = new UsersViewModel(desk.users(), desk.roles(), new InlineExecutor(), dialogs);
        model.refresh();
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void refreshOffersAuthenticatedAsDefaultRole() {
        assertThat(model.roleProperty().get()).isEqualTo(desk.roles().authenticatedRole().name());
        assertThat(model.roleNames()).doesNotContain(desk.roles().publicRole().name());
    }

    @Test
    void createsUserAndClearsForm() {
        fill("bob", "bob@example.com", "Bob-Pass-123");

        model.createUser();

        assertThat(model.users()).extracting(UserRow::username).containsExactly("bob");
        assertThat(model.users().get(0).role()).isEqualTo("Authenticated");
        assertThat(model.usernameProperty().get()).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).contains("bob");
        assertThat(model.formErrorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void createsUserWithChosenRole() {
        RoleView editors = desk.roles().create("Editors", null);
        model.refresh();
        fill("carol", "carol@example.com", "Carol-Pass-123");
        model.roleProperty().set(editors.name());

        model.createUser();

        assertThat(desk.users().findByIdentifier("carol").roleName()).isEqualTo("Editors");
    }

    @Test
    void shortPasswordShownNextToField() {
        fill("bob", "bob@example.com", "short");

        model.createUser();

        assertThat(model.passwordErrorProperty().get()).contains("8 to 256 characters");
        assertThat(model.usernameErrorProperty().get()).isEmpty();
        assertThat(model.formErrorProperty().get()).isNotEmpty();
        assertThat(model.users()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void everyInvalidFieldGetsMessage() {
        fill("", "not-an-email", "");

        model.createUser();

        assertThat(model.usernameErrorProperty().get()).isEqualTo("Username is missing");
        assertThat(model.emailErrorProperty().get()).contains("not a valid email address");
        assertThat(model.passwordErrorProperty().get()).isEqualTo("Password is missing");
        assertThat(model.formErrorProperty().get()).contains("3 errors");
    }

    @Test
    void takenEmailShownAsConflict() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        fill("alice2", "ALICE@example.com", "Alice-Pass-2");

        model.createUser();

        assertThat(model.emailErrorProperty().get()).contains("already exists");
        assertThat(model.usernameErrorProperty().get()).isEmpty();
        assertThat(model.emailProperty().get()).isEqualTo("ALICE@example.com");
        assertThat(desk.users().list()).hasSize(1);
    }

    @Test
    void errorsClearedOnNextSuccess() {
        fill("bob", "bob@example.com", "short");
        model.createUser();
        model.passwordProperty().set("Bob-Pass-123");

        model.createUser();

        assertThat(model.passwordErrorProperty().get()).isEmpty();
        assertThat(model.formErrorProperty().get()).isEmpty();
        assertThat(model.users()).hasSize(1);
    }

    private void fill(String username, String email, String password) {
        model.usernameProperty().set(username);
        model.emailProperty().set(email);
        model.passwordProperty().set(password);
    }
}
