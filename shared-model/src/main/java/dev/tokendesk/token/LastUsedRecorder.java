package dev.tokendesk.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Records when and from where each token was last used, off the request path and coalesced:
 * {@link #record} only updates memory, and {@link #flush} writes at most one update per token per
 * {@code window}. A failed write is passed to the error handler and never fails a request.
 *
 * <p>Thread-safe. The owner calls {@link #flush} on a schedule and once more at shutdown.
 */
public final class LastUsedRecorder {

    private final TokenService tokens;
    private final Clock clock;
    private final Duration window;
    private final Consumer<RuntimeException> errorHandler;
    private final Map<Long, Use> pending = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

    public LastUsedRecorder(TokenService tokens, Clock clock, Duration window, Consumer<RuntimeException> errorHandler) {
        this.tokens = tokens;
        this.clock = clock;
        this.window = window;
        this.errorHandler = errorHandler;
    }

    /** Notes a use of {@code tokenId} from {@code ip}; cheap, and never touches the database. */
    public void record(long tokenId, String ip) {
        Instant now = clock.instant();
        Instant written = lastWritten.get(tokenId);
        if (written != null && now.isBefore(written.plus(window))) {
            return;
        }
        pending.put(tokenId, new Use(now, ip));
    }

    /** Writes the pending uses, one short transaction per token; returns how many were written. */
    public int flush() {
        int written = 0;
        for (Long tokenId : pending.keySet()) {
            Use use = pending.remove(tokenId);
            if (use == null) {
                continue;
            }
            try {
                tokens.markUsed(tokenId, use.when(), use.ip());
                lastWritten.put(tokenId, use.when());
                written++;
            } catch (RuntimeException e) {
                errorHandler.accept(e);
            }
        }
        return written;
    }

    private record Use(Instant when, String ip) {
    }
}
