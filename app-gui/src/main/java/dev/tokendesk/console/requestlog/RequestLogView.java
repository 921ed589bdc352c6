package dev.tokendesk.console.requestlog;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.IconButtons;
import dev.tokendesk.console.display.TableColumns;
import javafx.geometry.Insets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Request log screen: the API server's recent requests, newest first, with filters by status,
 * user, token name and path, pause, a button that empties the view and an export to CSV. Controls and bindings only; behaviour lives
 * in {@link RequestLogViewModel}. Build and use on the JavaFX application thread.
 */
public final class RequestLogView {

    private final RequestLogViewModel model;
    private final BorderPane root = new BorderPane();

    public RequestLogView(RequestLogViewModel model) {
        this.model = model;

        Label title = new Label("Request log");
        title.getStyleClass().add(Styles.TITLE_2);
        Label note = new Label("Newest first, at most " + RequestLogViewModel.ROW_LIMIT
                + " requests. Token values in URLs show only their last four characters.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        TableView<RequestRow> table = buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        Label exported = new Label();
        exported.setId("requestLogExportMessage");
        exported.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        exported.textProperty().bind(model.exportMessageProperty());
        exported.visibleProperty().bind(exported.textProperty().isNotEmpty());
        exported.managedProperty().bind(exported.visibleProperty());
        root.setCenter(new VBox(12, new VBox(4, title, note), buildFilters(), buildActions(), table, exported,
                FormFields.errorLabel(model.exportErrorProperty(), "requestLogExportError")));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private HBox buildFilters() {
        ComboBox<StatusFilter> status = new ComboBox<>();
        status.setId("requestStatusFilter");
        status.getItems().addAll(StatusFilter.values());
        status.valueProperty().bindBidirectional(model.statusFilterProperty());

        TextField user = filterField("requestUserFilter", "User", 10);
        user.textProperty().bindBidirectional(model.userFilterProperty());
        TextField token = filterField("requestTokenFilter", "Token name", 10);
        token.textProperty().bindBidirectional(model.tokenFilterProperty());
        TextField path = filterField("requestPathFilter", "Path contains…", 20);
        path.textProperty().bindBidirectional(model.pathFilterProperty());
        HBox.setHgrow(path, Priority.ALWAYS);

        Label show = new Label("Show", IconButtons.icon(Feather.FILTER));
        show.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, show, status, user, token, path);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static TextField filterField(String id, String prompt, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        return field;
    }

    private HBox buildActions() {
        ToggleButton pause = IconButtons.toggle(Feather.PAUSE, null, "Pause or resume live updates");
        pause.setId("pauseRequestLogButton");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(paused -> paused ? "Resume" : "Pause"));

        Button clear = IconButtons.button(Feather.TRASH_2, "Clear view", "Empty the table; later requests still appear");
        clear.setId("clearRequestLogButton");
        clear.setOnAction(event -> model.clear());

        Button export = IconButtons.button(Feather.DOWNLOAD, "Export CSV…", "Save the rows shown, after the filters, as a CSV file");
        export.setId("exportRequestLogButton");
        export.disableProperty().bind(Bindings.isEmpty(model.visibleRows()));
        export.setOnAction(event -> model.exportCsv());

        Label summary = new Label();
        summary.setId("requestLogSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, pause, clear, export, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<RequestRow> buildTable() {
        TableView<RequestRow> table = new TableView<>(model.visibleRows());
        table.setId("requestLogTable");
        table.getColumns().add(TableColumns.text("Time", RequestRow::time, 175));
        table.getColumns().add(TableColumns.text("Method", RequestRow::method, 70));
        table.getColumns().add(TableColumns.styled("Status", RequestRow::statusText, row -> row.statusClass().styleClasses(), 65));
        table.getColumns().add(TableColumns.text("Who (user · token)", RequestRow::who, 160));
        table.getColumns().add(TableColumns.text("Client IP", RequestRow::clientIp, 110));
        table.getColumns().add(TableColumns.text("ms", RequestRow::duration, 60));
        table.getColumns().add(TableColumns.text("Path and query", RequestRow::target, 300));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No requests yet. Calls to the API server appear here within a second."));
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        return table;
    }
}
