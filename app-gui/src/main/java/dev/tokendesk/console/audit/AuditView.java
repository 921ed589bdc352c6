package dev.tokendesk.console.audit;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.TableColumns;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Audit screen: a table of recent admin actions with a target filter, and a panel with the
 * number of rejected credentials per reason. Controls and bindings only; behaviour lives in
 * {@link AuditViewModel}. Build and use on the JavaFX application thread.
 */
public final class AuditView {

    private final AuditViewModel model;
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel model) {
        this.model = model;

        Label title = new Label("Audit");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        VBox events = buildEvents();
        HBox.setHgrow(events, Priority.ALWAYS);
        root.setCenter(new HBox(24, events, buildFailures()));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private VBox buildEvents() {
        ComboBox<TargetFilter> filter = new ComboBox<>();
        filter.setId("auditFilterChoice");
        filter.getItems().addAll(TargetFilter.values());
        filter.valueProperty().bindBidirectional(model.filterProperty());

        Button refresh = new Button("Refresh");
        refresh.setId("refreshAuditButton");
        refresh.setOnAction(event -> model.refresh());

        Label limit = new Label("Newest " + AuditViewModel.EVENT_LIMIT + " events");
        limit.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox bar = new HBox(12, new Label("Show"), filter, refresh, limit);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRow> table = new TableView<>(model.events());
        table.setId("auditTable");
        table.getColumns().add(TableColumns.text("Time", AuditRow::time, 140));
        table.getColumns().add(TableColumns.text("Actor", AuditRow::actor, 65));
        table.getColumns().add(TableColumns.text("Action", AuditRow::action, 165));
        table.getColumns().add(TableColumns.text("Target", AuditRow::target, 170));
        table.getColumns().add(TableColumns.text("Details", AuditRow::details, 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No admin actions recorded yet."));
        table.getStyleClass().add(Styles.STRIPED);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(12, bar, table);
    }

    private VBox buildFailures() {
        Label heading = new Label("Rejected credentials");
        heading.getStyleClass().add(Styles.TITLE_4);

        Label summary = new Label();
        summary.setId("authFailureSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());

        TableView<FailureCountRow> table = new TableView<>(model.failures());
        table.setId("authFailureTable");
        TableColumn<FailureCountRow, String> reason = TableColumns.text("Reason", FailureCountRow::description, 170);
        TableColumn<FailureCountRow, String> count = new TableColumn<>("Count");
        count.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Long.toString(cell.getValue().count())));
        count.setMinWidth(60);
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(reason);
        table.getColumns().add(count);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("None"));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label note = new Label("Counted by the API server since this data directory was created. Refresh for the current numbers.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox panel = new VBox(8, heading, summary, table, note);
        panel.setMinWidth(300);
        panel.setPrefWidth(300);
        panel.setMaxWidth(300);
        return panel;
    }
}
