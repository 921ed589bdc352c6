package dev.tokendesk.console.dashboard;

import dev.tokendesk.console.display.StatusClass;
import dev.tokendesk.server.requestlog.RequestLog;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Traffic on the Dashboard: requests per second and responses per status class over the last
 * {@link #WINDOW_SECONDS} seconds as chart series, and the newest rejected requests.
 *
 * <p>The console calls {@link #tick(Instant)} once a second; each call adds one point to every
 * series, so the charts change once a second however many requests arrive. The x value of a
 * point is the tick's time in epoch seconds. Not thread-safe: use it on the UI thread.
 */
public final class TrafficViewModel {

    /** Length of the charts' time window. */
    public static final int WINDOW_SECONDS = 180;
    /** Number of rejected requests the list keeps. */
    public static final int FAILURE_LIMIT = 20;

    private final RequestLog log;
    private long seen;
    private Instant lastTick;

    private final XYChart.Series<Number, Number> requestRate = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> success = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> clientError = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> serverError = new XYChart.Series<>();
    private final ObservableList<AuthFailureRow> authFailures = FXCollections.observableArrayList();

    /** Creates the model; requests already in {@code log} are not counted. */
    public TrafficViewModel(RequestLog log) {
        this.log = log;
        this.seen = log.total();
        requestRate.setName("Requests per second");
        success.setName(StatusClass.SUCCESS.label());
        clientError.setName(StatusClass.CLIENT_ERROR.label());
        serverError.setName(StatusClass.SERVER_ERROR.label());
    }

    /** Adds one point per series for the requests served since the previous tick, and lists new rejections. */
    public void tick(Instant now) {
        RequestLog.Batch batch = log.entriesAfter(seen);
        long served = batch.total() - seen;
        seen = batch.total();
        double seconds = lastTick == null ? 1.0 : Math.max(0.001, Duration.between(lastTick, now).toMillis() / 1000.0);
        lastTick = now;

        long x = now.getEpochSecond();
        // NOTE: 1xx and 3xx responses are not charted, and a burst beyond the log's 1000 kept entries in one tick is undercounted.
        append(requestRate, x, Math.round(served / seconds * 10) / 10.0);
        append(success, x, count(batch.entries(), StatusClass.SUCCESS));
        append(clientError, x, count(batch.entries(), StatusClass.CLIENT_ERROR));
        append(serverError, x, count(batch.entries(), StatusClass.SERVER_ERROR));
        addFailures(batch.entries());
    }

    private static long count(List<RequestLogEntry> entries, StatusClass statusClass) {
        return entries.stream().filter(entry -> StatusClass.of(entry.status()) == statusClass).count();
    }

    private static void append(XYChart.Series<Number, Number> series, long x, Number y) {
        series.getData().add(new XYChart.Data<>(x, y));
        if (series.getData().size() > WINDOW_SECONDS) {
            series.getData().remove(0, series.getData().size() - WINDOW_SECONDS);
        }
    }

    private void addFailures(List<RequestLogEntry> entries) {
        List<AuthFailureRow> fresh = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && fresh.size() < FAILURE_LIMIT; i--) {
            if (AuthFailureRow.isAuthFailure(entries.get(i).status())) {
                fresh.add(AuthFailureRow.of(entries.get(i)));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        authFailures.addAll(0, fresh);
        if (authFailures.size() > FAILURE_LIMIT) {
            authFailures.remove(FAILURE_LIMIT, authFailures.size());
        }
    }

    /** Returns requests per second, one point per tick; it counts requests the log no longer keeps too. */
    public XYChart.Series<Number, Number> requestRateSeries() {
        return requestRate;
    }

    /**
     * Returns one series per charted status class (2xx, 4xx, 5xx), each with the responses of
     * that class per tick.
     */
    public List<XYChart.Series<Number, Number>> statusSeries() {
        return List.of(success, clientError, serverError);
    }

    /** Returns the newest requests with status 401, 403 or 429, newest first, at most {@link #FAILURE_LIMIT}. */
    public ObservableList<AuthFailureRow> authFailures() {
        return authFailures;
    }
}
