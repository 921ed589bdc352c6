package dev.tokendesk.console.roles;

import atlantafx.base.theme.Styles;
import dev.tokendesk.role.Action;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A grid of content types by action with one checkbox per permission, bound to
 * {@link PermissionRow}s and rebuilt when the rows change. The Roles screen and the custom token
 * scope use it. Build and use on the JavaFX application thread.
 */
public final class PermissionMatrix {

    private final ObservableList<PermissionRow> rows;
    private final String idPrefix;
    private final String emptyText;
    private final String emptyId;
    private final GridPane grid = new GridPane();

    /**
     * Creates the grid.
     *
     * @param idPrefix start of every checkbox id, so two matrices in one window have distinct ids
     * @param emptyText text shown while there are no rows
     * @param emptyId id of the label that shows {@code emptyText}
     */
    public PermissionMatrix(ObservableList<PermissionRow> rows, String idPrefix, String emptyText, String emptyId) {
        this.rows = rows;
        this.idPrefix = idPrefix;
        this.emptyText = emptyText;
        this.emptyId = emptyId;
        grid.setHgap(24);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        rows.addListener((ListChangeListener<PermissionRow>) change -> rebuild());
        rebuild();
    }

    public GridPane node() {
        return grid;
    }

    /** Returns the id of a checkbox, such as {@code perm-api--restaurant-restaurant-find}; usable as a CSS id. */
    public static String checkboxId(String idPrefix, String uid, Action action) {
        return idPrefix + uid.replaceAll("[^A-Za-z0-9]", "-") + "-" + action.apiName();
    }

    private void rebuild() {
        grid.getChildren().clear();
        Label typeHeader = new Label("Content type");
        typeHeader.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(typeHeader, 0, 0);
        Action[] actions = Action.values();
        for (int column = 0; column < actions.length; column++) {
            Label header = new Label(actions[column].apiName());
            header.getStyleClass().add(Styles.TEXT_BOLD);
            GridPane.setHalignment(header, HPos.CENTER);
            grid.add(header, column + 1, 0);
        }

        if (rows.isEmpty()) {
            Label empty = new Label(emptyText);
            empty.setId(emptyId);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(empty, 0, 1, actions.length + 1, 1);
            return;
        }
        int line = 1;
        for (PermissionRow row : rows) {
            Label name = new Label(row.displayName());
            Label uid = new Label(row.known() ? row.uid() : "no content type has this uid");
            uid.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            grid.add(new VBox(2, name, uid), 0, line);
            for (int column = 0; column < actions.length; column++) {
                CheckBox box = new CheckBox();
                box.setId(checkboxId(idPrefix, row.uid(), actions[column]));
                box.selectedProperty().bindBidirectional(row.grantedProperty(actions[column]));
                GridPane.setHalignment(box, HPos.CENTER);
                grid.add(box, column + 1, line);
            }
            line++;
        }
    }
}
