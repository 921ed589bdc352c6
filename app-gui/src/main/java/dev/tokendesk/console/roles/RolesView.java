package dev.tokendesk.console.roles;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Roles &amp; permissions screen: a role picker and a matrix of content types by action.
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

        HBox picker = new HBox(12, new Label("Role"), role, description);
        picker.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(16, title, picker);
        root.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 16, 0));

        GridPane matrix = new PermissionMatrix(model.rows(), CHECKBOX_PREFIX,
                "No content types yet. Import a Strapi schema to grant permissions on it.", "noContentTypesLabel").node();
        matrix.setId("permissionMatrix");
        ScrollPane scroll = new ScrollPane(matrix);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);

        root.setBottom(buildActions());
        root.setPadding(new Insets(24));
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
