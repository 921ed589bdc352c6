package dev.tokendesk.console.tokens;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.TableColumns;
import dev.tokendesk.console.display.TableSelections;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Tokens screen: the issue form, a filtered and paged table of tokens and buttons that
 * regenerate, revoke or delete the selected one. Controls and bindings only; behaviour lives in {@link TokensViewModel}.
 * Build and use on the JavaFX application thread.
 */
public final class TokensView {

    private final TokensViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField ownerFilter = new TextField();
    private final IssueTokenFormView formView;

    public TokensView(TokensViewModel model) {
        this.model = model;
        this.formView = new IssueTokenFormView(model.form());

        Label title = new Label("API tokens");
        title.getStyleClass().add(Styles.TITLE_2);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 16, 0));

        VBox list = buildList();
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setCenter(new VBox(20, formView.root(), list));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    /** Moves the keyboard focus to the owner filter, for a search shortcut. */
    public void focusSearch() {
        ownerFilter.requestFocus();
        ownerFilter.selectAll();
    }

    /** Moves the keyboard focus to the first field of the issue form, for a new-token shortcut. */
    public void newToken() {
        formView.focusFirstField();
    }

    /** Reloads the current page, for a refresh shortcut. */
    public void refresh() {
        model.refresh();
    }

    private HBox buildFilters() {
        ComboBox<TokenStatusFilter> status = new ComboBox<>();
        status.setId("tokenStatusFilter");
        status.getItems().setAll(TokenStatusFilter.values());
        status.valueProperty().bindBidirectional(model.statusFilterProperty());

        ComboBox<TokenScopeFilter> scope = new ComboBox<>();
        scope.setId("tokenScopeFilter");
        scope.getItems().setAll(TokenScopeFilter.values());
        scope.valueProperty().bindBidirectional(model.scopeFilterProperty());

        ownerFilter.setId("tokensSearchField");
        ownerFilter.setPromptText("Owner's user name contains");
        ownerFilter.textProperty().bindBidirectional(model.ownerFilterProperty());
        HBox.setHgrow(ownerFilter, Priority.ALWAYS);

        Button clear = new Button("Show all");
        clear.setId("clearTokenFiltersButton");
        clear.setTooltip(new Tooltip("Clear the status, scope and owner filters"));
        clear.setOnAction(event -> model.clearFilters());

        Button refresh = new Button("Refresh");
        refresh.setId("refreshTokensButton");
        refresh.setTooltip(new Tooltip("Reload the tokens from the database"));
        refresh.setOnAction(event -> model.refresh());

        HBox filters = new HBox(8, new Label("Show"), status, scope, ownerFilter, clear, refresh, buildPager());
        filters.setAlignment(Pos.CENTER_LEFT);
        return filters;
    }

    private HBox buildPager() {
        Button previous = new Button("\u2039");
        previous.setId("previousTokensPageButton");
        previous.setTooltip(new Tooltip("Previous page"));
        previous.getStyleClass().add(Styles.FLAT);
        previous.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(1));
        previous.setOnAction(event -> model.previousPage());

        Button next = new Button("\u203a");
        next.setId("nextTokensPageButton");
        next.setTooltip(new Tooltip("Next page"));
        next.getStyleClass().add(Styles.FLAT);
        next.disableProperty().bind(model.pageProperty().greaterThanOrEqualTo(model.pageCountProperty()));
        next.setOnAction(event -> model.nextPage());

        Label text = new Label();
        text.setId("tokensPageLabel");
        text.textProperty().bind(model.pageTextBinding());

        HBox pager = new HBox(6, previous, text, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    private VBox buildList() {
        TableView<TokenRow> table = new TableView<>(model.tokens());
        table.setId("tokensTable");
        table.getColumns().add(TableColumns.text("Name", TokenRow::name, 95));
        table.getColumns().add(TableColumns.text("Owner", TokenRow::owner, 70));
        table.getColumns().add(TableColumns.text("Token", TokenRow::hint, 95));
        table.getColumns().add(TableColumns.text("Scope", TokenRow::scope, 85));
        table.getColumns().add(TableColumns.styled("Status", TokenRow::statusText, TokensView::statusStyle, 85));
        table.getColumns().add(TableColumns.text("Expires", TokenRow::expires, 145));
        table.getColumns().add(TableColumns.text("Last used", TokenRow::lastUsed, 145));
        table.getColumns().add(TableColumns.text("From", TokenRow::lastUsedFrom, 90));
        table.getColumns().add(TableColumns.text("Allowed IPs", TokenRow::allowedIps, 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No tokens to show. Issue one with the form above, or clear the filters."));
        table.getStyleClass().add(Styles.STRIPED);
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        TableSelections.keepSelectedById(table, TokenRow::id);
        VBox.setVgrow(table, Priority.ALWAYS);

        // The issue form takes much of the height, so the table keeps room for a few rows.
        table.setMinHeight(150);
        return new VBox(12, buildFilters(), table, buildActions());
    }

    private HBox buildActions() {
        Button regenerate = new Button("Regenerate\u2026");
        regenerate.setId("regenerateTokenButton");
        regenerate.disableProperty().bind(model.canRegenerateBinding().not());
        regenerate.setOnAction(event -> model.regenerateSelected());

        Button revoke = new Button("Revoke");
        revoke.setId("revokeTokenButton");
        revoke.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        revoke.disableProperty().bind(model.canRevokeBinding().not());
        revoke.setOnAction(event -> model.revokeSelected());

        Button delete = new Button("Delete");
        delete.setId("deleteTokenButton");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(model.canDeleteBinding().not());
        delete.setOnAction(event -> model.deleteSelected());

        Label status = new Label();
        status.setId("tokenStatus");
        status.getStyleClass().add(Styles.SUCCESS);
        status.textProperty().bind(model.statusProperty());

        HBox actions = new HBox(12, regenerate, revoke, delete, status,
                FormFields.errorLabel(model.actionErrorProperty(), "tokenActionError"));
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private static List<String> statusStyle(TokenRow row) {
        return switch (row.status()) {
            case ACTIVE -> List.of(Styles.SUCCESS);
            case EXPIRED -> List.of(Styles.WARNING);
            case REVOKED -> List.of(Styles.DANGER, Styles.TEXT_BOLD);
        };
    }
}
