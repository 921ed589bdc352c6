package dev.tokendesk.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process publish and subscribe for {@link ChangeEvent}s, so caches and the console learn of
 * committed changes.
 *
 * <p>Thread-safe. Listeners run on the publishing thread, synchronously and in subscription
 * order, and must return quickly: a console listener hands the event to the FX thread instead of
 * updating controls itself. An exception from one listener does not stop the others; it is passed
 * to the error handler given at construction.
 */
public final class ChangeEvents {

    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<RuntimeException> errorHandler;

    public ChangeEvents(Consumer<RuntimeException> errorHandler) {
        this.errorHandler = errorHandler;
    }

    /** Adds a listener; the returned handle removes it again. */
    public AutoCloseable subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(ChangeEvent.Kind kind, Object id) {
        publish(new ChangeEvent(kind, id));
    }

    /** Delivers {@code event} to every listener. */
    public void publish(ChangeEvent event) {
        for (Consumer<ChangeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                errorHandler.accept(e);
            }
        }
    }
}
