package dev.tokendesk.console.content;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import dev.tokendesk.console.display.TableSelections;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Content screen: content types with their attributes on the left, a filtered, paged table of
 * the selected type's entries on the right with the selected entry's JSON under it, and import
 * buttons on top. Controls and bindings only; behaviour lives in {@link ContentViewModel}. Build
 * and use on the JavaFX application thread.
 */
public final class ContentView {

    private static final double COLUMN_WIDTH = 110;
    private static final double JSON_MIN_HEIGHT = 90;

    private final ContentViewModel model;
    private final BorderPane root = new BorderPane();

    public ContentView(ContentViewModel model) {
        this.model = model;

        Label title = new Label("Content");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, buildImportBar());
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, header, buildImportOutcome());
        root.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 16, 0));

        SplitPane split = new SplitPane(buildTypes(), buildEntries());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private HBox buildImportBar() {
        ContentImports imports = model.imports();
        Button schemas = new Button("Import schemas\u2026");
        schemas.setId("importSchemasButton");
        schemas.disableProperty().bind(imports.busyProperty());
        schemas.setOnAction(event -> imports.importSchemas());

        Button schemaFile = new Button("Import schema file\u2026");
        schemaFile.setId("importSchemaFileButton");
        schemaFile.disableProperty().bind(imports.busyProperty());
        schemaFile.setOnAction(event -> imports.importSchemaFile());

        Button entries = new Button("Import entries\u2026");
        entries.setId("importEntriesButton");
        entries.disableProperty().bind(imports.busyProperty()
                .or(model.selectedTypeProperty().isNull())
                .or(model.entriesNoteProperty().isNotEmpty()));
        entries.setOnAction(event -> imports.importEntries());

        CheckBox skip = new CheckBox("Skip unknown keys");
        skip.setId("skipUnknownKeysCheck");
        skip.selectedProperty().bindBidirectional(imports.skipUnknownKeysProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgressBar");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(imports.progressProperty());
        progress.visibleProperty().bind(imports.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        HBox bar = new HBox(8, progress, schemas, schemaFile, entries, skip);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private VBox buildImportOutcome() {
        ContentImports imports = model.imports();
        Label status = new Label();
        status.setId("importStatusLabel");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(imports.statusProperty());
        status.managedProperty().bind(status.visibleProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());

        ListView<String> problems = new ListView<>(imports.problems());
        problems.setId("importProblemList");
        problems.setPrefHeight(110);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.visibleProperty().bind(Bindings.isNotEmpty(imports.problems()));
        return new VBox(6, status, FormFields.errorLabel(imports.failureProperty(), "importFailureLabel"), problems);
    }

    private VBox buildTypes() {
        ListView<TypeRow> list = new ListView<>(model.types());
        list.setId("contentTypeList");
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(ignored -> new TypeCell());
        list.setPlaceholder(new Label("No content types yet. Import schemas to add some."));
        list.setPrefHeight(150);
        list.setMinHeight(90);
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.selectedTypeProperty().set(now);
            }
        });
        model.selectedTypeProperty().addListener((observable, before, now) -> list.getSelectionModel().select(now));
        // Replacing the items clears the list's selection, while the model may keep the same type.
        model.types().addListener((ListChangeListener<TypeRow>) change -> list.getSelectionModel().select(model.selectedTypeProperty().get()));

        Label detail = new Label();
        detail.setId("typeDetailLabel");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detail.textProperty().bind(Bindings.createStringBinding(
                () -> model.selectedTypeProperty().get() == null ? "" : model.selectedTypeProperty().get().detailText(),
                model.selectedTypeProperty()));

        TableView<AttributeRow> attributes = new TableView<>(model.attributes());
        attributes.setId("attributeTable");
        attributes.getColumns().add(TableColumns.text("Attribute", AttributeRow::name, 130));
        attributes.getColumns().add(TableColumns.text("Flags", AttributeRow::flags, 135));
        // Last and wide, because relation and component targets are long; the table scrolls sideways for them.
        attributes.getColumns().add(TableColumns.text("Type", AttributeRow::type, 250));
        attributes.getStyleClass().add(Styles.DENSE);
        attributes.setPlaceholder(new Label("Select a content type."));
        VBox.setVgrow(attributes, Priority.ALWAYS);

        Label typesHeading = new Label("Content types");
        typesHeading.getStyleClass().add(Styles.TITLE_4);
        Label attributesHeading = new Label("Attributes");
        attributesHeading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, typesHeading, list, attributesHeading, detail, attributes);
        box.setPadding(new Insets(0, 12, 0, 0));
        box.setMinWidth(350);
        return box;
    }

    private VBox buildEntries() {
        ComboBox<String> attribute = new ComboBox<>(model.filterAttributes());
        attribute.setId("filterAttributeChoice");
        attribute.valueProperty().bindBidirectional(model.filterAttributeProperty());

        TextField text = new TextField();
        text.setId("filterTextField");
        text.setPromptText("text or value");
        text.textProperty().bindBidirectional(model.filterTextProperty());
        text.setOnAction(event -> model.applyFilter());
        HBox.setHgrow(text, Priority.ALWAYS);

        Button apply = new Button("Filter");
        apply.setId("applyFilterButton");
        apply.setOnAction(event -> model.applyFilter());
        Button clear = new Button("Clear");
        clear.setId("clearFilterButton");
        clear.setOnAction(event -> model.clearFilter());

        HBox filterBar = new HBox(8, new Label("Filter"), attribute, text, apply, clear);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        filterBar.disableProperty().bind(model.entriesNoteProperty().isNotEmpty());

        TableView<EntryRow> table = buildEntryTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox list = new VBox(8, table, buildPager());

        TextArea json = new TextArea();
        json.setId("entryJsonArea");
        json.setEditable(false);
        json.setPromptText("Select an entry to see its JSON.");
        json.setStyle("-fx-font-family: monospace;");
        json.setMinHeight(JSON_MIN_HEIGHT);
        json.textProperty().bind(model.entryJsonProperty());

        SplitPane listAndJson = new SplitPane(list, json);
        listAndJson.setOrientation(Orientation.VERTICAL);
        listAndJson.setDividerPositions(0.72);
        VBox.setVgrow(listAndJson, Priority.ALWAYS);

        Label heading = new Label("Entries");
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, heading, filterBar, FormFields.errorLabel(model.filterErrorProperty(), "filterErrorLabel"),
                listAndJson);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private TableView<EntryRow> buildEntryTable() {
        TableView<EntryRow> table = new TableView<>(model.entries());
        table.setId("entryTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(16));
        placeholder.textProperty().bind(Bindings.when(model.entriesNoteProperty().isEmpty())
                .then("No entries.").otherwise(model.entriesNoteProperty()));
        table.setPlaceholder(placeholder);
        model.columns().addListener((ListChangeListener<String>) change -> table.getColumns().setAll(model.columns().stream()
                .map(name -> TableColumns.text(name, (EntryRow row) -> row.cell(name), columnWidth(name)))
                .toList()));
        model.selectedEntryProperty().bind(table.getSelectionModel().selectedItemProperty());
        TableSelections.keepSelectedById(table, EntryRow::id);
        return table;
    }

    private HBox buildPager() {
        Button previous = new Button("Previous");
        previous.setId("previousPageButton");
        previous.disableProperty().bind(model.previousDisabledProperty());
        previous.setOnAction(event -> model.previousPage());

        Label page = new Label();
        page.setId("pageLabel");
        page.textProperty().bind(model.pageTextProperty());

        Button next = new Button("Next");
        next.setId("nextPageButton");
        next.disableProperty().bind(model.nextDisabledProperty());
        next.setOnAction(event -> model.nextPage());

        Label total = new Label();
        total.setId("entryTotalLabel");
        total.getStyleClass().add(Styles.TEXT_MUTED);
        total.textProperty().bind(model.totalTextProperty());

        HBox pager = new HBox(12, previous, page, next, total);
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    private static double columnWidth(String field) {
        return switch (field) {
            case "id" -> 60;
            case "documentId" -> 215;
            case "createdAt", "updatedAt" -> 200;
            default -> COLUMN_WIDTH;
        };
    }

    /** Shows plugin types greyed, because their entries are not listed here. */
    private static final class TypeCell extends ListCell<TypeRow> {

        @Override
        protected void updateItem(TypeRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setOpacity(1);
                return;
            }
            setText(row.toString());
            setOpacity(row.pluginManaged() ? 0.5 : 1);
        }
    }
}
