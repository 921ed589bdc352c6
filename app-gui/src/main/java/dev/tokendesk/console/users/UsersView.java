package dev.tokendesk.console.users;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import dev.tokendesk.console.display.TableSelections;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Users screen: a table of users with actions on the selected one, and a form that creates a
 * user. Controls and bindings only; behaviour lives in {@link UsersViewModel}. Build and use on
 * the JavaFX application thread.
 */
public final class UsersView {

    private final UsersViewModel model;
    private final BorderPane root = new BorderPane();

    public UsersView(UsersViewModel model) {
        this.model = model;

        Label title = new Label("Users");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        TableView<UserRow> table = buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox list = new VBox(12, table, buildActions());
        HBox.setHgrow(list, Priority.ALWAYS);
        root.setCenter(new HBox(24, list, buildForm()));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private TableView<UserRow> buildTable() {
        TableView<UserRow> table = new TableView<>(model.users());
        table.setId("usersTable");
        table.getColumns().add(TableColumns.styled("Username", UserRow::username, UsersView::usernameStyle, 100));
        table.getColumns().add(TableColumns.text("Email", UserRow::email, 165));
        table.getColumns().add(TableColumns.text("Role", UserRow::role, 110));
        table.getColumns().add(TableColumns.styled("Status", UserRow::statusText, UsersView::statusStyle, 75));
        table.getColumns().add(TableColumns.text("Created", UserRow::created, 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No users yet. Create one with the form on the right."));
        table.getStyleClass().add(Styles.STRIPED);
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        TableSelections.keepSelectedById(table, UserRow::id);
        return table;
    }

    private VBox buildActions() {
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

        FlowPane buttons = new FlowPane(8, 8, block, password, role, signOut, delete);
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
