package dev.tokendesk.console.settings;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.IconButtons;
import dev.tokendesk.console.server.ServerState;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.StringConverter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Settings screen. It shows light or dark mode, the data directory and database in use, backup
 * and restore, the JWT lifetime and default token expiry, and a form that moves the API server to another bind address or port
 * with other CORS origins. Controls and bindings only; behaviour lives in
 * {@link SettingsViewModel} and {@link BackupViewModel}. Build and use on the JavaFX application thread.
 */
public final class SettingsView {

    private final SettingsViewModel model;
    private final BackupViewModel backups;
    private final DatabaseSummary database;
    private final VBox content = new VBox(20);
    private final ScrollPane root = new ScrollPane(content);

    /**
     * Builds the screen.
     *
     * @param darkMode the console's dark mode switch, shared with the sidebar
     */
    public SettingsView(SettingsViewModel model, BackupViewModel backups, DatabaseSummary database, BooleanProperty darkMode) {
        this.model = model;
        this.backups = backups;
        this.database = database;

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        content.getChildren().addAll(title, appearanceCard(darkMode), serverCard(), tokenCard(), databaseCard(), backupCard());
        content.setPadding(new Insets(24));
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private Node appearanceCard(BooleanProperty darkMode) {
        CheckBox dark = new CheckBox("Dark mode");
        dark.setId("settingsDarkMode");
        dark.selectedProperty().bindBidirectional(darkMode);
        Label note = mutedNote("Saved with the window layout in console.properties in the data directory.");
        return card("Appearance", new VBox(8, dark, note));
    }

    private Node tokenCard() {
        TextField lifetime = new TextField();
        lifetime.setId("jwtLifetimeField");
        lifetime.setPrefColumnCount(8);
        lifetime.textProperty().bindBidirectional(model.jwtLifetimeProperty());

        ComboBox<String> expiry = new ComboBox<>();
        expiry.setId("defaultTokenExpiryChoice");
        expiry.getItems().setAll(model.tokenExpiryChoices());
        expiry.valueProperty().bindBidirectional(model.defaultTokenExpiryProperty());
        expiry.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return ConfigText.expiryLabel(code);
            }

            @Override
            public String fromString(String label) {
                return null;
            }
        });

        HBox fields = new HBox(16,
                FormFields.labelled("JWT lifetime (30d, 12h, 45m)", lifetime, model.jwtLifetimeErrorProperty(), "jwtLifetimeError"),
                FormFields.labelled("Default expiry of new tokens", expiry, new SimpleStringProperty(""),
                        "defaultTokenExpiryError"));

        Button save = IconButtons.button(Feather.SAVE, "Save", "Save the JWT lifetime and default token expiry");
        save.setId("saveTokenSettingsButton");
        save.setOnAction(event -> model.saveTokenSettings());

        Label inEffect = mutedNote("JWT lifetime in effect: " + model.jwtLifetimeText()
                + ". A new lifetime applies after a restart; the default expiry applies to the token form at once.");
        VBox body = new VBox(12, fields, inEffect, save, successLabel(model.tokenSettingsMessageProperty(), "tokenSettingsSavedLabel"),
                FormFields.errorLabel(model.tokenSettingsErrorProperty(), "tokenSettingsError"));
        return card("Logins and tokens", body);
    }

    private Node backupCard() {
        Button backup = IconButtons.button(Feather.ARCHIVE, "Backup…", "Save the database and keys to one file");
        backup.setId("backupButton");
        backup.disableProperty().bind(backups.busyProperty());
        backup.setOnAction(event -> backups.backup());
        Button restore = IconButtons.button(Feather.UPLOAD, "Restore…", "Restore a backup file into a new, empty folder");
        restore.setId("restoreButton");
        restore.disableProperty().bind(backups.busyProperty());
        restore.setOnAction(event -> backups.restore());
        HBox actions = new HBox(12, backup, restore);
        actions.setId("backupActions");
        actions.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("backupProgress");
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.setId("backupProgressLabel");
        progress.setWrapText(true);
        progress.getStyleClass().add(Styles.TEXT_SMALL);
        progress.textProperty().bind(backups.progressProperty());
        HBox running = new HBox(8, spinner, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(backups.busyProperty());
        running.managedProperty().bind(running.visibleProperty());

        TextField command = new TextField();
        command.setId("restoreCommandField");
        command.setEditable(false);
        command.textProperty().bind(backups.openCommandProperty());
        Button copy = IconButtons.iconOnly(Feather.COPY, "Copy the command");
        copy.setId("copyRestoreCommandButton");
        copy.setOnAction(event -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(text);
        });
        HBox.setHgrow(command, Priority.ALWAYS);
        HBox commandRow = new HBox(8, command, copy);
        commandRow.visibleProperty().bind(backups.openCommandProperty().isNotEmpty());
        commandRow.managedProperty().bind(commandRow.visibleProperty());

        String note = database.embedded()
                ? "A backup is one ZIP file with the database and both keys, written while the server keeps running. "
                        + "Restore writes a backup into a new, empty folder, and this console keeps its own data as it is."
                : "This installation uses PostgreSQL: back it up with pg_dump and copy the keys directory of the data directory. "
                        + "Restore reads backups of the embedded H2 file only.";
        VBox body = new VBox(8, actions, running, successLabel(backups.messageProperty(), "backupMessageLabel"), commandRow,
                FormFields.errorLabel(backups.errorProperty(), "backupError"), mutedNote(note));
        return card("Backup and restore", body);
    }

    private static Label mutedNote(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return note;
    }

    private static Label successLabel(ObservableStringValue message, String id) {
        Label saved = new Label();
        saved.setId(id);
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        saved.textProperty().bind(message);
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());
        return saved;
    }

    public Parent root() {
        return root;
    }

    private Node databaseCard() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        addRow(grid, 0, "Data directory", model.dataDirText(), "settingsDataDir");
        Button open = IconButtons.iconOnly(Feather.FOLDER, "Open the data directory in the file manager");
        open.setId("openDataDirButton");
        open.setOnAction(event -> model.openDataFolder());
        grid.add(open, 2, 0);
        addRow(grid, 1, database.kindText(), database.location(), "settingsDatabaseUrl");
        addRow(grid, 2, "User", database.userText(), "settingsDatabaseUser");
        addRow(grid, 3, "Password", database.passwordText(), "settingsDatabasePassword");
        addRow(grid, 4, "API server", database.serverText(), "settingsServerMode");

        Label keyWarning = new Label(database.tokenKeyWarning());
        keyWarning.setId("tokenKeyWarning");
        keyWarning.setWrapText(true);
        keyWarning.setMinHeight(Region.USE_PREF_SIZE);
        keyWarning.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        keyWarning.setVisible(!database.tokenKeyWarning().isEmpty());
        keyWarning.setManaged(keyWarning.isVisible());

        Label note = mutedNote("The data directory and database are read at start: change them with --data-dir, --db-url, --db-user "
                + "and TOKENDESK_DB_PASSWORD, then restart the console.");
        return card("Database", new VBox(12, keyWarning, grid, note));
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

        TextField origins = new TextField();
        origins.setId("corsOriginsField");
        origins.setPromptText("http://localhost:*, https://app.example.com");
        origins.textProperty().bindBidirectional(model.corsOriginsProperty());
        VBox originsField = FormFields.labelled("CORS origins (comma-separated; empty allows no browser origin)", origins,
                model.corsErrorProperty(), "corsOriginsError");

        Button apply = IconButtons.button(Feather.REFRESH_CW, "Apply and restart server",
                "Restart the API server on this address, port and origins, and save them");
        apply.setId("applyServerSettingsButton");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.disableProperty().bind(busy());
        apply.setOnAction(event -> model.apply());

        Button start = IconButtons.button(Feather.PLAY, "Start", "Start the API server");
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

        Label saved = successLabel(model.saveMessageProperty(), "settingsSavedLabel");

        VBox body = new VBox(12, fields, warning, originsField, actions,
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
