package dev.tokendesk.console.tokens;

import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.roles.PermissionRow;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.user.UserQuery;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserSort;
import dev.tokendesk.user.UserView;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

/**
 * State and command of the issue form on the Tokens screen: owner, name, description, scope with
 * its permission picker, expiry and IP allow-list. Rejected input lands in one error property per
 * field.
 *
 * <p>The clear token of a new token only passes through {@link DialogService#showIssuedToken};
 * this class keeps no reference to it. Not thread-safe: use it on the UI thread.
 */
public final class IssueTokenForm {

    /** Maximum number of users the owner list offers at once; typing in the owner search narrows them down. */
    public static final int OWNER_MATCHES = 20;

    private static final Set<String> FORM_FIELDS = Set.of("owner", "name", "description", "expires", "allowedIps", "permissions");

    private final TokenService tokenService;
    private final UserService userService;
    private final IssuedTokenDescriber describer;
    private final Supplier<String> baseUrl;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Consumer<IssuedTokenDetails> onIssued;
    private final Runnable onRejected;
    private final Consumer<Exception> onUnexpected;

    private final ObservableList<OwnerChoice> owners = FXCollections.observableArrayList();
    private final ObservableList<PermissionRow> permissionRows = FXCollections.observableArrayList();
    private final ObjectProperty<OwnerChoice> owner = new SimpleObjectProperty<>();
    private final StringProperty ownerSearch = new SimpleStringProperty("");
    private long ownerSearchNumber;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<TokenScope> scope = new SimpleObjectProperty<>(TokenScope.READ_ONLY);
    private final ObjectProperty<ExpiryPreset> expiry = new SimpleObjectProperty<>(ExpiryPreset.THIRTY_DAYS);
    private final ObjectProperty<LocalDate> customDate = new SimpleObjectProperty<>();
    private final StringProperty allowedIps = new SimpleStringProperty("");
    private final StringProperty ownerError = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty descriptionError = new SimpleStringProperty("");
    private final StringProperty expiryError = new SimpleStringProperty("");
    private final StringProperty allowedIpsError = new SimpleStringProperty("");
    private final StringProperty permissionsError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding customScope = Bindings.createBooleanBinding(() -> scope.get() == TokenScope.CUSTOM, scope);
    private final BooleanBinding customExpiry = Bindings.createBooleanBinding(() -> expiry.get() == ExpiryPreset.CUSTOM_DATE, expiry);

    /**
     * Creates the form.
     *
     * @param onIssued runs after a token was issued, before its dialog opens
     * @param onRejected runs after the service rejected the input, which may mean the owner was deleted meanwhile
     * @param onUnexpected receives failures that are no fault of the input
     */
    IssueTokenForm(TokenService tokenService, UserService userService, IssuedTokenDescriber describer, Supplier<String> baseUrl,
                   BackgroundExecutor executor, DialogService dialogs, Consumer<IssuedTokenDetails> onIssued, Runnable onRejected,
                   Consumer<Exception> onUnexpected) {
        this.tokenService = tokenService;
        this.userService = userService;
        this.describer = describer;
        this.baseUrl = baseUrl;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onIssued = onIssued;
        this.onRejected = onRejected;
        this.onUnexpected = onUnexpected;
        ownerSearch.addListener((observable, before, now) -> ownerSearchChanged(now));
    }

    private void ownerSearchChanged(String text) {
        OwnerChoice chosen = owner.get();
        if (chosen != null && !chosen.username().equalsIgnoreCase(text.strip())) {
            owner.set(null);
        }
        searchOwners();
    }

    /**
     * Loads the first {@value #OWNER_MATCHES} users, by user name, whose name or email contains the
     * owner search text. The query runs in SQL, so any user of a large installation can be found.
     * Results of an older search that arrive late are dropped.
     */
    public void searchOwners() {
        long number = ++ownerSearchNumber;
        String text = ownerSearch.get();
        OwnerChoice chosen = owner.get();
        executor.submit(() -> loadOwners(text, chosen), users -> {
            if (number == ownerSearchNumber) {
                showOwners(users);
            }
        }, onUnexpected);
    }

    /** Returns the matching users, plus the chosen owner when it still exists but is not among them. Runs on the background worker. */
    private List<UserView> loadOwners(String text, OwnerChoice chosen) {
        List<UserView> users = new ArrayList<>(userService.page(new UserQuery(text, UserSort.USERNAME, true, 1, OWNER_MATCHES)).items());
        if (chosen != null && users.stream().noneMatch(user -> user.id() == chosen.id())) {
            userService.find(chosen.id()).ifPresent(user -> users.add(0, user));
        }
        return users;
    }

    /** Issues a token from the form and shows it once in the token dialog. */
    public void issue() {
        if (busy.get()) {
            return;
        }
        clearErrors();
        if (owner.get() == null) {
            owner.set(exactOwnerMatch().orElse(null));
        }
        if (owner.get() == null) {
            ownerError.set("Choose the user the token acts as.");
            return;
        }
        if (expiry.get() == ExpiryPreset.CUSTOM_DATE && !validCustomDate()) {
            return;
        }
        busy.set(true);
        long ownerId = owner.get().id();
        Expiry chosenExpiry = expiry.get().toExpiry(customDate.get());
        Set<Permission> permissions = scope.get() == TokenScope.CUSTOM ? checkedPermissions() : Set.of();
        String ipText = allowedIps.get();
        String url = baseUrl.get();
        TokenScope chosenScope = scope.get();
        String chosenName = name.get();
        String chosenDescription = description.get();

        executor.submit(() -> {
            TokenRequest request = new TokenRequest(ownerId, chosenName, chosenDescription, chosenScope, permissions, chosenExpiry,
                    IpAllowList.parse(ipText));
            return describer.describe(tokenService.issue(request), url);
        }, this::issued, failure -> {
            busy.set(false);
            FormFailure.from(failure).ifPresentOrElse(this::showFailure, () -> onUnexpected.accept(failure));
        });
    }

    private void issued(IssuedTokenDetails details) {
        busy.set(false);
        name.set("");
        description.set("");
        onIssued.accept(details);
        dialogs.showIssuedToken(details);
    }

    private boolean validCustomDate() {
        LocalDate date = customDate.get();
        if (date == null) {
            expiryError.set("Choose the day the token expires.");
            return false;
        }
        // The service reads a date as its start in UTC, so a token for today would be expired already.
        if (!date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            expiryError.set("Choose a day after today: the token expires at the start of that day (UTC).");
            return false;
        }
        return true;
    }

    private Set<Permission> checkedPermissions() {
        Set<Permission> permissions = new HashSet<>();
        permissionRows.forEach(row -> row.addCheckedTo(permissions));
        return permissions;
    }

    /**
     * Offers {@code users} as owners. The chosen owner stays chosen while it is among them, and a
     * search that finds exactly one user, or a user with exactly the searched name, chooses it.
     */
    private void showOwners(List<UserView> users) {
        List<OwnerChoice> choices = users.stream().map(user -> new OwnerChoice(user.id(), user.username())).toList();
        OwnerChoice chosen = owner.get();
        owners.setAll(choices);
        if (chosen != null) {
            owner.set(choices.stream().filter(choice -> choice.id() == chosen.id()).findFirst().orElse(null));
        } else if (!ownerSearch.get().isBlank()) {
            owner.set(choices.size() == 1 ? choices.get(0) : exactOwnerMatch().orElse(null));
        }
    }

    private Optional<OwnerChoice> exactOwnerMatch() {
        String text = ownerSearch.get().strip();
        return owners.stream().filter(choice -> choice.username().equalsIgnoreCase(text)).findFirst();
    }

    /** Offers {@code types} in the permission picker; checked boxes stay checked. */
    void showContentTypes(List<ContentTypeSummary> types) {
        PermissionSet checked = PermissionSet.of(checkedPermissions());
        permissionRows.setAll(types.stream()
                .sorted(Comparator.comparing(ContentTypeSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(type -> new PermissionRow(type.uid(), type.displayName(), true, checked))
                .toList());
    }

    private void showFailure(FormFailure failure) {
        ownerError.set(failure.messageFor("owner"));
        nameError.set(failure.messageFor("name"));
        descriptionError.set(failure.messageFor("description"));
        expiryError.set(failure.messageFor("expires"));
        allowedIpsError.set(failure.messageFor("allowedIps"));
        permissionsError.set(failure.messageFor("permissions"));
        formError.set(shownNextToField(failure) ? "" : failure.summary());
        onRejected.run();
    }

    /** Returns whether the failure is one message that is already shown under its field, so a summary would repeat it. */
    private static boolean shownNextToField(FormFailure failure) {
        return failure.fieldMessages().size() == 1 && FORM_FIELDS.containsAll(failure.fieldMessages().keySet());
    }

    private void clearErrors() {
        ownerError.set("");
        nameError.set("");
        descriptionError.set("");
        expiryError.set("");
        allowedIpsError.set("");
        permissionsError.set("");
        formError.set("");
    }

    public ObservableList<OwnerChoice> owners() {
        return owners;
    }

    /** Returns one row per content type with a checkbox per action, for the custom scope. */
    public ObservableList<PermissionRow> permissionRows() {
        return permissionRows;
    }

    public ObjectProperty<OwnerChoice> ownerProperty() {
        return owner;
    }

    /** Text that the owner's user name or email contains; each change searches again. */
    public StringProperty ownerSearchProperty() {
        return ownerSearch;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<TokenScope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExpiryPreset> expiryProperty() {
        return expiry;
    }

    /** Returns the day chosen for {@link ExpiryPreset#CUSTOM_DATE}; ignored for the other presets. */
    public ObjectProperty<LocalDate> customDateProperty() {
        return customDate;
    }

    /** Returns the allow-list as typed, such as {@code 127.0.0.1, 10.0.0.0/8}; blank allows every address. */
    public StringProperty allowedIpsProperty() {
        return allowedIps;
    }

    /** Returns whether the custom scope is chosen, so the permission picker is shown. */
    public BooleanBinding customScopeBinding() {
        return customScope;
    }

    /** Returns whether the custom date is chosen, so the date picker is shown. */
    public BooleanBinding customExpiryBinding() {
        return customExpiry;
    }

    public StringProperty ownerErrorProperty() {
        return ownerError;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty descriptionErrorProperty() {
        return descriptionError;
    }

    public StringProperty expiryErrorProperty() {
        return expiryError;
    }

    public StringProperty allowedIpsErrorProperty() {
        return allowedIpsError;
    }

    public StringProperty permissionsErrorProperty() {
        return permissionsError;
    }

    /** Summary of why the last submission was rejected, empty when it was not. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
