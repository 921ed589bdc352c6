package dev.tokendesk.console.display;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
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
}
