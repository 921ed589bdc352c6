package dev.tokendesk.console.tokens;

import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.db.Page;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenQuery;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserQuery;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Tokens screen: one page of tokens, filtered by status, owner and
 * scope in SQL; the actions on the selected token (regenerate, revoke, delete); and the
 * {@linkplain #form() issue form}.
 *
 * <p>A regenerated token's clear value only passes through
 * {@link DialogService#showRegeneratedToken}; this class keeps no reference to it. Not
 * thread-safe: use it on the UI thread.
 */
public final class TokensViewModel {

    /** Rows per page of the tokens table. */
    public static final int PAGE_SIZE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(TokensViewModel.class);

    private final TokenService tokenService;
    private final UserService userService;
    private final ContentCatalog catalog;
    private final Supplier<String> baseUrl;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final IssuedTokenDescriber describer;
    private final IssueTokenForm form;

    private final ObservableList<TokenRow> tokens = FXCollections.observableArrayList();
    private final ObjectProperty<TokenRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty actionError = new SimpleStringProperty("");
    private final ObjectProperty<TokenStatusFilter> statusFilter = new SimpleObjectProperty<>(TokenStatusFilter.ALL);
    private final ObjectProperty<TokenScopeFilter> scopeFilter = new SimpleObjectProperty<>(TokenScopeFilter.ALL);
    private final StringProperty ownerFilter = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(1);
    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final LongProperty total = new SimpleLongProperty(0);
    private final StringBinding pageText = Bindings.createStringBinding(
            () -> "Page " + page.get() + " of " + pageCount.get() + " \u00b7 " + total.get() + (total.get() == 1 ? " token" : " tokens"),
            page, pageCount, total);
    private final BooleanBinding canRevoke = Bindings.createBooleanBinding(
            () -> current().filter(row -> row.status() != TokenStatus.REVOKED).isPresent(), selected, tokens);
    private final BooleanBinding canRegenerate = Bindings.createBooleanBinding(
            () -> current().filter(row -> row.status() == TokenStatus.ACTIVE).isPresent(), selected, tokens);
    private final BooleanBinding canDelete = Bindings.createBooleanBinding(() -> current().isPresent(), selected, tokens);

    /**
     * Creates the view model.
     *
     * @param baseUrl returns the running server's base URL, or an empty string when it is not running; called on the UI thread
     */
    public TokensViewModel(TokenService tokenService, UserService userService, RoleService roleService, ContentCatalog catalog,
                           Supplier<String> baseUrl, BackgroundExecutor executor, DialogService dialogs) {
        this.tokenService = tokenService;
        this.userService = userService;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.executor = executor;
        this.dialogs = dialogs;
        this.describer = new IssuedTokenDescriber(userService, roleService, catalog);
        this.form = new IssueTokenForm(tokenService, describer, baseUrl, executor, dialogs, this::issued, this::refresh,
                this::showUnexpected);
        statusFilter.addListener((observable, before, now) -> filterChanged());
        scopeFilter.addListener((observable, before, now) -> filterChanged());
        ownerFilter.addListener((observable, before, now) -> filterChanged());
    }

    /** Reloads the current page of tokens, the users that can own one and the content types of the permission picker. */
    public void refresh() {
        TokenQuery query = new TokenQuery(null, ownerFilter.get(), statusFilter.get().status(), scopeFilter.get().scope(),
                page.get(), PAGE_SIZE);
        // TODO: the issue form offers only the first page of users by name as owners; a searchable owner field would reach every user.
        UserQuery owners = UserQuery.firstPage(Page.MAX_PAGE_SIZE);
        executor.submit(() -> new Snapshot(tokenService.page(query), userService.page(owners).items(), catalog.listTypes()),
                this::show, this::showUnexpected);
    }

    /** Shows page {@code number}, clamped to the pages there are. */
    public void goToPage(int number) {
        int clamped = Math.max(1, Math.min(number, pageCount.get()));
        if (clamped != page.get()) {
            page.set(clamped);
            refresh();
        }
    }

    public void previousPage() {
        goToPage(page.get() - 1);
    }

    public void nextPage() {
        goToPage(page.get() + 1);
    }

    /** Shows every token again: all statuses, scopes and owners. */
    public void clearFilters() {
        statusFilter.set(TokenStatusFilter.ALL);
        scopeFilter.set(TokenScopeFilter.ALL);
        ownerFilter.set("");
    }

    private void filterChanged() {
        page.set(1);
        refresh();
    }

    /** Returns the issue form. */
    public IssueTokenForm form() {
        return form;
    }

    /**
     * Gives the selected token a new value after the admin chose a grace period, then shows the
     * value once. Does nothing without a selection or when the token is not active.
     */
    public void regenerateSelected() {
        TokenRow row = current().orElse(null);
        if (row == null || row.status() != TokenStatus.ACTIVE) {
            return;
        }
        String question = "Token " + describe(row) + " gets a new value, shown once. "
                + "How long may apps keep using the current value?";
        Optional<GracePeriod> grace = dialogs.choose("Regenerate token", question, Arrays.asList(GracePeriod.values()),
                GracePeriod.NONE, "Regenerate");
        if (grace.isEmpty()) {
            return;
        }
        actionError.set("");
        status.set("");
        String url = baseUrl.get();

        executor.submit(() -> regenerate(row.id(), grace.get(), url), regenerated -> {
            status.set("Regenerated token " + regenerated.details().tokenName() + ".");
            refresh();
            dialogs.showRegeneratedToken(regenerated.details(), regenerated.previousValueNote());
        }, this::showActionFailure);
    }

    /** Revokes the selected token after the admin confirms; does nothing without a selection. */
    public void revokeSelected() {
        TokenRow row = current().orElse(null);
        if (row == null || row.status() == TokenStatus.REVOKED) {
            return;
        }
        String question = "Revoke token " + describe(row)
                + "? Requests that present it are rejected from now on. This cannot be undone.";
        if (!dialogs.confirm("Revoke token", question, "Revoke")) {
            return;
        }
        actionError.set("");
        executor.submit(() -> tokenService.revoke(row.id()), revoked -> {
            status.set("Revoked token " + revoked.name() + ".");
            refresh();
        }, this::showActionFailure);
    }

    /** Deletes the selected token for good after the admin confirms; does nothing without a selection. */
    public void deleteSelected() {
        TokenRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        String question = "Delete token " + describe(row) + "? It disappears from the list and requests that present it"
                + " are rejected from now on. This cannot be undone.";
        if (!dialogs.confirm("Delete token", question, "Delete")) {
            return;
        }
        actionError.set("");
        executor.submit(() -> tokenService.delete(row.id()), () -> {
            status.set("Deleted token " + row.name() + ".");
            refresh();
        }, this::showActionFailure);
    }

    /**
     * Returns the loaded row of the selected token. A reload replaces the rows, so the selected row
     * may be an older copy with a stale status.
     */
    private Optional<TokenRow> current() {
        TokenRow row = selected.get();
        if (row == null) {
            return Optional.empty();
        }
        return tokens.stream().filter(loaded -> loaded.id() == row.id()).findFirst();
    }

    private Regenerated regenerate(long tokenId, GracePeriod grace, String url) {
        IssuedToken issued = tokenService.regenerate(tokenId, grace.duration());
        TokenView view = issued.view();
        String note = view.previousValidUntil() == null
                ? "The previous value no longer works."
                : "The previous value keeps working until " + DisplayTime.format(view.previousValidUntil(), "") + ".";
        return new Regenerated(describer.describe(issued, url), note);
    }

    private void issued(IssuedTokenDetails details) {
        status.set("Issued token " + details.tokenName() + " for " + details.ownerUsername() + ".");
        refresh();
    }

    private void show(Snapshot snapshot) {
        Page<TokenView> loaded = snapshot.tokens();
        total.set(loaded.total());
        pageCount.set(loaded.pageCount());
        tokens.setAll(loaded.items().stream().map(TokenRow::of).toList());
        if (loaded.items().isEmpty() && loaded.page() > loaded.pageCount()) {
            goToPage(loaded.pageCount());
        }
        form.showChoices(snapshot.users(), snapshot.types());
    }

    private void showActionFailure(Exception failure) {
        Optional<FormFailure> rejected = FormFailure.from(failure);
        if (rejected.isEmpty()) {
            showUnexpected(failure);
            return;
        }
        actionError.set(rejected.get().summary());
        refresh();
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Tokens screen: a background call failed", failure);
        dialogs.showError("Tokens", "The tokens could not be loaded or changed: " + failure.getMessage());
    }

    private static String describe(TokenRow row) {
        return row.name() + " (" + row.hint() + ") of " + row.owner();
    }

    /** Returns the rows of the current page. */
    public ObservableList<TokenRow> tokens() {
        return tokens;
    }

    public ObjectProperty<TokenStatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<TokenScopeFilter> scopeFilterProperty() {
        return scopeFilter;
    }

    /** Text that the owner's user name must contain; empty for every owner. */
    public StringProperty ownerFilterProperty() {
        return ownerFilter;
    }

    /** Returns the number of the page shown, starting at 1. */
    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** Returns the number of tokens that match the filters on every page. */
    public LongProperty totalProperty() {
        return total;
    }

    /** Returns a line such as {@code Page 1 of 2 · 73 tokens}. */
    public StringBinding pageTextBinding() {
        return pageText;
    }

    /** Returns the token selected in the table, which the view binds. */
    public ObjectProperty<TokenRow> selectedProperty() {
        return selected;
    }

    /** Returns whether a token that is not yet revoked is selected. */
    public BooleanBinding canRevokeBinding() {
        return canRevoke;
    }

    /** Returns whether an active token is selected; expired and revoked tokens cannot be regenerated. */
    public BooleanBinding canRegenerateBinding() {
        return canRegenerate;
    }

    public BooleanBinding canDeleteBinding() {
        return canDelete;
    }

    /** Confirmation of the last successful command, empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns why the last action on the selected token was rejected, or an empty string when it was not. */
    public StringProperty actionErrorProperty() {
        return actionError;
    }

    private record Snapshot(Page<TokenView> tokens, List<UserView> users, List<ContentTypeSummary> types) {
    }

    private record Regenerated(IssuedTokenDetails details, String previousValueNote) {
    }
}
