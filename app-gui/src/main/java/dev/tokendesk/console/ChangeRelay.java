package dev.tokendesk.console;

import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link ChangeEvent}s from the threads that publish them to the UI thread, in batches.
 *
 * <p>Events that arrive before the UI thread gets to them are merged, so a burst of writes causes
 * one refresh per screen instead of one per write. Thread-safe; refresh actions run on the
 * executor given at construction, which in the console is {@code Platform::runLater}.
 */
final class ChangeRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRelay.class);

    private final Executor uiThread;
    private final AutoCloseable subscription;
    private final Set<ChangeEvent.Kind> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean(false);
    private final List<Target> targets = new CopyOnWriteArrayList<>();

    ChangeRelay(ChangeEvents events, Executor uiThread) {
        this.uiThread = uiThread;
        this.subscription = events.subscribe(this::received);
    }

    /** Runs {@code refresh} on the UI thread after changes of any of {@code kinds}, once per batch. */
    void onChange(Set<ChangeEvent.Kind> kinds, Runnable refresh) {
        targets.add(new Target(EnumSet.copyOf(kinds), refresh));
    }

    private void received(ChangeEvent event) {
        pending.add(event.kind());
        if (scheduled.compareAndSet(false, true)) {
            uiThread.execute(this::deliver);
        }
    }

    private void deliver() {
        // Cleared before draining, so an event published during the drain schedules another delivery.
        scheduled.set(false);
        Set<ChangeEvent.Kind> batch = EnumSet.noneOf(ChangeEvent.Kind.class);
        for (ChangeEvent.Kind kind : ChangeEvent.Kind.values()) {
            if (pending.remove(kind)) {
                batch.add(kind);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        for (Target target : targets) {
            if (target.kinds().stream().anyMatch(batch::contains)) {
                target.refresh().run();
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe the console from change events", e);
        }
    }

    private record Target(Set<ChangeEvent.Kind> kinds, Runnable refresh) {
    }
}
