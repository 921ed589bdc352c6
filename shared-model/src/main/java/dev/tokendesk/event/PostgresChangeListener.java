package dev.tokendesk.event;

import dev.tokendesk.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link ChangeFeed#CHANNEL} through one connection of its own, outside the pool, and
 * runs a callback, usually {@link ChangeFeed#synchronize}, on its own thread whenever any process
 * announces a change. The callback also runs after every (re)connect, so changes announced while
 * the connection was down are not missed.
 *
 * <p>Thread-safe. A lost connection is reported once to the error handler and retried every
 * {@value #RETRY_MILLIS} ms until it works again or {@link #close()} is called; meanwhile the
 * scheduled polling of {@link ChangeFeed} still delivers changes.
 */
public final class PostgresChangeListener implements AutoCloseable {

    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;

    private final Database database;
    private final Runnable onChange;
    private final Consumer<RuntimeException> errorHandler;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts listening on a daemon thread. */
    public PostgresChangeListener(Database database, Runnable onChange, Consumer<RuntimeException> errorHandler) {
        this.database = database;
        this.onChange = onChange;
        this.errorHandler = errorHandler;
        this.thread = new Thread(this::listen, "tokendesk-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean failing = false;
        while (running) {
            try (Connection connection = database.openUnpooledConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeFeed.CHANNEL);
                }
                failing = false;
                onChange.run();
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (running && !failing) {
                    errorHandler.accept(new IllegalStateException("Lost the connection that listens for changes of other instances: "
                            + e.getMessage() + "; retrying every " + RETRY_MILLIS + " ms", e));
                }
                failing = true;
                pause();
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                onChange.run();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops listening and waits up to two seconds for the thread to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
