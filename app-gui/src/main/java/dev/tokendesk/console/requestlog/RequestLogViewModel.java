package dev.tokendesk.console.requestlog;

import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.server.requestlog.RequestLog;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Request log screen: the API server's recent requests, newest first,
 * filtered by status class and by text in the user, token name and path, with an export of the
 * shown rows to CSV.
 *
 * <p>The console calls {@link #poll()} a few times a second; each call adds everything that
 * arrived since the previous one in a single list change, so a burst of requests costs one table
 * update rather than one per request. Polling reads only memory, so it runs on the UI thread.
 * Not thread-safe: use it on the UI thread.
 */
public final class RequestLogViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogViewModel.class);
    /** Maximum number of rows kept, the same as the server keeps, so older rows are dropped. */
    public static final int ROW_LIMIT = 1000;

    private final RequestLog log;
    private final TokenNames tokenNames;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private long seen;

    private final ObservableList<RequestRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RequestRow> visibleRows = new FilteredList<>(rows);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final StringProperty userFilter = new SimpleStringProperty("");
    private final StringProperty tokenFilter = new SimpleStringProperty("");
    private final StringProperty pathFilter = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty exportMessage = new SimpleStringProperty("");
    private final StringProperty exportError = new SimpleStringProperty("");

    public RequestLogViewModel(RequestLog log, TokenNames tokenNames, BackgroundExecutor executor, DialogService dialogs) {
        this.log = log;
        this.tokenNames = tokenNames;
        this.executor = executor;
        this.dialogs = dialogs;
        statusFilter.addListener((observable, before, now) -> applyFilter());
        userFilter.addListener((observable, before, now) -> applyFilter());
        tokenFilter.addListener((observable, before, now) -> applyFilter());
        pathFilter.addListener((observable, before, now) -> applyFilter());
        // Rows hidden by the filter change the total without changing the visible list.
        rows.addListener((ListChangeListener<RequestRow>) change -> updateSummary());
        visibleRows.addListener((ListChangeListener<RequestRow>) change -> updateSummary());
        paused.addListener((observable, before, now) -> updateSummary());
        updateSummary();
    }

    /**
     * Adds the requests served since the last poll at the top. While paused it does nothing; on
     * resume the requests of the pause appear, as far as the server still keeps them.
     */
    public void poll() {
        if (paused.get()) {
            return;
        }
        RequestLog.Batch batch = log.entriesAfter(seen);
        seen = batch.total();
        if (batch.entries().isEmpty()) {
            return;
        }

        List<RequestRow> fresh = new ArrayList<>(batch.entries().size());
        for (int i = batch.entries().size() - 1; i >= 0; i--) {
            var entry = batch.entries().get(i);
            fresh.add(RequestRow.of(entry, tokenNames.nameOf(entry.tokenId())));
        }
        rows.addAll(0, fresh);
        if (rows.size() > ROW_LIMIT) {
            rows.remove(ROW_LIMIT, rows.size());
        }
    }

    /** Empties the table; later requests still appear. */
    public void clear() {
        rows.clear();
    }

    /** Pauses updates, or resumes them. */
    public void togglePaused() {
        paused.set(!paused.get());
    }

    /**
     * Asks where to save, then writes the rows shown (after the filters, newest first) as CSV in
     * the background. The rows contain only redacted paths, so the file contains no token value.
     */
    public void exportCsv() {
        Optional<Path> chosen = dialogs.chooseCsvSaveFile("Export request log", "tokendesk-requests.csv");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        List<RequestRow> snapshot = List.copyOf(visibleRows);
        exportMessage.set("");
        exportError.set("");
        executor.submit(() -> CsvExport.write(file, snapshot),
                () -> exportMessage.set("Exported " + snapshot.size() + " requests to " + file),
                failure -> {
                    LOG.error("Exporting the request log to {} failed: {}", file, failure.toString());
                    exportError.set("Export to " + file + " failed: " + reason(failure));
                });
    }

    private static String reason(Exception failure) {
        if (failure instanceof NoSuchFileException) {
            return "the folder does not exist. Choose an existing folder.";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied. Choose a folder you may write to.";
        }
        return failure.getMessage();
    }

    private void applyFilter() {
        StatusFilter status = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        Predicate<RequestRow> user = contains(userFilter.get(), RequestRow::caller);
        Predicate<RequestRow> token = contains(tokenFilter.get(), RequestRow::tokenName);
        Predicate<RequestRow> path = contains(pathFilter.get(), RequestRow::target);
        visibleRows.setPredicate(row -> status.accepts(row.statusClass()) && user.test(row) && token.test(row) && path.test(row));
    }

    private static Predicate<RequestRow> contains(String filter, Function<RequestRow, String> field) {
        String text = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return row -> true;
        }
        return row -> field.apply(row).toLowerCase(Locale.ROOT).contains(text);
    }

    private void updateSummary() {
        String counts = visibleRows.size() == rows.size()
                ? rows.size() + " requests"
                : visibleRows.size() + " of " + rows.size() + " requests";
        summary.set(counts + (paused.get() ? ", paused" : ""));
    }

    /** Returns the rows that pass the filter, newest first. */
    public ObservableList<RequestRow> visibleRows() {
        return visibleRows;
    }

    /** Returns every row kept, newest first, at most {@link #ROW_LIMIT}. */
    public ObservableList<RequestRow> rows() {
        return rows;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    /** Text the user name must contain, ignoring case; empty shows every caller. */
    public StringProperty userFilterProperty() {
        return userFilter;
    }

    /** Text the token name must contain, ignoring case; empty shows requests with and without a token. */
    public StringProperty tokenFilterProperty() {
        return tokenFilter;
    }

    /** Returns where the last export went, empty before the first. */
    public StringProperty exportMessageProperty() {
        return exportMessage;
    }

    /** Returns why the last export failed, empty when it worked. */
    public StringProperty exportErrorProperty() {
        return exportError;
    }

    /** Text the path and query must contain, ignoring case; empty shows every path. */
    public StringProperty pathFilterProperty() {
        return pathFilter;
    }

    /** Returns how many rows are shown, such as {@code 12 of 40 requests}. */
    public StringProperty summaryProperty() {
        return summary;
    }
}
