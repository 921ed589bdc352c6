package dev.tokendesk.console.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesViewModelTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final String ARTICLE = "api::article.article";

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private RolesViewModel model;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir.resolve("data"));
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "restaurant", "restaurants", "Restaurant");
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "article", "articles", "Article");
        dialogs = new RecordingDialogs();
        model = new RolesViewModel(desk.roles(), desk.users(), desk.tokens(), new DeskContentCatalog(desk), new InlineExecutor(), dialogs);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void matrixShowsWhatRoleGrants() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));

        model.refresh();

        assertThat(model.selectedRoleProperty().get()).isEqualTo("Authenticated");
        assertThat(model.rows()).extracting(PermissionRow::uid).containsExactly(ARTICLE, RESTAURANT);
        assertThat(row(RESTAURANT).grantedProperty(Action.FIND).get()).isTrue();
        assertThat(row(RESTAURANT).grantedProperty(Action.DELETE).get()).isFalse();
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void saveReplacesRolePermissions() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));
        model.refresh();
        row(RESTAURANT).grantedProperty(Action.FIND).set(false);
        row(ARTICLE).grantedProperty(Action.FIND_ONE).set(true);
        row(ARTICLE).grantedProperty(Action.CREATE).set(true);

        model.save();

        PermissionSet stored = desk.roles().findByName("Authenticated").permissions();
        assertThat(stored.asSet()).containsExactlyInAnyOrder(
                new Permission(ARTICLE, Action.FIND_ONE),
                new Permission(ARTICLE, Action.CREATE));
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("2 permissions");
    }

    @Test
    void checkboxChangeMarksDirty() {
        model.refresh();

        row(ARTICLE).grantedProperty(Action.UPDATE).set(true);

        assertThat(model.dirtyProperty().get()).isTrue();
    }

    @Test
    void switchingRoleShowsItsGrants() {
        desk.roles().grant("Public", Set.of(new Permission(ARTICLE, Action.FIND)));
        model.refresh();

        model.selectedRoleProperty().set("Public");

        assertThat(row(ARTICLE).grantedProperty(Action.FIND).get()).isTrue();
        assertThat(row(RESTAURANT).grantedProperty(Action.FIND).get()).isFalse();
    }

    @Test
    void grantOnUnknownTypeSurvivesSave() {
        Permission orphan = new Permission("api::gone.gone", Action.FIND);
        desk.roles().grant("Authenticated", Set.of(orphan));
        model.refresh();
        row(ARTICLE).grantedProperty(Action.FIND).set(true);

        model.save();

        assertThat(row("api::gone.gone").known()).isFalse();
        assertThat(row(ARTICLE).known()).isTrue();
        assertThat(desk.roles().findByName("Authenticated").permissions().asSet())
                .containsExactlyInAnyOrder(orphan, new Permission(ARTICLE, Action.FIND));
    }


    @Test
    void createRoleSelectsIt() {
        model.refresh();
        dialogs.replyToTextQuestions(" Editors ");

        model.createRole();

        assertThat(model.roleNames()).contains("Editors");
        assertThat(model.selectedRoleProperty().get()).isEqualTo("Editors");
        assertThat(model.customSelectedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Created the role Editors.");
    }

    @Test
    void cancelledCreateAddsNothing() {
        model.refresh();
        dialogs.replyToTextQuestions(null);

        model.createRole();

        assertThat(desk.roles().list()).hasSize(2);
    }

    @Test
    void duplicateRoleNameShownAsError() {
        desk.roles().create("Editors", null);
        model.refresh();
        dialogs.replyToTextQuestions("EDITORS");

        model.createRole();

        assertThat(model.errorProperty().get()).isEqualTo("A role named 'EDITORS' already exists");
    }

    @Test
    void renameKeepsSelection() {
        desk.roles().create("Editors", null);
        model.refresh();
        model.selectedRoleProperty().set("Editors");
        dialogs.replyToTextQuestions("Writers");

        model.renameSelected();

        assertThat(model.selectedRoleProperty().get()).isEqualTo("Writers");
        assertThat(model.roleNames()).containsExactly("Public", "Authenticated", "Writers");
    }

    @Test
    void builtInRoleCannotBeRenamedOrDeleted() {
        model.refresh();

        assertThat(model.selectedRoleProperty().get()).isEqualTo("Authenticated");
        assertThat(model.customSelectedProperty().get()).isFalse();

        model.renameSelected();
        model.deleteSelected();

        assertThat(dialogs.textQuestions).isEmpty();
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void deleteRefusedWhileUserHoldsRole() {
        desk.roles().create("Editors", null);
        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", "Editors"));
        model.refresh();
        model.selectedRoleProperty().set("Editors");

        model.deleteSelected();

        assertThat(model.errorProperty().get()).isEqualTo("Role 'Editors' cannot be deleted: 1 user has it. Give them another role first.");
        assertThat(model.roleNames()).contains("Editors");
    }

    @Test
    void deleteRemovesRoleAfterConfirmation() {
        desk.roles().create("Editors", null);
        model.refresh();
        model.selectedRoleProperty().set("Editors");

        model.deleteSelected();

        assertThat(dialogs.confirmations.get(0)).contains("Delete the role Editors");
        assertThat(model.roleNames()).containsExactly("Public", "Authenticated");
        assertThat(model.selectedRoleProperty().get()).isEqualTo("Authenticated");
    }

    @Test
    void selectAllColumnChecksEveryType() {
        model.refresh();

        model.setColumn(Action.FIND, true);

        assertThat(PermissionRow.columnChecked(model.rows(), Action.FIND)).isTrue();
        assertThat(PermissionRow.columnChecked(model.rows(), Action.DELETE)).isFalse();
        assertThat(model.dirtyProperty().get()).isTrue();

        model.save();

        assertThat(desk.roles().findByName("Authenticated").permissions().asSet())
                .containsExactlyInAnyOrder(new Permission(ARTICLE, Action.FIND), new Permission(RESTAURANT, Action.FIND));
    }

    @Test
    void selectAllRowChecksEveryAction() {
        model.refresh();

        row(RESTAURANT).setAll(true);
        model.save();

        assertThat(desk.roles().findByName("Authenticated").permissions().asSet()).hasSize(Action.values().length)
                .allMatch(permission -> permission.contentTypeUid().equals(RESTAURANT));
        assertThat(row(RESTAURANT).allChecked()).isTrue();
        assertThat(row(ARTICLE).allChecked()).isFalse();
    }

    @Test
    void effectivePermissionsNarrowedByTokenScope() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.CREATE)));
        UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
        desk.tokens().issue(TokenRequest.of(bob.id(), "storefront", TokenScope.READ_ONLY, Expiry.NEVER));
        long revoked = desk.tokens().issue(TokenRequest.of(bob.id(), "old", TokenScope.FULL, Expiry.NEVER)).view().id();
        desk.tokens().revoke(revoked);
        model.refresh();
        model.effectiveUserProperty().set("BOB@example.com");

        model.showEffectivePermissions();

        assertThat(model.effectiveRows()).containsExactly(
                new EffectiveRow("Role Authenticated (JWT)", "Restaurant", "find, create"),
                new EffectiveRow("Token storefront (read-only)", "Restaurant", "find"));
        assertThat(model.effectiveSummaryProperty().get()).isEqualTo("bob has the role Authenticated and 1 active API token.");
        assertThat(model.effectiveErrorProperty().get()).isEmpty();
    }

    @Test
    void effectivePermissionsOfUnknownUserExplained() {
        model.effectiveUserProperty().set("nobody");

        model.showEffectivePermissions();

        assertThat(model.effectiveErrorProperty().get()).isEqualTo("No user has the user name or email 'nobody'.");
        assertThat(model.effectiveRows()).isEmpty();
    }

    @Test
    void effectivePermissionsOfRoleWithoutGrantsSayNothing() {
        desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
        model.effectiveUserProperty().set("bob");

        model.showEffectivePermissions();

        assertThat(model.effectiveRows()).containsExactly(new EffectiveRow("Role Authenticated (JWT)", "\u2014", "nothing"));
    }
    private PermissionRow row(String uid) {
        return model.rows().stream().filter(row -> row.uid().equals(uid)).findFirst().orElseThrow();
    }
}
