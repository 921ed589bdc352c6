package dev.tokendesk.console.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background work on one daemon worker thread and delivers results with
 * {@link Platform#runLater}.
 *
 * <p>One thread keeps results in the order the work was submitted, so a newer list refresh is
 * never overwritten by an older one that finished late. Thread-safe.
 */
public final class WorkerThreadExecutor implements BackgroundExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerThreadExecutor.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            worker.execute(() -> runAndDeliver(work, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            LOG.debug("Background work dropped because the console is shutting down");
        }
    }

    private static <T> void runAndDeliver(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            Platform.runLater(() -> onFailure.accept(e));
            return;
        }
        Platform.runLater(() -> onSuccess.accept(result));
    }

    @Override
    public void post(Runnable update) {
        Platform.runLater(update);
    }

    /** Stops taking work and waits up to {@code seconds} for the running task to end. */
    public void shutdown(long seconds) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(seconds, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running after {} s; closing anyway", seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(5);
    }
}
