package dev.tokendesk.console.dashboard;

import atlantafx.base.theme.Styles;
import dev.tokendesk.console.display.TableColumns;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;

/**
 * Builds the Dashboard's traffic charts and its list of recent authentication failures from a
 * {@link TrafficViewModel}. Use on the JavaFX application thread.
 */
final class TrafficCharts {

    private static final double CHART_HEIGHT = 220;
    private static final double FAILURE_TABLE_HEIGHT = 170;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TrafficCharts() {
    }

    static Node requestRateChart(TrafficViewModel model) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis(), countAxis("Requests/s"));
        chart.setId("requestRateChart");
        chart.setTitle("Requests per second");
        chart.getData().add(model.requestRateSeries());
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        return styled(chart);
    }

    static Node statusChart(TrafficViewModel model) {
        StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(timeAxis(), countAxis("Responses"));
        chart.setId("statusClassChart");
        chart.setTitle("Responses by status class");
        chart.getData().addAll(model.statusSeries());
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("status-class-chart");
        chart.getStylesheets().add(TrafficCharts.class.getResource("traffic.css").toExternalForm());
        return styled(chart);
    }

    static TableView<AuthFailureRow> authFailureTable(TrafficViewModel model) {
        TableView<AuthFailureRow> table = new TableView<>(model.authFailures());
        table.setId("recentAuthFailureTable");
        table.getColumns().add(TableColumns.text("Time", AuthFailureRow::time, 175));
        table.getColumns().add(TableColumns.styled("Status", AuthFailureRow::statusText, row -> List.of(Styles.DANGER), 65));
        table.getColumns().add(TableColumns.text("Client IP", AuthFailureRow::clientIp, 110));
        table.getColumns().add(TableColumns.text("Request", AuthFailureRow::request, 300));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No rejected requests since the console started."));
        table.getStyleClass().add(Styles.DENSE);
        table.setPrefHeight(FAILURE_TABLE_HEIGHT);
        table.setMinHeight(FAILURE_TABLE_HEIGHT);
        return table;
    }

    private static <C extends XYChart<Number, Number>> C styled(C chart) {
        // Points arrive every second, and animating each one would keep the chart redrawing all the time.
        chart.setAnimated(false);
        chart.setPrefHeight(CHART_HEIGHT);
        chart.setMinHeight(CHART_HEIGHT);
        return chart;
    }

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return CLOCK.format(Instant.ofEpochSecond(epochSecond.longValue()).atZone(ZoneId.systemDefault()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The time axis is read-only");
            }
        });
        return axis;
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setMinorTickVisible(false);
        return axis;
    }
}
