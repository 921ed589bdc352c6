package dev.tokendesk.console.users;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import dev.tokendesk.console.display.TableSelections;
import dev.tokendesk.user.UserSort;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Users screen: a searchable, sortable table that shows one page of users, actions on the
 * selected user, and a form that creates a user. Controls and bindings only; behaviour lives in {@link UsersViewModel}. Build and use on
 * the JavaFX application thread.
 */
public final class UsersView {

    private final UsersViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();

    public UsersView(UsersViewModel model) {
        this.model = model;

        Label title = new Label("Users");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        TableView<UserRow> table = buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(150);
        VBox list = new VBox(12, buildSearchBar(), table, buildPager(), buildActions());
        HBox.setHgrow(list, Priority.ALWAYS);
        root.setCenter(new HBox(24, list, buildForm()));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    /** Moves the keyboard focus to the search field and selects its text, for a search shortcut. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Reloads the current page, for a refresh shortcut. */
    public void refresh() {
        model.refresh();
    }

    private HBox buildSearchBar() {
        search.setId("usersSearchField");
        search.setPromptText("Search by user name or email");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("usersLoading");
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());

        Button refresh = new Button("Refresh");
        refresh.setId("refreshUsersButton");
        refresh.setTooltip(new Tooltip("Reload the users from the database"));
        refresh.setOnAction(event -> model.refresh());

        HBox bar = new HBox(8, search, loading, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox buildPager() {
        Button first = pagerButton("firstPageButton", "\u00ab", "First page");
        first.setOnAction(event -> model.firstPage());
        first.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(1));
        Button previous = pagerButton("previousPageButton", "\u2039", "Previous page");
        previous.setOnAction(event -> model.previousPage());
        previous.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(1));
        Button next = pagerButton("nextPageButton", "\u203a", "Next page");
        next.setOnAction(event -> model.nextPage());
        next.disableProperty().bind(model.pageProperty().greaterThanOrEqualTo(model.pageCountProperty()));
        Button last = pagerButton("lastPageButton", "\u00bb", "Last page");
        last.setOnAction(event -> model.lastPage());
        last.disableProperty().bind(model.pageProperty().greaterThanOrEqualTo(model.pageCountProperty()));

        Label text = new Label();
        text.setId("usersPageLabel");
        text.textProperty().bind(model.pageTextBinding());

        HBox pager = new HBox(6, first, previous, text, next, last);
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    private static Button pagerButton(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add(Styles.FLAT);
        return button;
    }

    private TableView<UserRow> buildTable() {
        TableView<UserRow> table = new TableView<>(model.users());
        table.setId("usersTable");
        TableColumn<UserRow, ?> username = TableColumns.styled("Username", UserRow::username, UsersView::usernameStyle, 100);
        table.getColumns().add(sortedBy(username, UserSort.USERNAME));
        table.getColumns().add(sortedBy(TableColumns.text("Email", UserRow::email, 165), UserSort.EMAIL));
        table.getColumns().add(sortedBy(TableColumns.text("Role", UserRow::role, 110), UserSort.ROLE));
        table.getColumns().add(sortedBy(TableColumns.styled("Status", UserRow::statusText, UsersView::statusStyle, 75), UserSort.STATUS));
        table.getColumns().add(sortedBy(TableColumns.text("Created", UserRow::created, 130), UserSort.CREATED));
        table.getSortOrder().add(username);
        // The rows arrive sorted from the database, so a click on a header reloads them in the new order.
        table.setSortPolicy(ignored -> true);
        table.setOnSort(event -> {
            if (table.getSortOrder().isEmpty()) {
                model.sortBy(UserSort.USERNAME, true);
                return;
            }
            TableColumn<UserRow, ?> column = table.getSortOrder().get(0);
            model.sortBy((UserSort) column.getUserData(), column.getSortType() == TableColumn.SortType.ASCENDING);
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No users to show. Create one with the form on the right, or change the search."));
        table.getStyleClass().add(Styles.STRIPED);
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        TableSelections.keepSelectedById(table, UserRow::id);
        return table;
    }

    private static <T> TableColumn<UserRow, T> sortedBy(TableColumn<UserRow, T> column, UserSort sort) {
        column.setUserData(sort);
        return column;
    }

    private VBox buildActions() {
        Button edit = actionButton("editUserButton", "Edit\u2026");
        edit.setOnAction(event -> model.editSelected());

        Button jwt = actionButton("testJwtButton", "Issue a test JWT");
        jwt.setTooltip(new Tooltip("Issue a JWT as this user would get from logging in, to try the API"));
        jwt.setOnAction(event -> model.issueTestJwtForSelected());

        Button block = actionButton("blockUserButton", "Block");
        block.textProperty().bind(model.blockLabelBinding());
        block.setOnAction(event -> model.toggleBlockSelected());

        Button password = actionButton("changePasswordButton", "Change password\u2026");
        password.setOnAction(event -> model.changePasswordOfSelected());

        Button role = actionButton("changeRoleButton", "Change role\u2026");
        role.setOnAction(event -> model.changeRoleOfSelected());

        Button signOut = actionButton("signOutButton", "Sign out everywhere");
        signOut.setOnAction(event -> model.signOutSelected());

        Button delete = actionButton("deleteUserButton", "Delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.setOnAction(event -> model.deleteSelected());

        FlowPane buttons = new FlowPane(8, 8, edit, block, password, role, signOut, jwt, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("userActionStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(model.statusProperty());
        return new VBox(8, buttons, status, FormFields.errorLabel(model.actionErrorProperty(), "userActionError"));
    }

    private Button actionButton(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(model.hasSelectionBinding().not());
        return button;
    }

    private VBox buildForm() {
        NewUserForm form = model.form();
        Label heading = new Label("New user");
        heading.getStyleClass().add(Styles.TITLE_4);

        TextField username = new TextField();
        username.setId("usernameField");
        username.textProperty().bindBidirectional(form.usernameProperty());

        TextField email = new TextField();
        email.setId("emailField");
        email.setPromptText("name@example.com");
        email.textProperty().bindBidirectional(form.emailProperty());

        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText("at least 8 characters");
        password.textProperty().bindBidirectional(form.passwordProperty());

        ComboBox<String> role = new ComboBox<>(form.roleNames());
        role.setId("roleChoice");
        role.setMaxWidth(Double.MAX_VALUE);
        role.valueProperty().bindBidirectional(form.roleProperty());

        Button create = new Button("Create user");
        create.setId("createUserButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(form.busyProperty());
        create.setOnAction(event -> form.createUser());

        Label status = new Label();
        status.setId("userStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(form.statusProperty());

        VBox box = new VBox(12,
                heading,
                FormFields.labelled("Username", username, form.usernameErrorProperty(), "usernameError"),
                FormFields.labelled("Email", email, form.emailErrorProperty(), "emailError"),
                FormFields.labelled("Password", password, form.passwordErrorProperty(), "passwordError"),
                FormFields.labelled("Role", role, form.roleErrorProperty(), "roleError"),
                create,
                FormFields.errorLabel(form.formErrorProperty(), "userFormError"),
                status);
        box.setMinWidth(280);
        box.setPrefWidth(280);
        box.setMaxWidth(280);
        return box;
    }

    private static List<String> usernameStyle(UserRow row) {
        return row.blocked() ? List.of(Styles.TEXT_MUTED) : List.of();
    }

    private static List<String> statusStyle(UserRow row) {
        return row.blocked() ? List.of(Styles.DANGER, Styles.TEXT_BOLD) : List.of(Styles.SUCCESS);
    }
}
