package dev.tokendesk.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.audit.AuditEntry;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleServiceTest {

    private static final Permission FIND_ARTICLES = new Permission("api::article.article", Action.FIND);

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
    void renameKeepsPermissionsAndHolders() {
        desk.roles().create("Editors", null);
        desk.roles().grant("Editors", Set.of(FIND_ARTICLES));
        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", "Editors"));

        RoleView renamed = desk.roles().rename("editors", "Writers");

        assertThat(renamed.name()).isEqualTo("Writers");
        assertThat(renamed.permissions().asSet()).containsExactly(FIND_ARTICLES);
        assertThat(desk.users().findByIdentifier("carol").roleName()).isEqualTo("Writers");
        assertThatThrownBy(() -> desk.roles().findByName("Editors")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void renameAudited() {
        desk.roles().create("Editors", null);

        desk.roles().rename("Editors", "Writers");

        AuditEntry latest = desk.audit().list(1, "role").get(0);
        assertThat(latest.action()).isEqualTo("role.renamed");
        assertThat(latest.targetLabel()).isEqualTo("Writers");
        assertThat(latest.details()).isEqualTo("renamed from Editors");
    }

    @Test
    void renameToTakenNameRejected() {
        desk.roles().create("Editors", null);
        desk.roles().create("Writers", null);

        assertThatThrownBy(() -> desk.roles().rename("Editors", " WRITERS "))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void renameChangingOnlyCaseAllowed() {
        desk.roles().create("editors", null);

        assertThat(desk.roles().rename("editors", "Editors").name()).isEqualTo("Editors");
    }

    @Test
    void builtInRolesProtected() {
        assertThatThrownBy(() -> desk.roles().rename("Authenticated", "Members"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("built-in role 'Authenticated' cannot be renamed");
        assertThatThrownBy(() -> desk.roles().delete("Public"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("built-in role 'Public' cannot be deleted");
    }

    @Test
    void deleteRemovesUnusedRole() {
        desk.roles().create("Editors", null);
        desk.roles().grant("Editors", Set.of(FIND_ARTICLES));

        desk.roles().delete("Editors");

        assertThat(desk.roles().list()).extracting(RoleView::name).containsExactly("Public", "Authenticated");
        AuditEntry latest = desk.audit().list(1, "role").get(0);
        assertThat(latest.action()).isEqualTo("role.deleted");
        assertThat(latest.targetLabel()).isEqualTo("Editors");
    }

    @Test
    void deleteRejectedWhileUsersHoldRole() {
        desk.roles().create("Editors", null);
        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", "Editors"));
        desk.users().create(new NewUser("dave", "dave@example.com", "Dave-Pass-12", "Editors"));

        assertThatThrownBy(() -> desk.roles().delete("Editors"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Role 'Editors' cannot be deleted: 2 users have it. Give them another role first.");
        assertThat(desk.roles().findByName("Editors").name()).isEqualTo("Editors");
    }

    @Test
    void deleteUnknownRoleNotFound() {
        assertThatThrownBy(() -> desk.roles().delete("Nobody")).isInstanceOf(NotFoundException.class);
    }
}
