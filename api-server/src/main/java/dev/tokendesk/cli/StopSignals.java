package dev.tokendesk.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a stop action once on SIGTERM or SIGINT (Ctrl+C), before the JVM starts its shutdown.
 *
 * <p>A shutdown hook alone is not enough: H2 closes its database in its own shutdown hook, in
 * parallel with ours, so requests still in flight and the last flush of pending writes would find
 * the database closed. Handling the signal first lets the stop finish while the database is open;
 * the JVM exits afterwards when the server's threads have ended. The shutdown hook stays as a
 * fallback for {@code System.exit} and for platforms without these signals.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Installs {@code stop} for SIGTERM, SIGINT and JVM shutdown; it runs at most once. */
    static void onStop(Runnable stop) {
        AtomicBoolean started = new AtomicBoolean();
        Runnable once = () -> {
            if (started.compareAndSet(false, true)) {
                stop.run();
            }
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("Received SIG{}; stopping", name);
                    once.run();
                });
            } catch (IllegalArgumentException e) {
                // NOTE: the JVM may reserve a signal (for example with -Xrs); then only the shutdown hook stops the server.
                LOG.warn("Cannot handle SIG{}: {}; relying on the shutdown hook", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(once, "tokendesk-shutdown"));
    }
}
