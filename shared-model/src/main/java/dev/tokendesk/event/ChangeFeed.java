package dev.tokendesk.event;

import dev.tokendesk.db.Database;
import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Connects the change events of processes that share one database. Changes made here raise a
 * counter per kind in the {@code change_versions} table; {@link #synchronize} writes those raises
 * and reads the counters, and publishes an {@link ChangeEvent.Origin#OTHER_PROCESS} event for
 * every kind that another process changed since the last call.
 *
 * <p>On PostgreSQL the transaction that writes the raises also sends a notification on
 * {@value #CHANNEL}, so a {@link PostgresChangeListener} in each other process can call
 * {@link #synchronize} at once instead of at its next scheduled poll.
 *
 * <p>Thread-safe for {@link ChangeEvents} listeners; {@link #synchronize} is meant to run on one
 * scheduler thread, about once a second. Raises are coalesced, so a burst of local changes costs
 * one write per kind per call, not one per change.
 */
public final class ChangeFeed {

    /** PostgreSQL notification channel on which every raise of the counters is announced. */
    public static final String CHANNEL = "tokendesk_changes";

    private final Database database;
    private final ChangeEvents events;
    private final Consumer<RuntimeException> errorHandler;
    private final Set<ChangeEvent.Kind> pendingRaises = ConcurrentHashMap.newKeySet();
    private final Map<ChangeEvent.Kind, Long> lastSeen = new EnumMap<>(ChangeEvent.Kind.class);

    public ChangeFeed(Database database, ChangeEvents events, Consumer<RuntimeException> errorHandler) {
        this.database = database;
        this.events = events;
        this.errorHandler = errorHandler;
        events.subscribe(event -> {
            if (event.origin() == ChangeEvent.Origin.THIS_PROCESS) {
                pendingRaises.add(event.kind());
            }
        });
        lastSeen.putAll(readVersions());
    }

    /** Writes this process's pending raises, then publishes the kinds that other processes changed. */
    public synchronized void synchronize() {
        try {
            Map<ChangeEvent.Kind, Long> ownRaises = writePendingRaises();
            Map<ChangeEvent.Kind, Long> current = readVersions();
            for (Map.Entry<ChangeEvent.Kind, Long> entry : current.entrySet()) {
                long seen = lastSeen.getOrDefault(entry.getKey(), 0L);
                long own = ownRaises.getOrDefault(entry.getKey(), 0L);
                lastSeen.put(entry.getKey(), entry.getValue());
                if (entry.getValue() - seen > own) {
                    events.publish(new ChangeEvent(entry.getKey(), null, ChangeEvent.Origin.OTHER_PROCESS));
                }
            }
        } catch (RuntimeException e) {
            errorHandler.accept(e);
        }
    }

    private Map<ChangeEvent.Kind, Long> writePendingRaises() {
        Map<ChangeEvent.Kind, Long> raised = new EnumMap<>(ChangeEvent.Kind.class);
        for (ChangeEvent.Kind kind : ChangeEvent.Kind.values()) {
            if (pendingRaises.remove(kind)) {
                raised.put(kind, 1L);
            }
        }
        if (raised.isEmpty()) {
            return raised;
        }
        database.run(session -> {
            raised.keySet().forEach(kind -> session
                    .createMutationQuery("update ChangeVersion set version = version + 1 where kind = :kind")
                    .setParameter("kind", kind.name())
                    .executeUpdate());
            if (database.isPostgres()) {
                // PostgreSQL delivers the notification when this transaction commits, never before the raise is visible.
                String payload = String.join(",", raised.keySet().stream().map(Enum::name).toList());
                session.doWork(connection -> {
                    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, payload);
                        notify.execute();
                    }
                });
            }
        });
        return raised;
    }

    private Map<ChangeEvent.Kind, Long> readVersions() {
        Map<ChangeEvent.Kind, Long> versions = new EnumMap<>(ChangeEvent.Kind.class);
        database.inTransaction(session -> session.createSelectionQuery("from ChangeVersion", ChangeVersion.class).getResultList())
                .forEach(row -> {
                    for (ChangeEvent.Kind kind : ChangeEvent.Kind.values()) {
                        if (kind.name().equals(row.getKind())) {
                            versions.put(kind, row.getVersion());
                        }
                    }
                });
        return versions;
    }
}
