package dev.tokendesk.console.roles;

import atlantafx.base.theme.Styles;
import dev.tokendesk.role.Action;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A grid of content types by action with one checkbox per permission, bound to
 * {@link PermissionRow}s and rebuilt when the rows change. A checkbox under each action header
 * and one at the end of each row check or uncheck the whole column or row. The Roles screen and the custom token
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

    /** Returns the id of the checkbox that selects a whole column, such as {@code perm-all-find}. */
    public static String columnCheckboxId(String idPrefix, Action action) {
        return idPrefix + "all-" + action.apiName();
    }

    /** Returns the id of the checkbox that selects a whole row, such as {@code perm-all-api--restaurant-restaurant}. */
    public static String rowCheckboxId(String idPrefix, String uid) {
        return idPrefix + "all-" + uid.replaceAll("[^A-Za-z0-9]", "-");
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
        List<CheckBox> columnBoxes = new ArrayList<>();
        for (int column = 0; column < actions.length; column++) {
            Action action = actions[column];
            Label header = new Label(action.apiName());
            header.getStyleClass().add(Styles.TEXT_BOLD);
            CheckBox all = new CheckBox();
            all.setId(columnCheckboxId(idPrefix, action));
            all.setTooltip(new Tooltip("Check or uncheck " + action.apiName() + " on every content type"));
            all.setOnAction(event -> PermissionRow.setColumn(rows, action, all.isSelected()));
            all.setDisable(rows.isEmpty());
            columnBoxes.add(all);
            VBox cell = new VBox(4, header, all);
            cell.setAlignment(Pos.CENTER);
            GridPane.setHalignment(cell, HPos.CENTER);
            grid.add(cell, column + 1, 0);
        }
        Label allHeader = new Label("all");
        allHeader.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane.setHalignment(allHeader, HPos.CENTER);
        grid.add(allHeader, actions.length + 1, 0);

        if (rows.isEmpty()) {
            Label empty = new Label(emptyText);
            empty.setId(emptyId);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(empty, 0, 1, actions.length + 2, 1);
            return;
        }
        Runnable syncColumns = () -> {
            for (int column = 0; column < actions.length; column++) {
                columnBoxes.get(column).setSelected(PermissionRow.columnChecked(rows, actions[column]));
            }
        };
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
            CheckBox all = new CheckBox();
            all.setId(rowCheckboxId(idPrefix, row.uid()));
            all.setTooltip(new Tooltip("Check or uncheck every action on " + row.displayName()));
            all.setSelected(row.allChecked());
            all.setOnAction(event -> row.setAll(all.isSelected()));
            GridPane.setHalignment(all, HPos.CENTER);
            grid.add(all, actions.length + 1, line);
            for (Action action : actions) {
                row.grantedProperty(action).addListener((observable, before, now) -> {
                    all.setSelected(row.allChecked());
                    syncColumns.run();
                });
            }
            line++;
        }
        syncColumns.run();
    }
}
