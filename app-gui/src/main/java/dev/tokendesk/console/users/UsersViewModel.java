package dev.tokendesk.console.users;

import com.auth0.jwt.JWT;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.PasswordChangeForm;
import dev.tokendesk.console.dialog.TestJwtDetails;
import dev.tokendesk.console.dialog.UserEditForm;
import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.console.form.FormFailure;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.db.Page;
import dev.tokendesk.jwt.JwtService;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.role.RoleType;
import dev.tokendesk.role.RoleView;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.user.UserQuery;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserSort;
import dev.tokendesk.user.UserView;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
 * State and commands of the Users screen: one page of users, searched, sorted and paged in SQL;
 * the actions on the selected user (edit, block, password, sign-out, role, test JWT, delete); and
 * the {@linkplain #form() form} that creates a user.
 *
 * <p>Only the rows of the current page are in memory. Typing in the search field reloads the first
 * page; when several reloads queue up behind a slow query, only the newest one runs.
 *
 * <p>Not thread-safe: use it on the UI thread. Service calls run through the
 * {@link BackgroundExecutor}.
 */
public final class UsersViewModel {

    /** Rows per page of the users table. */
    public static final int PAGE_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);

    private final UserService userService;
    private final RoleService roleService;
    private final TokenService tokenService;
    private final JwtService jwtService;
    private final Supplier<String> baseUrl;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final NewUserForm form;
    private final AtomicLong latestLoad = new AtomicLong();

    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty actionError = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<UserSort> sort = new SimpleObjectProperty<>(UserSort.USERNAME);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final IntegerProperty page = new SimpleIntegerProperty(1);
    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final LongProperty total = new SimpleLongProperty(0);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringBinding pageText = Bindings.createStringBinding(this::describePage, page, pageCount, total, search);
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding blockLabel = Bindings.createStringBinding(
            () -> current().map(UserRow::blocked).orElse(false) ? "Unblock" : "Block", selected, users);
    private List<String> assignableRoles = List.of();

    /**
     * Creates the view model.
     *
     * @param baseUrl returns the running server's base URL, or an empty string when it is not running; called on the UI thread
     */
    public UsersViewModel(UserService userService, RoleService roleService, TokenService tokenService, JwtService jwtService,
                          Supplier<String> baseUrl, BackgroundExecutor executor, DialogService dialogs) {
        this.userService = userService;
        this.roleService = roleService;
        this.tokenService = tokenService;
        this.jwtService = jwtService;
        this.baseUrl = baseUrl;
        this.executor = executor;
        this.dialogs = dialogs;
        this.form = new NewUserForm(userService, executor, this::refresh, this::showUnexpected);
        search.addListener((observable, before, now) -> {
            page.set(1);
            refresh();
        });
    }

    /** Reloads the current page of users and the roles a user can have. */
    public void refresh() {
        long load = latestLoad.incrementAndGet();
        UserQuery query = new UserQuery(search.get(), sort.get(), ascending.get(), page.get(), PAGE_SIZE);
        loading.set(true);
        executor.submit(() -> {
            // A newer reload is queued behind this one, so this query would be thrown away.
            if (load != latestLoad.get()) {
                return null;
            }
            return new Snapshot(userService.page(query), roleService.list());
        }, snapshot -> {
            if (snapshot != null && load == latestLoad.get()) {
                loading.set(false);
                show(snapshot);
            }
        }, failure -> {
            loading.set(false);
            showUnexpected(failure);
        });
    }

    /** Sorts by {@code column} in the given direction and reloads the first page; does nothing when that is the current order. */
    public void sortBy(UserSort column, boolean ascendingOrder) {
        if (sort.get() == column && ascending.get() == ascendingOrder) {
            return;
        }
        sort.set(column);
        ascending.set(ascendingOrder);
        page.set(1);
        refresh();
    }

    /** Shows page {@code number}, clamped to the pages there are. */
    public void goToPage(int number) {
        int clamped = Math.max(1, Math.min(number, pageCount.get()));
        if (clamped != page.get()) {
            page.set(clamped);
            refresh();
        }
    }

    public void firstPage() {
        goToPage(1);
    }

    public void previousPage() {
        goToPage(page.get() - 1);
    }

    public void nextPage() {
        goToPage(page.get() + 1);
    }

    public void lastPage() {
        goToPage(pageCount.get());
    }

    /** Opens the dialog that edits the selected user's name and email. */
    public void editSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        UserEditForm editForm = new UserEditForm(row.username(), row.email(), executor,
                (username, email) -> userService.update(row.id(), username, email), () -> {
                    status.set("Saved the changes to " + row.username() + ".");
                    refresh();
                });
        dialogs.showUserEdit(editForm);
    }

    /**
     * Issues a JWT for the selected user, as the login endpoint would, and shows it once with a
     * curl command. A blocked user gets no JWT, because the server would reject it.
     */
    public void issueTestJwtForSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        status.set("");
        String url = baseUrl.get();
        executor.submit(() -> issueTestJwt(row.id(), url), details -> {
            if (details.isEmpty()) {
                actionError.set(row.username() + " is blocked, so the server would reject their JWT. Unblock them first.");
                return;
            }
            dialogs.showTestJwt(details.get());
        }, this::showActionFailure);
    }

    private Optional<TestJwtDetails> issueTestJwt(long userId, String url) {
        UserView user = userService.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
        if (user.blocked()) {
            return Optional.empty();
        }
        String jwt = jwtService.issue(user);
        Instant expires = JWT.decode(jwt).getExpiresAtAsInstant();
        String note = "It works until " + DisplayTime.format(expires, "") + ", or until " + user.username()
                + " changes password, is blocked or is signed out everywhere.";
        return Optional.of(TestJwtDetails.of(user.username(), jwt, url, note));
    }

    /** Returns the form that creates a user. */
    public NewUserForm form() {
        return form;
    }

    /** Blocks the selected user, or unblocks a blocked one. A blocked user's tokens and JWTs are rejected. */
    public void toggleBlockSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        boolean block = !row.blocked();
        String done = block
                ? "Blocked " + row.username() + ". Their API tokens and JWTs are rejected until you unblock them."
                : "Unblocked " + row.username() + ". Their API tokens work again; they must log in again for a JWT.";
        run(() -> userService.setBlocked(row.id(), block), done);
    }

    /** Opens the password dialog for the selected user. */
    public void changePasswordOfSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        PasswordChangeForm passwordForm = new PasswordChangeForm(row.username(), executor,
                password -> userService.changePassword(row.id(), password), () -> {
                    status.set("Changed the password of " + row.username() + ". Their JWTs no longer work.");
                    refresh();
                });
        dialogs.showPasswordChange(passwordForm);
    }

    /** Ends every session of the selected user after the admin confirms; their API tokens keep working. */
    public void signOutSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        String question = "Sign out " + row.username() + " everywhere? Every JWT issued to " + row.username()
                + " stops working on the next request, so apps that logged in as " + row.username() + " must log in again.\n\n"
                + "API tokens of " + row.username() + " keep working. Revoke them on the Tokens screen to stop them too.";
        if (!dialogs.confirm("Sign out everywhere", question, "Sign out")) {
            return;
        }
        run(() -> userService.signOutEverywhere(row.id()), "Signed out " + row.username() + " everywhere. Their API tokens still work.");
    }

    /** Offers the roles a user can have and gives the selected user the chosen one. */
    public void changeRoleOfSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        String question = "Choose the role of " + row.username() + ". It applies to their API tokens on the next request.";
        Optional<String> role = dialogs.choose("Change role", question, assignableRoles, row.role(), "Change role");
        if (role.isEmpty() || role.get().equals(row.role())) {
            return;
        }
        run(() -> userService.changeRole(row.id(), role.get()), "Gave " + row.username() + " the role " + role.get() + ".");
    }

    /** Counts the selected user's tokens, then deletes the user and those tokens after the admin confirms. */
    public void deleteSelected() {
        UserRow row = current().orElse(null);
        if (row == null) {
            return;
        }
        actionError.set("");
        executor.submit(() -> tokenService.listForUser(row.id()).size(), tokenCount -> confirmDelete(row, tokenCount),
                this::showActionFailure);
    }

    private void confirmDelete(UserRow row, int tokenCount) {
        String tokens = switch (tokenCount) {
            case 0 -> row.username() + " has no API tokens.";
            case 1 -> "Their 1 API token is deleted with them and stops working at once.";
            default -> "Their " + tokenCount + " API tokens are deleted with them and stop working at once.";
        };
        String question = "Delete user " + row.username() + " (" + row.email() + ")? " + tokens + " This cannot be undone.";
        if (!dialogs.confirm("Delete user", question, "Delete")) {
            return;
        }
        String done = "Deleted user " + row.username() + (tokenCount == 0 ? "." : " and " + tokenCount
                + (tokenCount == 1 ? " token." : " tokens."));
        run(() -> userService.delete(row.id()), done);
    }

    /**
     * Returns the loaded row of the selected user. A reload replaces the rows, so the selected row
     * may be an older copy with a stale blocked flag or role.
     */
    private Optional<UserRow> current() {
        UserRow row = selected.get();
        if (row == null) {
            return Optional.empty();
        }
        return users.stream().filter(loaded -> loaded.id() == row.id()).findFirst();
    }

    private void run(BackgroundExecutor.ThrowingRunnable change, String done) {
        actionError.set("");
        status.set("");
        executor.submit(change, () -> {
            status.set(done);
            refresh();
        }, this::showActionFailure);
    }

    private void show(Snapshot snapshot) {
        Page<UserView> loaded = snapshot.users();
        total.set(loaded.total());
        pageCount.set(loaded.pageCount());
        users.setAll(loaded.items().stream().map(UserRow::of).toList());
        // A page past the end, after deletions or a narrower search, shows the last page instead.
        if (loaded.items().isEmpty() && loaded.page() > loaded.pageCount()) {
            goToPage(loaded.pageCount());
        }

        List<RoleView> assignable = snapshot.roles().stream().filter(view -> view.type() != RoleType.PUBLIC).toList();
        assignableRoles = assignable.stream().map(RoleView::name).toList();
        form.showRoles(assignable);
    }

    private String describePage() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        numbers.setGroupingUsed(true);
        String count = numbers.format(total.get()) + (total.get() == 1 ? " user" : " users");
        String matching = search.get().isBlank() ? count : count + " match";
        return "Page " + numbers.format(page.get()) + " of " + numbers.format(pageCount.get()) + " \u00b7 " + matching;
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
        LOG.error("Users screen: a background call failed", failure);
        dialogs.showError("Users", "The users could not be loaded or saved: " + failure.getMessage());
    }

    /** Returns the rows of the current page. */
    public ObservableList<UserRow> users() {
        return users;
    }

    /** Text that the user name or email must contain; changing it reloads the first page. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<UserSort> sortProperty() {
        return sort;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** Returns the number of the page shown, starting at 1. */
    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** Returns the number of users that match the search on every page. */
    public LongProperty totalProperty() {
        return total;
    }

    /** Returns whether a reload is running, for a progress indicator. */
    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Returns a line such as {@code Page 3 of 1,000 · 100,000 users}. */
    public StringBinding pageTextBinding() {
        return pageText;
    }

    /** Returns the user selected in the table, which the view binds. */
    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding hasSelectionBinding() {
        return hasSelection;
    }

    /** Returns {@code Unblock} while a blocked user is selected and {@code Block} otherwise, for the toggle button. */
    public StringBinding blockLabelBinding() {
        return blockLabel;
    }

    /** Confirmation of the last successful action on a user, empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns why the last action on the selected user was rejected, or an empty string when it was not. */
    public StringProperty actionErrorProperty() {
        return actionError;
    }

    private record Snapshot(Page<UserView> users, List<RoleView> roles) {
    }
}
