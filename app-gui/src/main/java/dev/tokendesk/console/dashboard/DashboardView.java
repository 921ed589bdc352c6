package dev.tokendesk.console.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tokendesk.console.display.FormFields;
import dev.tokendesk.console.display.IconButtons;
import dev.tokendesk.console.server.ServerState;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Dashboard: server state with start and stop, the base URL with a copy button, counts,
 * requests per second, traffic charts and recent authentication failures.
 * Controls and bindings only; behaviour lives in {@link DashboardViewModel}. Build and use on the
 * JavaFX application thread.
 */
public final class DashboardView {

    private final DashboardViewModel model;
    private final VBox content = new VBox(20);
    private final ScrollPane root = new ScrollPane(content);

    public DashboardView(DashboardViewModel model, TrafficViewModel traffic) {
        this.model = model;

        Label title = new Label("Dashboard");
        title.getStyleClass().add(Styles.TITLE_2);

        HBox counts = new HBox(20,
                countCard("Users", model.userCountProperty(), "userCountLabel"),
                countCard("API tokens", model.tokenCountProperty(), "tokenCountLabel"),
                countCard("Requests per second", model.requestRateProperty(), "requestRateLabel"));

        Node rateChart = TrafficCharts.requestRateChart(traffic);
        Node statusChart = TrafficCharts.statusChart(traffic);
        HBox.setHgrow(rateChart, Priority.ALWAYS);
        HBox.setHgrow(statusChart, Priority.ALWAYS);
        HBox charts = new HBox(20, rateChart, statusChart);

        Label failures = caption("Recent authentication failures (401, 403, 429)");
        content.getChildren().addAll(title, serverCard(), counts, charts,
                new VBox(8, failures, TrafficCharts.authFailureTable(traffic)));
        content.setPadding(new Insets(24));
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    public Parent root() {
        return root;
    }

    private Node serverCard() {
        Label state = new Label();
        state.setId("serverStateLabel");
        state.getStyleClass().add(Styles.TITLE_3);
        state.textProperty().bind(model.stateTextBinding());
        model.stateProperty().addListener((observable, before, now) -> styleState(state, now));
        styleState(state, model.stateProperty().get());

        TextField url = new TextField();
        url.setId("baseUrlField");
        url.setEditable(false);
        url.setPromptText("not listening");
        url.textProperty().bind(model.baseUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);

        Button copy = IconButtons.iconOnly(Feather.COPY, "Copy the base URL");
        copy.setId("copyBaseUrlButton");
        copy.disableProperty().bind(model.baseUrlProperty().isEmpty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.baseUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });

        Button start = IconButtons.button(Feather.PLAY, "Start", "Start the API server");
        start.setId("startServerButton");
        start.disableProperty().bind(model.stateProperty().isEqualTo(ServerState.RUNNING)
                .or(model.stateProperty().isEqualTo(ServerState.STARTING))
                .or(model.stateProperty().isEqualTo(ServerState.STOPPING)));
        start.setOnAction(event -> model.startServer());

        Button stop = IconButtons.button(Feather.SQUARE, "Stop", "Stop the API server; the console keeps working");
        stop.setId("stopServerButton");
        stop.disableProperty().bind(model.stateProperty().isNotEqualTo(ServerState.RUNNING));
        stop.setOnAction(event -> model.stopServer());

        HBox stateLine = new HBox(12, state, start, stop);
        stateLine.setAlignment(Pos.CENTER_LEFT);
        HBox urlLine = new HBox(8, url, copy);
        urlLine.setAlignment(Pos.CENTER_LEFT);

        Card card = new Card();
        card.setHeader(caption("API server"));
        card.setBody(new VBox(12, stateLine, urlLine, portLine(),
                FormFields.errorLabel(model.portErrorProperty(), "dashboardPortError"),
                FormFields.errorLabel(model.errorProperty(), "serverErrorLabel"), portSavedLabel()));
        card.setMaxWidth(720);
        return card;
    }

    private HBox portLine() {
        TextField port = new TextField();
        port.setId("dashboardPortField");
        port.setPromptText("new port");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.portProperty());
        port.setOnAction(event -> model.changePort());

        Button change = IconButtons.button(Feather.REFRESH_CW, "Change port", "Restart the API server on this port and save it");
        change.setId("changePortButton");
        change.disableProperty().bind(model.stateProperty().isEqualTo(ServerState.STARTING)
                .or(model.stateProperty().isEqualTo(ServerState.STOPPING)));
        change.setOnAction(event -> model.changePort());

        Label caption = new Label("Port");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, caption, port, change);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Label portSavedLabel() {
        Label saved = new Label();
        saved.setId("dashboardPortSaved");
        saved.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        saved.textProperty().bind(model.portMessageProperty());
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());
        return saved;
    }

    private static Node countCard(String captionText, ObservableStringValue value, String id) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add(Styles.TITLE_1);
        number.textProperty().bind(value);

        Card card = new Card();
        card.setHeader(caption(captionText));
        card.setBody(number);
        card.setPrefWidth(250);
        return card;
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        return caption;
    }

    private static void styleState(Label label, ServerState state) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        switch (state) {
            case RUNNING -> label.getStyleClass().add(Styles.SUCCESS);
            case FAILED -> label.getStyleClass().add(Styles.DANGER);
            default -> label.getStyleClass().add(Styles.WARNING);
        }
    }
}
