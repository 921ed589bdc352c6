package dev.tokendesk.console.tokens;

import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Tokens screen: the token list, the issue form and revocation.
 *
 * <p>The clear token of a new token only passes through {@link DialogService#showIssuedToken};
 * this class keeps no reference to it. Not thread-safe: use it on the UI thread.
 */
public final class TokensViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TokensViewModel.class);

    private final TokenService tokenService;
    private final UserService userService;
    private final RoleService roleService;
    private final ContentCatalog catalog;
    private final Supplier<String> baseUrl;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<TokenRow> tokens = FXCollections.observableArrayList();
    private final ObservableList<OwnerChoice> owners = FXCollections.observableArrayList();
    private final ObjectProperty<TokenRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<OwnerChoice> owner = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TokenScope> scope = new SimpleObjectProperty<>(TokenScope.READ_ONLY);
    private final ObjectProperty<ExpiryPreset> expiry = new SimpleObjectProperty<>(ExpiryPreset.THIRTY_DAYS);
    private final StringProperty ownerError = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canRevoke = Bindings.createBooleanBinding(
            () -> selected.get() != null && selected.get().status() != TokenStatus.REVOKED, selected);

    /**
     * Creates the view model.
     *
     * @param baseUrl returns the running server's base URL, or an empty string when it is not running; called on the UI thread
     */
    public TokensViewModel(TokenService tokenService, UserService userService, RoleService roleService, ContentCatalog catalog,
                           Supplier<String> baseUrl, BackgroundExecutor executor, DialogService dialogs) {
        this.tokenService = tokenService;
        this.userService = userService;
        this.roleService = roleService;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Reloads the tokens and the users that can own one. */
    public void refresh() {
        executor.submit(() -> new Snapshot(tokenService.list(), userService.list()), this::show, this::showUnexpected);
    }

    /** Issues a token from the form and shows it once in the token dialog. */
    public void issueToken() {
        if (busy.get()) {
            return;
        }
        clearErrors();
        status.set("");
        if (owner.get() == null) {
            ownerError.set("Choose the user the token acts as.");
            return;
        }
        busy.set(true);
        TokenRequest request = TokenRequest.of(owner.get().id(), name.get(), scope.get(), expiry.get().toExpiry());
        String url = baseUrl.get();

        executor.submit(() -> issueWithDetails(request, url), details -> {
            busy.set(false);
            name.set("");
            status.set("Issued token " + details.tokenName() + " for " + details.ownerUsername() + ".");
            refresh();
            dialogs.showIssuedToken(details);
        }, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(this::showFormFailure, () -> showUnexpected(failure));
        });
    }

    /** Revokes the selected token after the admin confirms; does nothing without a selection. */
    public void revokeSelected() {
        TokenRow row = selected.get();
        if (row == null || row.status() == TokenStatus.REVOKED) {
            return;
        }
        String question = "Revoke token " + row.name() + " (" + row.hint() + ") of " + row.owner()
                + "? Requests that present it are rejected from now on. This cannot be undone.";
        if (!dialogs.confirm("Revoke token", question, "Revoke")) {
            return;
        }
        executor.submit(() -> tokenService.revoke(row.id()), revoked -> {
            status.set("Revoked token " + revoked.name() + ".");
            refresh();
        }, failure -> FormFailure.from(failure).ifPresentOrElse(this::showFormFailure, () -> showUnexpected(failure)));
    }

    private IssuedTokenDetails issueWithDetails(TokenRequest request, String serverUrl) {
        IssuedToken issued = tokenService.issue(request);
        TokenView view = issued.view();
        if (serverUrl == null || serverUrl.isEmpty()) {
            return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                    "The API server is not running, so there is no URL yet. Start it on the Dashboard.");
        }
        try {
            Optional<ContentTypeSummary> readable = readableCollection(view);
            if (readable.isEmpty()) {
                return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                        "No ready URL: the role of " + view.ownerUsername() + " grants find on no collection type. "
                                + "Grant it under Roles & permissions; the token works as soon as the role allows it.");
            }
            return IssuedTokenDetails.withCollection(view.name(), view.ownerUsername(), issued.token(), serverUrl,
                    readable.get().pluralName());
        } catch (RuntimeException e) {
            // The token exists now and is never shown again, so a failed look-up must not hide it.
            LOG.warn("Could not find a readable collection for the new token {}", view.id(), e);
            return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                    "No ready URL: the content types could not be read (" + e.getMessage() + ").");
        }
    }

    private Optional<ContentTypeSummary> readableCollection(TokenView view) {
        Optional<UserView> ownerView = userService.find(view.ownerId());
        if (ownerView.isEmpty()) {
            return Optional.empty();
        }
        PermissionSet rolePermissions = roleService.permissionsOf(ownerView.get().roleId());
        return ReadableCollections.firstReadable(catalog.listTypes(), rolePermissions, view.scope(), view.customPermissions());
    }

    private void show(Snapshot snapshot) {
        tokens.setAll(snapshot.tokens().stream().map(TokenRow::of).toList());

        List<OwnerChoice> choices = snapshot.users().stream().map(user -> new OwnerChoice(user.id(), user.username())).toList();
        OwnerChoice chosen = owner.get();
        owners.setAll(choices);
        if (chosen != null) {
            owner.set(choices.stream().filter(choice -> choice.id() == chosen.id()).findFirst().orElse(null));
        }
    }

    private void showFormFailure(FormFailure failure) {
        ownerError.set(failure.messageFor("owner"));
        nameError.set(failure.messageFor("name"));
        formError.set(failure.summary());
        refresh();
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Tokens screen: a background call failed", failure);
        dialogs.showError("Tokens", "The tokens could not be loaded or changed: " + failure.getMessage());
    }

    private void clearErrors() {
        ownerError.set("");
        nameError.set("");
        formError.set("");
    }

    public ObservableList<TokenRow> tokens() {
        return tokens;
    }

    public ObservableList<OwnerChoice> owners() {
        return owners;
    }

    /** Returns the token selected in the table, which the view binds. */
    public ObjectProperty<TokenRow> selectedProperty() {
        return selected;
    }

    /** Returns whether a token that is not yet revoked is selected. */
    public BooleanBinding canRevokeBinding() {
        return canRevoke;
    }

    public ObjectProperty<OwnerChoice> ownerProperty() {
        return owner;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TokenScope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExpiryPreset> expiryProperty() {
        return expiry;
    }

    public StringProperty ownerErrorProperty() {
        return ownerError;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    /** Summary of why the last command was rejected, empty when it was not. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    /** Confirmation of the last successful command, empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    private record Snapshot(List<TokenView> tokens, List<UserView> users) {
    }
}
