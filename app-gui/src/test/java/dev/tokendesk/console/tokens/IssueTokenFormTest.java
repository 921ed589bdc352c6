package dev.tokendesk.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.roles.PermissionRow;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueTokenFormTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final String ARTICLE = "api::article.article";

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private TokensViewModel model;
    private IssueTokenForm form;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir.resolve("data"));
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "restaurant", "restaurants", "Restaurant");
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "article", "articles", "Article");
        dialogs = new RecordingDialogs();
        model = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), new DeskContentCatalog(desk), () -> "",
                new InlineExecutor(), dialogs);
        form = model.form();
        desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        model.refresh();
        form.ownerProperty().set(form.owners().get(0));
        form.nameProperty().set("front end");
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void customDateExpiresAtStartOfDayUtc() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        form.expiryProperty().set(ExpiryPreset.CUSTOM_DATE);
        form.customDateProperty().set(day);

        form.issue();

        assertThat(onlyToken().expiresAt()).isEqualTo(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(form.expiryErrorProperty().get()).isEmpty();
    }

    @Test
    void missingCustomDateShownNextToField() {
        form.expiryProperty().set(ExpiryPreset.CUSTOM_DATE);

        form.issue();

        assertThat(form.expiryErrorProperty().get()).contains("Choose the day");
        assertThat(desk.tokens().list()).isEmpty();
        assertThat(dialogs.issuedTokens).isEmpty();
    }

    @Test
    void customDateTodayShownNextToField() {
        form.expiryProperty().set(ExpiryPreset.CUSTOM_DATE);
        form.customDateProperty().set(LocalDate.now(ZoneOffset.UTC));

        form.issue();

        assertThat(form.expiryErrorProperty().get()).contains("after today");
        assertThat(desk.tokens().list()).isEmpty();
    }

    @Test
    void customDateIgnoredForPresets() {
        form.expiryProperty().set(ExpiryPreset.NEVER);
        form.customDateProperty().set(LocalDate.now(ZoneOffset.UTC).minusDays(3));

        form.issue();

        assertThat(onlyToken().expiresAt()).isNull();
    }

    @Test
    void invalidAllowedIpsShownNextToField() {
        form.allowedIpsProperty().set("127.0.0.1, 10.0.0.300");

        form.issue();

        assertThat(form.allowedIpsErrorProperty().get()).contains("Invalid IP allow-list entry '10.0.0.300'");
        assertThat(form.formErrorProperty().get()).as("summary does not repeat the field's message").isEmpty();
        assertThat(form.nameErrorProperty().get()).isEmpty();
        assertThat(desk.tokens().list()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void deletedOwnerShownInSummary() {
        desk.users().delete(form.ownerProperty().get().id());

        form.issue();

        assertThat(form.formErrorProperty().get()).contains("User not found");
        assertThat(form.owners()).isEmpty();
        assertThat(form.ownerProperty().get()).isNull();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void allowedIpsStoredAndEnforced() {
        form.allowedIpsProperty().set("10.0.0.0/8  ::1");

        form.issue();

        String token = dialogs.issuedTokens.get(0).token();
        assertThat(onlyToken().allowedIps()).isEqualTo("10.0.0.0/8, ::1");
        assertThat(model.tokens().get(0).allowedIps()).isEqualTo("10.0.0.0/8, ::1");
        assertThat(desk.tokens().verify(token, "10.20.30.40").tokenId()).isEqualTo(onlyToken().id());
        assertThatThrownBy(() -> desk.tokens().verify(token, "127.0.0.1")).isInstanceOf(AddressNotAllowedException.class);
    }

    @Test
    void descriptionStoredAndCleared() {
        form.descriptionProperty().set("  for the storefront  ");

        form.issue();

        assertThat(onlyToken().description()).isEqualTo("for the storefront");
        assertThat(form.descriptionProperty().get()).isEmpty();
    }

    @Test
    void tooLongDescriptionShownNextToField() {
        form.descriptionProperty().set("x".repeat(501));

        form.issue();

        assertThat(form.descriptionErrorProperty().get()).contains("longer than 500 characters");
        assertThat(desk.tokens().list()).isEmpty();
    }

    @Test
    void pickerListsContentTypesByName() {
        assertThat(form.permissionRows()).extracting(PermissionRow::uid).containsExactly(ARTICLE, RESTAURANT);
        assertThat(form.customScopeBinding().get()).isFalse();

        form.scopeProperty().set(TokenScope.CUSTOM);

        assertThat(form.customScopeBinding().get()).isTrue();
    }

    @Test
    void customScopeStoresCheckedPermissions() {
        form.scopeProperty().set(TokenScope.CUSTOM);
        row(RESTAURANT).grantedProperty(Action.FIND).set(true);
        row(RESTAURANT).grantedProperty(Action.FIND_ONE).set(true);

        form.issue();

        TokenView stored = onlyToken();
        assertThat(stored.scope()).isEqualTo(TokenScope.CUSTOM);
        assertThat(stored.customPermissions()).isEqualTo(PermissionSet.of(Set.of(
                new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE))));
        assertThat(model.tokens().get(0).scope()).isEqualTo("custom");
    }

    @Test
    void checkedBoxesIgnoredForOtherScopes() {
        form.scopeProperty().set(TokenScope.CUSTOM);
        row(ARTICLE).grantedProperty(Action.DELETE).set(true);
        form.scopeProperty().set(TokenScope.READ_ONLY);

        form.issue();

        assertThat(onlyToken().scope()).isEqualTo(TokenScope.READ_ONLY);
        assertThat(onlyToken().customPermissions().isEmpty()).isTrue();
    }

    @Test
    void customScopeWithoutPermissionsShownNextToPicker() {
        form.scopeProperty().set(TokenScope.CUSTOM);

        form.issue();

        assertThat(form.permissionsErrorProperty().get()).contains("at least one permission");
        assertThat(desk.tokens().list()).isEmpty();
    }

    @Test
    void checkedBoxesSurviveRefresh() {
        row(ARTICLE).grantedProperty(Action.CREATE).set(true);

        model.refresh();

        assertThat(row(ARTICLE).grantedProperty(Action.CREATE).get()).isTrue();
        assertThat(row(ARTICLE).grantedProperty(Action.FIND).get()).isFalse();
    }

    private PermissionRow row(String uid) {
        return form.permissionRows().stream().filter(row -> row.uid().equals(uid)).findFirst().orElseThrow();
    }

    private TokenView onlyToken() {
        assertThat(desk.tokens().list()).hasSize(1);
        return desk.tokens().list().get(0);
    }
}
