package dev.tokendesk.console.roles;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.role.Action;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

    private final RolesViewModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane matrix = new GridPane();

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

        matrix.setId("permissionMatrix");
        matrix.setHgap(24);
        matrix.setVgap(10);
        matrix.setPadding(new Insets(12));
        model.rows().addListener((ListChangeListener<PermissionRow>) change -> rebuildMatrix());
        rebuildMatrix();
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

    private void rebuildMatrix() {
        matrix.getChildren().clear();
        Label typeHeader = new Label("Content type");
        typeHeader.getStyleClass().add(Styles.TEXT_BOLD);
        matrix.add(typeHeader, 0, 0);
        Action[] actions = Action.values();
        for (int column = 0; column < actions.length; column++) {
            Label header = new Label(actions[column].apiName());
            header.getStyleClass().add(Styles.TEXT_BOLD);
            GridPane.setHalignment(header, HPos.CENTER);
            matrix.add(header, column + 1, 0);
        }

        if (model.rows().isEmpty()) {
            Label empty = new Label("No content types yet. Import a Strapi schema to grant permissions on it.");
            empty.setId("noContentTypesLabel");
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            matrix.add(empty, 0, 1, actions.length + 1, 1);
            return;
        }
        int line = 1;
        for (PermissionRow row : model.rows()) {
            Label name = new Label(row.displayName());
            Label uid = new Label(row.known() ? row.uid() : "no content type has this uid");
            uid.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            matrix.add(new VBox(2, name, uid), 0, line);
            for (int column = 0; column < actions.length; column++) {
                CheckBox box = new CheckBox();
                box.setId(checkboxId(row.uid(), actions[column]));
                box.selectedProperty().bindBidirectional(row.grantedProperty(actions[column]));
                GridPane.setHalignment(box, HPos.CENTER);
                matrix.add(box, column + 1, line);
            }
            line++;
        }
    }

    /** Returns the id of a matrix checkbox, such as {@code perm-api--restaurant-restaurant-find}; usable as a CSS id. */
    static String checkboxId(String uid, Action action) {
        return "perm-" + uid.replaceAll("[^A-Za-z0-9]", "-") + "-" + action.apiName();
    }
}
