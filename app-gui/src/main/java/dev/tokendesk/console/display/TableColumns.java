package dev.tokendesk.console.display;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Builds read-only table columns from row accessors. Use on the JavaFX application thread. */
public final class TableColumns {

    private TableColumns() {
    }

    /**
     * Creates a column titled {@code title} that shows {@code value} of each row, never narrower
     * than {@code prefWidth}, so a constrained table scrolls instead of cutting short values.
     */
    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double prefWidth) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(prefWidth);
        column.setMinWidth(prefWidth);
        return column;
    }

    /**
     * Creates a text column like {@link #text} whose cells also carry the style classes that
     * {@code styleClasses} returns for their row, such as a colour for a status.
     */
    public static <R> TableColumn<R, R> styled(String title, Function<R, String> value, Function<R, List<String>> styleClasses,
                                               double prefWidth) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(ignored -> new StyledCell<>(value, styleClasses));
        column.setPrefWidth(prefWidth);
        column.setMinWidth(prefWidth);
        return column;
    }

    /** Shows its text in a label, because the theme colours labels by style class but not table cells. */
    private static final class StyledCell<R> extends TableCell<R, R> {

        private final Function<R, String> value;
        private final Function<R, List<String>> styleClasses;
        private final Label label = new Label();
        private List<String> applied = List.of();

        StyledCell(Function<R, String> value, Function<R, List<String>> styleClasses) {
            this.value = value;
            this.styleClasses = styleClasses;
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            // Cells are reused for other rows, so the classes of the previous row go first.
            label.getStyleClass().removeAll(applied);
            applied = List.of();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            label.setText(value.apply(row));
            applied = styleClasses.apply(row);
            label.getStyleClass().addAll(applied);
            setGraphic(label);
        }
    }
}
