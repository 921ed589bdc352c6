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
    private RolesViewModel model;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir.resolve("data"));
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "restaurant", "restaurants", "Restaurant");
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "article", "articles", "Article");
        model = new RolesViewModel(desk.roles(), new DeskContentCatalog(desk), new InlineExecutor(), new RecordingDialogs());
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

    private PermissionRow row(String uid) {
        return model.rows().stream().filter(row -> row.uid().equals(uid)).findFirst().orElseThrow();
    }
}
