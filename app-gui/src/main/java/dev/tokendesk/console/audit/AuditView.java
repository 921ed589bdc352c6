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
 * The Audit screen: a table of recent admin actions with a target filter, and under it the
 * number of rejected credentials per reason. Controls and bindings only; behaviour lives in
 * {@link AuditViewModel}. Build and use on the JavaFX application thread.
 */
public final class AuditView {

    private static final double FAILURE_TABLE_HEIGHT = 150;

    private final AuditViewModel model;
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel model) {
        this.model = model;

        Label title = new Label("Audit");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        VBox events = buildEvents();
        VBox.setVgrow(events, Priority.ALWAYS);
        root.setCenter(new VBox(20, events, buildFailures()));
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
        table.getColumns().add(TableColumns.text("Time", AuditRow::time, 170));
        table.getColumns().add(TableColumns.text("Actor", AuditRow::actor, 65));
        table.getColumns().add(TableColumns.text("Action", AuditRow::action, 160));
        table.getColumns().add(TableColumns.text("Target", AuditRow::target, 360));
        table.getColumns().add(TableColumns.text("Details", AuditRow::details, 190));
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
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        heading.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, heading, summary);
        header.setAlignment(Pos.BASELINE_LEFT);
        Label note = new Label("Counted by the API server since this data directory was created. Refresh shows the current numbers.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        TableView<FailureCountRow> table = new TableView<>(model.failures());
        table.setId("authFailureTable");
        TableColumn<FailureCountRow, String> count = new TableColumn<>("Count");
        count.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Long.toString(cell.getValue().count())));
        count.setMinWidth(80);
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(count);
        table.getColumns().add(TableColumns.text("Reason", FailureCountRow::reason, 200));
        table.getColumns().add(TableColumns.text("Meaning", FailureCountRow::description, 700));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("None"));
        table.setPrefHeight(FAILURE_TABLE_HEIGHT);
        table.setMinHeight(FAILURE_TABLE_HEIGHT);
        return new VBox(8, header, table, note);
    }
}
