package dev.tokendesk.console.tokens;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.roles.PermissionMatrix;
import dev.tokendesk.token.TokenScope;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The issue form of the Tokens screen: owner, name, description, scope with a permission picker
 * for the custom scope, expiry with a date picker for a custom date, and an IP allow-list.
 * Controls and bindings only; behaviour lives in {@link IssueTokenForm}. Build and use on the
 * JavaFX application thread.
 */
final class IssueTokenFormView {

    private static final double PICKER_MAX_HEIGHT = 170;

    private final IssueTokenForm form;
    private final VBox root;
    private Node firstField;

    IssueTokenFormView(IssueTokenForm form) {
        this.form = form;

        Label heading = new Label("Issue token");
        heading.getStyleClass().add(Styles.TITLE_4);

        HBox identity = new HBox(12, ownerField(), nameField(), descriptionField());
        identity.setAlignment(Pos.TOP_LEFT);
        HBox limits = new HBox(12, scopeField(), expiryField(), customDateField(), allowedIpsField(), issueButton());
        limits.setAlignment(Pos.TOP_LEFT);

        Label scopeHint = new Label("Read-only allows find and findOne; full allows every action; custom allows the boxes you check. "
                + "A token never exceeds what its owner's role allows.");
        scopeHint.setWrapText(true);
        scopeHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        root = new VBox(8, heading, identity, limits, permissionPicker(), scopeHint,
                FormFields.errorLabel(form.formErrorProperty(), "tokenFormError"));
    }

    VBox root() {
        return root;
    }

    /** Moves the keyboard focus to the owner choice, where a new token starts. */
    void focusFirstField() {
        firstField.requestFocus();
    }

    private Node ownerField() {
        ComboBox<OwnerChoice> owner = new ComboBox<>(form.owners());
        owner.setId("ownerChoice");
        owner.setPromptText("Choose a user");
        owner.setPrefWidth(170);
        owner.valueProperty().bindBidirectional(form.ownerProperty());
        firstField = owner;
        return FormFields.labelled("Owner", owner, form.ownerErrorProperty(), "ownerError");
    }

    private Node nameField() {
        TextField name = new TextField();
        name.setId("tokenNameField");
        name.setPromptText("for example: storefront");
        name.setPrefWidth(220);
        name.textProperty().bindBidirectional(form.nameProperty());
        return FormFields.labelled("Name", name, form.nameErrorProperty(), "tokenNameError");
    }

    private Node descriptionField() {
        TextField description = new TextField();
        description.setId("tokenDescriptionField");
        description.setPromptText("optional: what the token is for");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        VBox field = FormFields.labelled("Description", description, form.descriptionErrorProperty(), "tokenDescriptionError");
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private Node scopeField() {
        ComboBox<TokenScope> scope = new ComboBox<>();
        scope.setId("scopeChoice");
        scope.getItems().addAll(TokenScope.values());
        scope.setPrefWidth(120);
        scope.valueProperty().bindBidirectional(form.scopeProperty());
        return new VBox(4, new Label("Scope"), scope);
    }

    private Node expiryField() {
        ComboBox<ExpiryPreset> expiry = new ComboBox<>();
        expiry.setId("expiryChoice");
        expiry.getItems().addAll(ExpiryPreset.values());
        expiry.setPrefWidth(150);
        expiry.valueProperty().bindBidirectional(form.expiryProperty());
        return FormFields.labelled("Expires after", expiry, form.expiryErrorProperty(), "expiryError");
    }

    private Node customDateField() {
        DatePicker date = new DatePicker();
        date.setId("expiryDatePicker");
        date.setPromptText("yyyy-mm-dd");
        date.setPrefWidth(150);
        date.valueProperty().bindBidirectional(form.customDateProperty());
        VBox field = new VBox(4, new Label("Expires on (00:00 UTC)"), date);
        field.visibleProperty().bind(form.customExpiryBinding());
        field.managedProperty().bind(field.visibleProperty());
        return field;
    }

    private Node allowedIpsField() {
        TextField allowedIps = new TextField();
        allowedIps.setId("allowedIpsField");
        allowedIps.setPromptText("any, or 127.0.0.1, 10.0.0.0/8");
        allowedIps.setPrefWidth(260);
        allowedIps.textProperty().bindBidirectional(form.allowedIpsProperty());
        VBox field = FormFields.labelled("Allowed IPs (optional)", allowedIps, form.allowedIpsErrorProperty(), "allowedIpsError");
        field.setMaxWidth(320);
        return field;
    }

    private Node issueButton() {
        Button issue = new Button("Issue token");
        issue.setId("issueTokenButton");
        issue.getStyleClass().add(Styles.ACCENT);
        issue.setDefaultButton(true);
        issue.disableProperty().bind(form.busyProperty());
        issue.setOnAction(event -> form.issue());
        // An empty caption keeps the button on the fields' baseline.
        return new VBox(4, new Label(" "), issue);
    }

    private Node permissionPicker() {
        Label caption = new Label("Permissions of this token");
        caption.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane grid = new PermissionMatrix(form.permissionRows(), "tokenPerm-",
                "No content types yet. Import a Strapi schema to choose permissions.", "noTokenPermissionsLabel").node();
        ScrollPane matrix = new ScrollPane(grid);
        matrix.setId("tokenPermissionPicker");
        matrix.setFitToWidth(true);
        // As tall as the grid up to a limit. Without a minimum the screen's VBox squeezes the
        // picker to one row before it shrinks the table.
        DoubleBinding height = Bindings.min(PICKER_MAX_HEIGHT, grid.heightProperty().add(4));
        matrix.minHeightProperty().bind(height);
        matrix.prefHeightProperty().bind(height);
        matrix.maxHeightProperty().bind(height);

        VBox picker = new VBox(4, caption, matrix, FormFields.errorLabel(form.permissionsErrorProperty(), "tokenPermissionsError"));
        picker.visibleProperty().bind(form.customScopeBinding());
        picker.managedProperty().bind(picker.visibleProperty());
        return picker;
    }
}
