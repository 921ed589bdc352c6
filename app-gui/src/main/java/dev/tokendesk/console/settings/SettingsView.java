package dev.tokendesk.console.settings;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.server.ServerState;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Settings screen: data directory, database and JWT lifetime, and a form that moves the API
 * server to another bind address or port. Controls and bindings only; behaviour lives in
 * {@link SettingsViewModel}. Build and use on the JavaFX application thread.
 */
public final class SettingsView {

    private final SettingsViewModel model;
    private final VBox root = new VBox(20);

    public SettingsView(SettingsViewModel model) {
        this.model = model;

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        root.getChildren().addAll(title, storageCard(), serverCard());
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private Node storageCard() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        addRow(grid, 0, "Data directory", model.dataDirText(), "settingsDataDir");
        addRow(grid, 1, "Database", model.databaseUrlText(), "settingsDatabaseUrl");
        addRow(grid, 2, "JWT lifetime", model.jwtLifetimeText(), "settingsJwtLifetime");

        Label note = new Label("These values are read at start: change them in tokendesk.properties, "
                + "environment variables or command-line options, then restart the console.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return card("Storage", new VBox(12, grid, note));
    }

    private Node serverCard() {
        TextField bind = new TextField();
        bind.setId("bindAddressField");
        bind.textProperty().bindBidirectional(model.bindAddressProperty());
        TextField port = new TextField();
        port.setId("portField");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.portProperty());

        Label warning = new Label();
        warning.setId("bindWarningLabel");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        warning.textProperty().bind(model.bindWarningBinding());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        VBox bindField = FormFields.labelled("Bind address", bind, model.bindErrorProperty(), "bindAddressError");
        VBox portField = FormFields.labelled("Port", port, model.portErrorProperty(), "portError");
        HBox.setHgrow(bindField, Priority.ALWAYS);
        HBox fields = new HBox(16, bindField, portField);

        Button apply = new Button("Apply and restart server");
        apply.setId("applyServerSettingsButton");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.disableProperty().bind(busy());
        apply.setOnAction(event -> model.apply());

        Button start = new Button("Start");
        start.setId("settingsStartServerButton");
        start.visibleProperty().bind(model.stateProperty().isEqualTo(ServerState.FAILED)
                .or(model.stateProperty().isEqualTo(ServerState.STOPPED)));
        start.managedProperty().bind(start.visibleProperty());
        start.setOnAction(event -> model.startServer());

        Label listening = new Label();
        listening.setId("settingsServerStatus");
        listening.getStyleClass().add(Styles.TEXT_MUTED);
        listening.textProperty().bind(model.statusTextBinding());
        HBox actions = new HBox(12, apply, start, listening);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label saved = new Label();
        saved.setId("settingsSavedLabel");
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        saved.textProperty().bind(model.saveMessageProperty());
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());

        VBox body = new VBox(12, fields, warning, actions,
                FormFields.errorLabel(model.serverErrorProperty(), "settingsServerError"),
                FormFields.errorLabel(model.saveErrorProperty(), "settingsSaveError"), saved);
        return card("API server", body);
    }

    private BooleanBinding busy() {
        return model.stateProperty().isEqualTo(ServerState.STARTING).or(model.stateProperty().isEqualTo(ServerState.STOPPING));
    }

    private static void addRow(GridPane grid, int row, String caption, String value, String id) {
        Label name = new Label(caption);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setMinWidth(Region.USE_PREF_SIZE);
        TextField text = new TextField(value);
        text.setId(id);
        text.setEditable(false);
        text.setPrefColumnCount(48);
        grid.addRow(row, name, text);
    }

    private static Node card(String caption, Node body) {
        Label header = new Label(caption);
        header.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        Card card = new Card();
        card.setHeader(header);
        card.setBody(body);
        card.setMaxWidth(820);
        return card;
    }
}
