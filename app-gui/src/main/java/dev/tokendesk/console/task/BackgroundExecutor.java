package dev.tokendesk.console.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work, such as database calls, away from the JavaFX application thread and hands the
 * result back to it.
 *
 * <p>View models take this interface in their constructor, so tests can run the work inline on
 * the calling thread while the console runs it on a worker thread. Implementations are
 * thread-safe; callbacks run on the thread that owns the UI state, which in the console is the
 * JavaFX application thread.
 */
public interface BackgroundExecutor {

    /**
     * Runs {@code work} in the background, then passes its result to {@code onSuccess} or its
     * exception to {@code onFailure} on the UI thread. Exactly one of the two callbacks runs.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code work} in the background; when it throws, the failure goes to {@code onFailure} on the UI thread. */
    default void submit(ThrowingRunnable work, Runnable onSuccess, Consumer<? super Exception> onFailure) {
        submit(() -> {
            work.run();
            return null;
        }, ignored -> onSuccess.run(), onFailure);
    }

    /**
     * Runs {@code update} on the UI thread, for progress reports from background work. This
     * default runs it at once on the calling thread, which suits executors whose work runs inline.
     */
    default void post(Runnable update) {
        update.run();
    }

    /** Work without a result that may throw a checked exception. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
