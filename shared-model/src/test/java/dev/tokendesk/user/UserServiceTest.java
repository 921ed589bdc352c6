package dev.tokendesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.ConflictException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir);
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void namesAreUniqueWithoutRegardToCase() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        assertThatThrownBy(() -> desk.users().create(new NewUser(" ALICE ", "other@example.com", "Alice-Pass-1", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> desk.users().create(new NewUser("alice2", "Alice@Example.COM", "Alice-Pass-1", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void loginNormalisesIdentifier() {
        desk.users().create(new NewUser("Jos\u00e9", "jose@example.com", "Jose-Pass-1", null));

        UserView byDecomposed = desk.users().login("  jose\u0301 ", "Jose-Pass-1");
        UserView byEmail = desk.users().login("JOSE@EXAMPLE.COM", "Jose-Pass-1");

        assertThat(byDecomposed.username()).isEqualTo("Jos\u00e9");
        assertThat(byEmail.username()).isEqualTo("Jos\u00e9");
    }

    @Test
    void loginRejectsWrongPasswordAndUnknownUserAlike() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        assertThatThrownBy(() -> desk.users().login("alice", "alice-pass-1"))
                .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.reason()).isEqualTo(LoginRejectedException.Reason.INVALID));
        assertThatThrownBy(() -> desk.users().login("nobody", "Alice-Pass-1"))
                .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.reason()).isEqualTo(LoginRejectedException.Reason.INVALID))
                .hasMessage("Invalid identifier or password");
    }

    @Test
    void createReportsEveryInvalidField() {
        assertThatThrownBy(() -> desk.users().create(new NewUser("a b", "not-an-email", "short", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::path)
                        .containsExactly("username", "email", "password"));
        assertThat(desk.users().list()).isEmpty();
    }

    @Test
    void invisibleCharactersInNamesAreRejected() {
        for (String name : new String[] {"al\u200Bice", "al\u202Eice", "al\u00A0ice", "al\u2060ice"}) {
            assertThatThrownBy(() -> desk.users().create(new NewUser(name, "x@example.com", "Alice-Pass-1", null))).as(name)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("invisible formatting characters");
        }
    }

    @Test
    void publicRoleCannotBeGivenToUser() {
        assertThatThrownBy(() -> desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", "public")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Public role");
    }

    @Test
    void passwordIsStoredAsArgon2Hash() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        String stored = desk.database().inTransaction(session -> session.find(User.class, alice.id()).getPasswordHash());

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(stored).doesNotContain("Alice-Pass-1");
    }

    @Test
    void credentialVersionGrowsOnPasswordBlockAndSignOut() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        int afterPassword = desk.users().changePassword(alice.id(), "Alice-Pass-2").credentialVersion();
        int afterBlock = desk.users().setBlocked(alice.id(), true).credentialVersion();
        int afterUnblock = desk.users().setBlocked(alice.id(), false).credentialVersion();
        int afterSignOut = desk.users().signOutEverywhere(alice.id()).credentialVersion();

        assertThat(alice.credentialVersion()).isEqualTo(1);
        assertThat(afterPassword).isEqualTo(2);
        assertThat(afterBlock).isEqualTo(3);
        assertThat(afterUnblock).isEqualTo(3);
        assertThat(afterSignOut).isEqualTo(4);
    }

    @Test
    void updateChangesNameAndEmail() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        UserView updated = desk.users().update(alice.id(), " alicia ", "Alicia@Example.com");

        assertThat(updated.username()).isEqualTo("alicia");
        assertThat(updated.email()).isEqualTo("Alicia@Example.com");
        assertThat(updated.credentialVersion()).isEqualTo(alice.credentialVersion());
        assertThat(desk.users().login("ALICIA@example.com", "Alice-Pass-1").id()).isEqualTo(alice.id());
        assertThat(desk.audit().list(1, "user").get(0).details())
                .isEqualTo("username alice -> alicia, email alice@example.com -> Alicia@Example.com");
    }

    @Test
    void updateKeepingOwnNamesAllowed() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        UserView updated = desk.users().update(alice.id(), "ALICE", "alice@example.com");

        assertThat(updated.username()).isEqualTo("ALICE");
    }

    @Test
    void updateToTakenEmailRejected() {
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));

        assertThatThrownBy(() -> desk.users().update(bob.id(), "bob", "ALICE@example.com"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(desk.users().findByIdentifier("bob").email()).isEqualTo("bob@example.com");
    }

    @Test
    void updateListsEveryInvalidField() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        assertThatThrownBy(() -> desk.users().update(alice.id(), "a", "nope"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).hasSize(2));
    }
}
