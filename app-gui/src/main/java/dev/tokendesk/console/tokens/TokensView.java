package dev.tokendesk.console.tokens;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import dev.tokendesk.token.TokenScope;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Tokens screen: a table of tokens with a revoke button and a form that issues a token.
 * Controls and bindings only; behaviour lives in {@link TokensViewModel}. Build and use on the
 * JavaFX application thread.
 */
public final class TokensView {

    private final TokensViewModel model;
    private final BorderPane root = new BorderPane();

    public TokensView(TokensViewModel model) {
        this.model = model;

        Label title = new Label("API tokens");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        VBox list = buildList();
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setCenter(new VBox(20, buildForm(), list));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private VBox buildList() {
        TableView<TokenRow> table = new TableView<>(model.tokens());
        table.setId("tokensTable");
        table.getColumns().add(TableColumns.text("Name", TokenRow::name, 140));
        table.getColumns().add(TableColumns.text("Owner", TokenRow::owner, 100));
        table.getColumns().add(TableColumns.text("Token", TokenRow::hint, 100));
        table.getColumns().add(TableColumns.text("Scope", TokenRow::scope, 85));
        table.getColumns().add(TableColumns.text("Status", TokenRow::statusText, 80));
        table.getColumns().add(TableColumns.text("Expires", TokenRow::expires, 140));
        table.getColumns().add(TableColumns.text("Last used", TokenRow::lastUsed, 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No tokens yet. Issue one with the form above."));
        table.getStyleClass().add(Styles.STRIPED);
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        keepSelectionAcrossReloads(table);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button revoke = new Button("Revoke selected token");
        revoke.setId("revokeTokenButton");
        revoke.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        revoke.disableProperty().bind(model.canRevokeBinding().not());
        revoke.setOnAction(event -> model.revokeSelected());

        Label status = new Label();
        status.setId("tokenStatus");
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(model.statusProperty());

        HBox actions = new HBox(12, revoke, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(12, table, actions);
    }

    /** Selects the same token again after a reload replaced the rows, which clears the table's selection. */
    private void keepSelectionAcrossReloads(TableView<TokenRow> table) {
        long[] selectedId = {-1};
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                selectedId[0] = now.id();
            }
        });
        model.tokens().addListener((ListChangeListener<TokenRow>) change -> {
            for (int i = 0; i < model.tokens().size(); i++) {
                if (model.tokens().get(i).id() == selectedId[0]) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }

    private VBox buildForm() {
        Label heading = new Label("Issue token");
        heading.getStyleClass().add(Styles.TITLE_4);

        ComboBox<OwnerChoice> owner = new ComboBox<>(model.owners());
        owner.setId("ownerChoice");
        owner.setPromptText("Choose a user");
        owner.setPrefWidth(180);
        owner.valueProperty().bindBidirectional(model.ownerProperty());

        TextField name = new TextField();
        name.setId("tokenNameField");
        name.setPromptText("for example: front end dev");
        name.setPrefWidth(220);
        name.textProperty().bindBidirectional(model.nameProperty());

        ComboBox<TokenScope> scope = new ComboBox<>();
        scope.setId("scopeChoice");
        scope.getItems().addAll(TokenScope.READ_ONLY, TokenScope.FULL);
        scope.setPrefWidth(130);
        scope.valueProperty().bindBidirectional(model.scopeProperty());

        ComboBox<ExpiryPreset> expiry = new ComboBox<>();
        expiry.setId("expiryChoice");
        expiry.getItems().addAll(ExpiryPreset.values());
        expiry.setPrefWidth(120);
        expiry.valueProperty().bindBidirectional(model.expiryProperty());

        Button issue = new Button("Issue token");
        issue.setId("issueTokenButton");
        issue.getStyleClass().add(Styles.ACCENT);
        issue.setDefaultButton(true);
        issue.disableProperty().bind(model.busyProperty());
        issue.setOnAction(event -> model.issueToken());
        // An empty caption keeps the button on the fields' baseline.
        VBox issueColumn = new VBox(4, new Label(" "), issue);

        HBox fields = new HBox(12,
                FormFields.labelled("Owner", owner, model.ownerErrorProperty(), "ownerError"),
                FormFields.labelled("Name", name, model.nameErrorProperty(), "tokenNameError"),
                new VBox(4, new Label("Scope"), scope),
                new VBox(4, new Label("Expires after"), expiry),
                issueColumn);
        fields.setAlignment(Pos.TOP_LEFT);

        Label scopeHint = new Label("Read-only allows find and findOne; full allows every action. "
                + "A token never exceeds what its owner's role allows.");
        scopeHint.setWrapText(true);
        scopeHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        return new VBox(8, heading, fields, scopeHint, FormFields.errorLabel(model.formErrorProperty(), "tokenFormError"));
    }
}
