package dev.tokendesk.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.LocalHttp;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficViewModelTest {

    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private final LocalHttp http = new LocalHttp();
    private TokenDesk desk;
    private ApiServer server;
    private TrafficViewModel model;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        server = new ApiServer(desk);
        server.start();
        model = new TrafficViewModel(server.requestLog());
    }

    @AfterEach
    void close() {
        server.stop();
        desk.close();
    }

    @Test
    void eachTickAddsOnePointPerSeries() throws Exception {
        model.tick(START);
        send("/_health", "/_health", "/_health", "/api/missing");

        model.tick(START.plusSeconds(2));

        assertThat(model.requestRateSeries().getData()).hasSize(2);
        assertThat(last(model.requestRateSeries())).isEqualTo(2.0);
        assertThat(lastX(model.requestRateSeries())).isEqualTo(START.plusSeconds(2).getEpochSecond());
        List<XYChart.Series<Number, Number>> statuses = model.statusSeries();
        assertThat(statuses).extracting(XYChart.Series::getName).containsExactly("2xx", "4xx", "5xx");
        assertThat(statuses).allSatisfy(series -> assertThat(series.getData()).hasSize(2));
        assertThat(last(statuses.get(0))).isEqualTo(3L);
        assertThat(last(statuses.get(1))).isEqualTo(1L);
        assertThat(last(statuses.get(2))).isEqualTo(0L);
    }

    @Test
    void quietTickAddsZeroes() {
        model.tick(START);

        model.tick(START.plusSeconds(1));

        assertThat(last(model.requestRateSeries())).isEqualTo(0.0);
        assertThat(last(model.statusSeries().get(0))).isEqualTo(0L);
    }

    @Test
    void seriesKeepOnlyTheWindow() {
        for (int i = 0; i < TrafficViewModel.WINDOW_SECONDS + 10; i++) {
            model.tick(START.plusSeconds(i));
        }

        assertThat(model.requestRateSeries().getData()).hasSize(TrafficViewModel.WINDOW_SECONDS);
        assertThat(model.requestRateSeries().getData().get(0).getXValue()).isEqualTo(START.plusSeconds(10).getEpochSecond());
    }

    @Test
    void rejectedCredentialsListedNewestFirst() throws Exception {
        model.tick(START);
        send("/api/users/me?token=tdk_notAToken1", "/_health", "/api/users/me?n=2");

        model.tick(START.plusSeconds(1));

        assertThat(model.authFailures()).extracting(AuthFailureRow::status).containsExactly(401, 401);
        assertThat(model.authFailures().get(0).request()).isEqualTo("GET /api/users/me?n=2");
        assertThat(model.authFailures().get(1).request()).isEqualTo("GET /api/users/me?token=***");
        assertThat(model.authFailures().get(1).clientIp()).isEqualTo("127.0.0.1");
    }

    private static Number last(XYChart.Series<Number, Number> series) {
        return series.getData().get(series.getData().size() - 1).getYValue();
    }

    private static Number lastX(XYChart.Series<Number, Number> series) {
        return series.getData().get(series.getData().size() - 1).getXValue();
    }

    private void send(String... paths) throws Exception {
        long before = server.requestLog().total();
        for (String path : paths) {
            http.get(server.baseUrl() + path);
        }
        LocalHttp.awaitTotal(server.requestLog(), before + paths.length);
    }
}
