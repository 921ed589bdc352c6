package dev.tokendesk.console.audit;

import dev.tokendesk.audit.AuditEntry;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.audit.AuthFailureCounter;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.task.BackgroundExecutor;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Audit screen: the newest admin actions, filtered by target type, and
 * the number of rejected credentials per reason. Changing the filter reloads the list.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class AuditViewModel {

    /** Number of events the screen shows; older ones stay in the database and the CLI lists them. */
    public static final int EVENT_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    private final AuditLog audit;
    private final AuthFailureCounter authFailures;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<AuditRow> events = FXCollections.observableArrayList();
    private final ObservableList<FailureCountRow> failures = FXCollections.observableArrayList();
    private final ObjectProperty<TargetFilter> filter = new SimpleObjectProperty<>(TargetFilter.ALL);
    private final StringProperty summary = new SimpleStringProperty("");

    public AuditViewModel(AuditLog audit, AuthFailureCounter authFailures, BackgroundExecutor executor, DialogService dialogs) {
        this.audit = audit;
        this.authFailures = authFailures;
        this.executor = executor;
        this.dialogs = dialogs;
        filter.addListener((observable, before, now) -> {
            if (now != null && now != before) {
                refresh();
            }
        });
    }

    /** Reloads the events that match the filter and the failure counts. */
    public void refresh() {
        TargetFilter chosen = filter.get() == null ? TargetFilter.ALL : filter.get();
        executor.submit(() -> new Snapshot(audit.list(EVENT_LIMIT, chosen.targetType()), authFailures.totals()), this::show,
                this::showUnexpected);
    }

    private void show(Snapshot snapshot) {
        events.setAll(snapshot.events().stream().map(AuditRow::of).toList());
        failures.setAll(snapshot.failureTotals().entrySet().stream()
                .map(total -> FailureCountRow.of(total.getKey(), total.getValue()))
                .toList());
        long rejected = snapshot.failureTotals().values().stream().mapToLong(Long::longValue).sum();
        summary.set(rejected == 0 ? "No rejected credentials so far." : rejected + " rejected credentials so far.");
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Audit screen: a background call failed", failure);
        dialogs.showError("Audit", "The audit trail could not be loaded: " + failure.getMessage());
    }

    /** Returns the newest events first, at most {@link #EVENT_LIMIT}. */
    public ObservableList<AuditRow> events() {
        return events;
    }

    /** Returns the failure counts, one row per reason, ordered by reason. */
    public ObservableList<FailureCountRow> failures() {
        return failures;
    }

    public ObjectProperty<TargetFilter> filterProperty() {
        return filter;
    }

    /** Returns the total of rejected credentials in words. */
    public StringProperty summaryProperty() {
        return summary;
    }

    private record Snapshot(List<AuditEntry> events, Map<String, Long> failureTotals) {
    }
}
