package dev.tokendesk.console.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tokendesk.console.display.FormFields;
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
import javafx.scene.layout.VBox;

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

        Button copy = new Button("Copy");
        copy.setId("copyBaseUrlButton");
        copy.disableProperty().bind(model.baseUrlProperty().isEmpty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.baseUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });

        Button start = new Button("Start");
        start.setId("startServerButton");
        start.disableProperty().bind(model.stateProperty().isEqualTo(ServerState.RUNNING)
                .or(model.stateProperty().isEqualTo(ServerState.STARTING))
                .or(model.stateProperty().isEqualTo(ServerState.STOPPING)));
        start.setOnAction(event -> model.startServer());

        Button stop = new Button("Stop");
        stop.setId("stopServerButton");
        stop.disableProperty().bind(model.stateProperty().isNotEqualTo(ServerState.RUNNING));
        stop.setOnAction(event -> model.stopServer());

        HBox stateLine = new HBox(12, state, start, stop);
        stateLine.setAlignment(Pos.CENTER_LEFT);
        HBox urlLine = new HBox(8, url, copy);
        urlLine.setAlignment(Pos.CENTER_LEFT);

        Card card = new Card();
        card.setHeader(caption("API server"));
        card.setBody(new VBox(12, stateLine, urlLine, FormFields.errorLabel(model.errorProperty(), "serverErrorLabel")));
        card.setMaxWidth(720);
        return card;
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
