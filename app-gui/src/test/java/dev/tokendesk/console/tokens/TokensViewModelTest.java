package dev.tokendesk.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.DeskContentCatalog;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.console.testing.Schemas;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenQuery;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensViewModelTest {

    private static final String RESTAURANT = "api::restaurant.restaurant";
    private static final String ARTICLE = "api::article.article";
    private static final String HOMEPAGE = "api::homepage.homepage";

    @TempDir
    Path dataDir;

    private TokenDesk desk;
    private ApiServer server;
    private RecordingDialogs dialogs;
    private TokensViewModel model;
    private UserView alice;
    private ContentCatalog types;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir.resolve("data"));
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "restaurant", "restaurants", "Restaurant");
        Schemas.importType(desk, dataDir.resolve("schemas"), "collectionType", "article", "articles", "Article");
        Schemas.importType(desk, dataDir.resolve("schemas"), "singleType", "homepage", "homepages", "Homepage");
        types = new DeskContentCatalog(desk);
        server = new ApiServer(desk);
        server.start();
        dialogs = new RecordingDialogs();
        model = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), types, server::baseUrl, new InlineExecutor(), dialogs);
        alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        model.refresh();
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void refreshListsUsersAsOwners() {
        assertThat(model.form().owners()).containsExactly(new OwnerChoice(alice.id(), "alice"));
    }

    @Test
    void issueShowsTokenUrlAndCurl() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));
        fillForm("front end", TokenScope.READ_ONLY, ExpiryPreset.SEVEN_DAYS);

        model.form().issue();

        assertThat(dialogs.issuedTokens).hasSize(1);
        IssuedTokenDetails details = dialogs.issuedTokens.get(0);
        String token = details.token();
        assertThat(token).matches("tdk_[0-9A-Za-z]{49}");
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerId()).isEqualTo(alice.id());
        assertThat(details.url()).isEqualTo(server.baseUrl() + "/api/restaurants?token=" + token);
        assertThat(details.curlCommand())
                .isEqualTo("curl -H \"Authorization: Bearer " + token + "\" " + server.baseUrl() + "/api/restaurants");
        assertThat(details.httpieCommand())
                .isEqualTo("http GET " + server.baseUrl() + "/api/restaurants \"Authorization:Bearer " + token + "\"");
        assertThat(details.noUrlReason()).isNull();
        assertThat(details.tokenName()).isEqualTo("front end");
        assertThat(details.ownerUsername()).isEqualTo("alice");
    }

    @Test
    void issueStoresChosenScopeAndExpiry() {
        fillForm("ci", TokenScope.FULL, ExpiryPreset.SEVEN_DAYS);
        Instant before = Instant.now();

        model.form().issue();

        TokenView stored = desk.tokens().list().get(0);
        assertThat(stored.scope()).isEqualTo(TokenScope.FULL);
        assertThat(stored.expiresAt()).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("ci");
        assertThat(model.form().nameProperty().get()).isEmpty();
    }

    @Test
    void urlUsesOnlyCollectionsTheRoleCanFind() {
        desk.roles().grant("Authenticated", Set.of(
                new Permission(ARTICLE, Action.FIND_ONE),
                new Permission(HOMEPAGE, Action.FIND),
                new Permission(RESTAURANT, Action.FIND)));
        fillForm("reader", TokenScope.READ_ONLY, ExpiryPreset.NEVER);

        model.form().issue();

        assertThat(dialogs.issuedTokens.get(0).url()).contains("/api/restaurants?token=");
    }

    @Test
    void noReadableCollectionExplainedInsteadOfUrl() {
        fillForm("nothing yet", TokenScope.FULL, ExpiryPreset.ONE_DAY);

        model.form().issue();

        IssuedTokenDetails details = dialogs.issuedTokens.get(0);
        assertThat(details.hasUrl()).isFalse();
        assertThat(details.curlCommand()).isNull();
        assertThat(details.noUrlReason()).contains("alice").contains("grants find on no collection type");
        assertThat(desk.tokens().verify(details.token(), "127.0.0.1").ownerId()).isEqualTo(alice.id());
    }

    @Test
    void stoppedServerExplainedInsteadOfUrl() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));
        TokensViewModel offline = new TokensViewModel(desk.tokens(), desk.users(), desk.roles(), types, () -> "",
                new InlineExecutor(), dialogs);
        offline.refresh();
        offline.form().ownerProperty().set(offline.form().owners().get(0));
        offline.form().nameProperty().set("offline");

        offline.form().issue();

        assertThat(dialogs.issuedTokens.get(0).noUrlReason()).contains("not running");
    }

    @Test
    void missingOwnerShownNextToField() {
        model.form().nameProperty().set("orphan");

        model.form().issue();

        assertThat(model.form().ownerErrorProperty().get()).isNotEmpty();
        assertThat(dialogs.issuedTokens).isEmpty();
        assertThat(desk.tokens().list()).isEmpty();
    }

    @Test
    void blankNameShownNextToField() {
        fillForm("  ", TokenScope.READ_ONLY, ExpiryPreset.ONE_DAY);

        model.form().issue();

        assertThat(model.form().nameErrorProperty().get()).contains("name is missing");
        assertThat(dialogs.issuedTokens).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void tokenAppearsInNoProperty() {
        fillForm("secret keeper", TokenScope.READ_ONLY, ExpiryPreset.ONE_DAY);

        model.form().issue();

        String token = dialogs.issuedTokens.get(0).token();
        assertThat(model.statusProperty().get()).doesNotContain(token);
        assertThat(model.tokens().get(0).hint()).isEqualTo("tdk_\u2026" + token.substring(token.length() - 4));
        assertThat(model.tokens().get(0).toString()).doesNotContain(token);
    }

    @Test
    void revokeAfterConfirmation() {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        model.refresh();
        model.selectedProperty().set(model.tokens().get(0));

        model.revokeSelected();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0)).contains("ci").contains("alice");
        assertThat(model.tokens().get(0).status()).isEqualTo(TokenStatus.REVOKED);
        assertThat(model.tokens().get(0).statusText()).isEqualTo("revoked");
        assertThatThrownBy(() -> desk.tokens().verify(token, "127.0.0.1")).isInstanceOf(CredentialRejectedException.class);
    }

    @Test
    void cancelledRevokeKeepsToken() {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        model.refresh();
        model.selectedProperty().set(model.tokens().get(0));
        dialogs.replyToConfirmations(false);

        model.revokeSelected();

        assertThat(model.tokens().get(0).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(desk.tokens().verify(token, "127.0.0.1").ownerId()).isEqualTo(alice.id());
    }

    @Test
    void revokedTokenCannotBeRevokedAgain() {
        desk.tokens().revoke(desk.tokens().issue(TokenRequest.of(alice.id(), "old", TokenScope.FULL, Expiry.NEVER)).view().id());
        model.refresh();
        model.selectedProperty().set(model.tokens().get(0));

        model.revokeSelected();

        assertThat(model.canRevokeBinding().get()).isFalse();
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void regenerateWithoutGraceRejectsOldValue() {
        String old = issueDirectly("ci");
        dialogs.replyToChoices(GracePeriod.NONE);

        model.regenerateSelected();

        assertThat(dialogs.choiceOptions.get(0)).containsExactly(GracePeriod.NONE, GracePeriod.FIFTEEN_MINUTES, GracePeriod.ONE_HOUR,
                GracePeriod.ONE_DAY);
        assertThat(dialogs.regeneratedTokens).hasSize(1);
        String fresh = dialogs.regeneratedTokens.get(0).token();
        // Compared as a boolean so a failure report does not print either value.
        assertThat(fresh.equals(old)).as("new value differs from the old one").isFalse();
        assertThatThrownBy(() -> desk.tokens().verify(old, "127.0.0.1")).isInstanceOf(CredentialRejectedException.class);
        assertThat(desk.tokens().verify(fresh, "127.0.0.1").ownerId()).isEqualTo(alice.id());
        assertThat(dialogs.previousValueNotes.get(0)).contains("no longer works");
    }

    @Test
    void regenerateWithGraceKeepsOldValue() {
        String old = issueDirectly("ci");
        dialogs.replyToChoices(GracePeriod.ONE_HOUR);

        model.regenerateSelected();

        String fresh = dialogs.regeneratedTokens.get(0).token();
        assertThat(desk.tokens().verify(old, "127.0.0.1").ownerId()).isEqualTo(alice.id());
        assertThat(desk.tokens().verify(fresh, "127.0.0.1").ownerId()).isEqualTo(alice.id());
        assertThat(desk.tokens().list().get(0).previousValidUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(dialogs.previousValueNotes.get(0)).contains("keeps working until");
    }

    @Test
    void regeneratedValueShownWithReadyUrl() {
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));
        issueDirectly("ci");
        dialogs.replyToChoices(GracePeriod.NONE);

        model.regenerateSelected();

        IssuedTokenDetails details = dialogs.regeneratedTokens.get(0);
        assertThat(details.url().equals(server.baseUrl() + "/api/restaurants?token=" + details.token())).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Regenerated token ci.");
        assertThat(model.statusProperty().get()).doesNotContain(details.token());
        assertThat(model.tokens().get(0).hint()).endsWith(details.token().substring(details.token().length() - 4));
    }

    @Test
    void cancelledRegenerateKeepsValue() {
        String old = issueDirectly("ci");
        dialogs.replyToChoices(null);

        model.regenerateSelected();

        assertThat(dialogs.choiceQuestions).hasSize(1);
        assertThat(dialogs.regeneratedTokens).isEmpty();
        assertThat(desk.tokens().verify(old, "127.0.0.1").ownerId()).isEqualTo(alice.id());
    }

    @Test
    void revokedTokenCannotBeRegenerated() {
        desk.tokens().revoke(desk.tokens().issue(TokenRequest.of(alice.id(), "old", TokenScope.FULL, Expiry.NEVER)).view().id());
        model.refresh();
        model.selectedProperty().set(model.tokens().get(0));
        dialogs.replyToChoices(GracePeriod.NONE);

        model.regenerateSelected();

        assertThat(model.canRegenerateBinding().get()).isFalse();
        assertThat(dialogs.choiceQuestions).isEmpty();
        assertThat(dialogs.regeneratedTokens).isEmpty();
    }

    @Test
    void deleteAfterConfirmation() {
        String token = issueDirectly("ci");

        model.deleteSelected();

        assertThat(dialogs.confirmations.get(0)).contains("Delete token ci").contains("alice");
        assertThat(model.tokens()).isEmpty();
        assertThat(desk.tokens().list()).isEmpty();
        assertThatThrownBy(() -> desk.tokens().verify(token, "127.0.0.1")).isInstanceOf(CredentialRejectedException.class);
    }

    @Test
    void cancelledDeleteKeepsToken() {
        issueDirectly("ci");
        dialogs.replyToConfirmations(false);

        model.deleteSelected();

        assertThat(model.tokens()).hasSize(1);
        assertThat(desk.tokens().list()).hasSize(1);
    }

    @Test
    void tokenDeletedMeanwhileShownAsActionError() {
        issueDirectly("ci");
        desk.tokens().delete(desk.tokens().list().get(0).id());

        model.deleteSelected();

        assertThat(model.actionErrorProperty().get()).contains("Token not found");
        assertThat(model.tokens()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void rowShowsLastUseAndAddress() {
        issueDirectly("ci");
        desk.lastUsed().record(desk.tokens().list().get(0).id(), "10.1.2.3");
        desk.lastUsed().flush();

        model.refresh();

        TokenRow row = model.tokens().get(0);
        assertThat(row.lastUsed()).isNotEqualTo("never");
        assertThat(row.lastUsedFrom()).isEqualTo("10.1.2.3");
        assertThat(row.allowedIps()).isEqualTo("any");
        assertThat(row.statusText()).isEqualTo("active");
    }


    @Test
    void statusFilterShowsOnlyMatchingTokens() {
        issueDirectly("kept");
        issueDirectly("gone");
        long gone = desk.tokens().page(new TokenQuery(null, "", null, null, 1, 50)).items().get(1).id();
        desk.tokens().revoke(gone);

        model.statusFilterProperty().set(TokenStatusFilter.REVOKED);

        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("gone");
        assertThat(model.totalProperty().get()).isEqualTo(1);

        model.statusFilterProperty().set(TokenStatusFilter.ACTIVE);

        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("kept");
    }

    @Test
    void ownerAndScopeFiltersCombine() {
        UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-123", null));
        desk.tokens().issue(TokenRequest.of(alice.id(), "alice-full", TokenScope.FULL, Expiry.NEVER));
        desk.tokens().issue(TokenRequest.of(bob.id(), "bob-full", TokenScope.FULL, Expiry.NEVER));
        desk.tokens().issue(TokenRequest.of(bob.id(), "bob-read", TokenScope.READ_ONLY, Expiry.NEVER));

        model.ownerFilterProperty().set("BO");
        model.scopeFilterProperty().set(TokenScopeFilter.READ_ONLY);

        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("bob-read");

        model.clearFilters();

        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("alice-full", "bob-full", "bob-read");
    }

    @Test
    void pagesThroughManyTokens() {
        for (int i = 0; i < TokensViewModel.PAGE_SIZE + 3; i++) {
            desk.tokens().issue(TokenRequest.of(alice.id(), "token " + i, TokenScope.READ_ONLY, Expiry.NEVER));
        }
        model.refresh();

        assertThat(model.tokens()).hasSize(TokensViewModel.PAGE_SIZE);
        assertThat(model.pageTextBinding().get()).isEqualTo("Page 1 of 2 \u00b7 53 tokens");

        model.nextPage();

        assertThat(model.tokens()).extracting(TokenRow::name).containsExactly("token 50", "token 51", "token 52");
    }

    /** Issues a full token for alice through the service, selects it and returns its value. */
    private String issueDirectly(String name) {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), name, TokenScope.FULL, Expiry.NEVER)).token();
        model.refresh();
        model.selectedProperty().set(model.tokens().get(0));
        return token;
    }

    private void fillForm(String name, TokenScope scope, ExpiryPreset expiry) {
        model.form().ownerProperty().set(model.form().owners().get(0));
        model.form().nameProperty().set(name);
        model.form().scopeProperty().set(scope);
        model.form().expiryProperty().set(expiry);
    }
}
