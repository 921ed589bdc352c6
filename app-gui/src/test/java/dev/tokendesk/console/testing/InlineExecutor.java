package dev.tokendesk.console.testing;

import dev.tokendesk.console.task.BackgroundExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work and its callback at once on the calling thread, so view model tests need no FX thread. */
public final class InlineExecutor implements BackgroundExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
