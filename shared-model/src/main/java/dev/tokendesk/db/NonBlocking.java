package dev.tokendesk.db;

/**
 * Runs work on a thread that must never wait, such as an HTTP I/O thread, and stops it at the
 * first call that would wait for the database.
 *
 * <p>The HTTP server first runs a request on its I/O thread inside {@link #attempt}. When
 * everything the request needs is in memory (a cached credential and a cached response, or a
 * rejection that needs no lookup), it completes there. The first {@link Database} call instead
 * throws {@link WouldBlock}, before it touches the database, and the server runs the whole
 * request again on a worker thread. Code on the request path therefore must not change shared
 * state before its first database call unless running it twice is harmless.
 *
 * <p>NOTE: only {@link Database#inTransaction} and {@link Database#run} check. Other blocking work
 * on a {@code GET} path, such as file I/O or a password hash, is not detected and would run on the
 * I/O thread.
 */
public final class NonBlocking {

    /**
     * Thrown by a blocking call inside {@link #attempt}. It is an {@link Error}, so that the
     * {@code catch (Exception e)} of error handlers on the way do not turn it into a response.
     */
    public static final class WouldBlock extends Error {

        private static final long serialVersionUID = 1L;

        private WouldBlock() {
            super("This call would block a thread that must not block", null, false, false);
        }
    }

    /** Work that may throw, as an HTTP handler does. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final WouldBlock WOULD_BLOCK = new WouldBlock();
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private NonBlocking() {
    }

    /**
     * Runs {@code work} and returns true when it finished without a blocking call; returns false
     * when it reached one, which did not run. Exceptions of {@code work} propagate.
     */
    public static boolean attempt(Work work) throws Exception {
        ACTIVE.set(Boolean.TRUE);
        try {
            work.run();
            return true;
        } catch (WouldBlock e) {
            return false;
        } finally {
            ACTIVE.set(Boolean.FALSE);
        }
    }

    /** Throws {@link WouldBlock} when called inside {@link #attempt}; blocking calls start with this. */
    public static void checkBlockingAllowed() {
        if (ACTIVE.get()) {
            throw WOULD_BLOCK;
        }
    }
}
