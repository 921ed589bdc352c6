package dev.tokendesk.console.display;

import java.util.function.ToLongFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;

/** Keeps a table's selection across reloads. Use on the JavaFX application thread. */
public final class TableSelections {

    private TableSelections() {
    }

    /**
     * Selects the row with the same id again after the table's items were replaced, which clears
     * the selection. A row whose id is gone leaves the table without a selection.
     */
    public static <R> void keepSelectedById(TableView<R> table, ToLongFunction<R> id) {
        long[] selectedId = {-1};
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                selectedId[0] = id.applyAsLong(now);
            }
        });
        table.getItems().addListener((ListChangeListener<R>) change -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (id.applyAsLong(table.getItems().get(i)) == selectedId[0]) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }
}
