package dev.tokendesk.audit;

import dev.tokendesk.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts authentication failures per reason. {@link #count} only updates memory, so a flood of
 * bad credentials causes no database writes on the request path; {@link #flush} adds the counts
 * to the stored totals in one transaction.
 *
 * <p>Thread-safe. The owner calls {@link #flush} on a schedule and once more at shutdown.
 */
public final class AuthFailureCounter {

    private final Database database;
    private final Clock clock;
    private final Consumer<RuntimeException> errorHandler;
    private final Map<String, Tally> pending = new ConcurrentHashMap<>();

    public AuthFailureCounter(Database database, Clock clock, Consumer<RuntimeException> errorHandler) {
        this.database = database;
        this.clock = clock;
        this.errorHandler = errorHandler;
    }

    public void count(String reason) {
        pending.computeIfAbsent(reason, key -> new Tally()).counted.increment();
    }

    /** Writes the pending counts; a failed write is passed to the error handler and the counts are kept for the next try. */
    public synchronized void flush() {
        Map<String, Long> batch = new LinkedHashMap<>();
        pending.forEach((reason, tally) -> {
            long unwritten = tally.unflushed();
            if (unwritten > 0) {
                batch.put(reason, unwritten);
                tally.flushed += unwritten;
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            database.run(session -> batch.forEach((reason, count) -> {
                AuthFailureCount stored = session.find(AuthFailureCount.class, reason);
                if (stored == null) {
                    stored = new AuthFailureCount(reason);
                    stored.add(count, now);
                    session.persist(stored);
                } else {
                    stored.add(count, now);
                }
            }));
        } catch (RuntimeException e) {
            batch.forEach((reason, count) -> pending.get(reason).flushed -= count);
            errorHandler.accept(e);
        }
    }

    /** Returns the stored totals per reason, including what is still pending in memory. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        database.inTransaction(session -> session.createSelectionQuery("from AuthFailureCount order by reason", AuthFailureCount.class)
                .getResultList())
                .forEach(stored -> totals.put(stored.getReason(), stored.getFailures()));
        synchronized (this) {
            pending.forEach((reason, tally) -> totals.merge(reason, tally.unflushed(), Long::sum));
        }
        totals.values().removeIf(count -> count == 0);
        return totals;
    }

    /**
     * One reason's failures: a running count that request threads add to without contention,
     * and the part of it already written, which only {@link #flush} changes (under the lock).
     */
    private static final class Tally {

        private final LongAdder counted = new LongAdder();
        private long flushed;

        long unflushed() {
            return counted.sum() - flushed;
        }
    }
}
