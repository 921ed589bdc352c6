package dev.tokendesk.console.roles;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Roles &amp; permissions screen. It has a role picker with create, rename and delete, and a
 * matrix of content types by action with select-all per row and column. A side panel shows the
 * effective permissions of one user.
 * Controls and bindings only; behaviour lives in {@link RolesViewModel}. Build and use on the
 * JavaFX application thread.
 */
public final class RolesView {

    private static final String CHECKBOX_PREFIX = "perm-";

    private final RolesViewModel model;
    private final BorderPane root = new BorderPane();

    public RolesView(RolesViewModel model) {
        this.model = model;

        Label title = new Label("Roles & permissions");
        title.getStyleClass().add(Styles.TITLE_2);

        ComboBox<String> role = new ComboBox<>(model.roleNames());
        role.setId("rolePicker");
        role.setPrefWidth(220);
        role.valueProperty().bindBidirectional(model.selectedRoleProperty());

        Label description = new Label();
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.textProperty().bind(model.roleDescriptionProperty());

        Button create = new Button("New role\u2026");
        create.setId("newRoleButton");
        create.setOnAction(event -> model.createRole());
        Button rename = new Button("Rename\u2026");
        rename.setId("renameRoleButton");
        rename.setTooltip(new Tooltip("Rename the selected role; built-in roles keep their names"));
        rename.disableProperty().bind(model.customSelectedProperty().not());
        rename.setOnAction(event -> model.renameSelected());
        Button delete = new Button("Delete role");
        delete.setId("deleteRoleButton");
        delete.setTooltip(new Tooltip("Delete the selected role; only roles that no user has can be deleted"));
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(model.customSelectedProperty().not());
        delete.setOnAction(event -> model.deleteSelected());

        HBox picker = new HBox(12, new Label("Role"), role, create, rename, delete, description);
        picker.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(16, title, picker);
        root.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 16, 0));

        GridPane matrix = new PermissionMatrix(model.rows(), CHECKBOX_PREFIX,
                "No content types yet. Import a Strapi schema to grant permissions on it.", "noContentTypesLabel").node();
        matrix.setId("permissionMatrix");
        ScrollPane scroll = new ScrollPane(matrix);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox editor = new VBox(0, scroll, buildActions());
        HBox.setHgrow(editor, Priority.ALWAYS);
        root.setCenter(new HBox(24, editor, buildEffectivePanel()));
        root.setPadding(new Insets(24));
    }

    /** Reloads roles and content types, for a refresh shortcut. */
    public void refresh() {
        model.refresh();
    }

    private VBox buildEffectivePanel() {
        Label heading = new Label("Effective permissions of a user");
        heading.getStyleClass().add(Styles.TITLE_4);

        TextField user = new TextField();
        user.setId("effectiveUserField");
        user.setPromptText("user name or email");
        user.textProperty().bindBidirectional(model.effectiveUserProperty());
        user.setOnAction(event -> model.showEffectivePermissions());
        HBox.setHgrow(user, Priority.ALWAYS);
        Button show = new Button("Show");
        show.setId("showEffectiveButton");
        show.setOnAction(event -> model.showEffectivePermissions());

        Label summary = new Label();
        summary.setId("effectiveSummaryLabel");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.effectiveSummaryProperty());

        TableView<EffectiveRow> table = new TableView<>(model.effectiveRows());
        table.setId("effectiveTable");
        table.getColumns().add(TableColumns.text("Credential", EffectiveRow::credential, 130));
        table.getColumns().add(TableColumns.text("Content type", EffectiveRow::contentType, 100));
        table.getColumns().add(TableColumns.text("Actions", EffectiveRow::actions, 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Type a user name or email and press Show."));
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox lookUp = new HBox(8, user, show);
        lookUp.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(10, heading, lookUp, FormFields.errorLabel(model.effectiveErrorProperty(), "effectiveError"),
                summary, table);
        panel.setPrefWidth(380);
        panel.setMinWidth(380);
        return panel;
    }

    public Parent root() {
        return root;
    }

    private HBox buildActions() {
        Button save = new Button("Save");
        save.setId("savePermissionsButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        save.setOnAction(event -> model.save());

        Button discard = new Button("Discard changes");
        discard.setId("discardPermissionsButton");
        discard.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        discard.setOnAction(event -> model.discardChanges());

        Label status = new Label();
        status.setId("permissionsStatus");
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(model.statusProperty());

        HBox actions = new HBox(12, save, discard, status, FormFields.errorLabel(model.errorProperty(), "permissionsError"));
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(16, 0, 0, 0));
        return actions;
    }
}
