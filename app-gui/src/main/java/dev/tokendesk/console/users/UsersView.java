package dev.tokendesk.console.users;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Users screen: a table of users and a form that creates one. Controls and bindings only;
 * behaviour lives in {@link UsersViewModel}. Build and use on the JavaFX application thread.
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
        VBox form = buildForm();
        HBox.setHgrow(table, Priority.ALWAYS);
        root.setCenter(new HBox(24, table, form));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private TableView<UserRow> buildTable() {
        TableView<UserRow> table = new TableView<>(model.users());
        table.setId("usersTable");
        table.getColumns().add(TableColumns.text("Username", UserRow::username, 100));
        table.getColumns().add(TableColumns.text("Email", UserRow::email, 165));
        table.getColumns().add(TableColumns.text("Role", UserRow::role, 115));
        table.getColumns().add(TableColumns.text("Blocked", UserRow::blocked, 75));
        table.getColumns().add(TableColumns.text("Created", UserRow::created, 145));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No users yet. Create one with the form on the right."));
        table.getStyleClass().add(Styles.STRIPED);
        return table;
    }

    private VBox buildForm() {
        Label heading = new Label("New user");
        heading.getStyleClass().add(Styles.TITLE_4);

        TextField username = new TextField();
        username.setId("usernameField");
        username.textProperty().bindBidirectional(model.usernameProperty());

        TextField email = new TextField();
        email.setId("emailField");
        email.setPromptText("name@example.com");
        email.textProperty().bindBidirectional(model.emailProperty());

        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText("at least 8 characters");
        password.textProperty().bindBidirectional(model.passwordProperty());

        ComboBox<String> role = new ComboBox<>(model.roleNames());
        role.setId("roleChoice");
        role.setMaxWidth(Double.MAX_VALUE);
        role.valueProperty().bindBidirectional(model.roleProperty());

        Button create = new Button("Create user");
        create.setId("createUserButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(event -> model.createUser());

        Label status = new Label();
        status.setId("userStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(model.statusProperty());

        VBox form = new VBox(12,
                heading,
                FormFields.labelled("Username", username, model.usernameErrorProperty(), "usernameError"),
                FormFields.labelled("Email", email, model.emailErrorProperty(), "emailError"),
                FormFields.labelled("Password", password, model.passwordErrorProperty(), "passwordError"),
                FormFields.labelled("Role", role, model.roleErrorProperty(), "roleError"),
                create,
                FormFields.errorLabel(model.formErrorProperty(), "userFormError"),
                status);
        form.setMinWidth(280);
        form.setPrefWidth(280);
        form.setMaxWidth(280);
        return form;
    }
}
