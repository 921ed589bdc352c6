package dev.tokendesk.server.http;

import dev.tokendesk.db.Database;
import dev.tokendesk.server.error.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects write requests with 503 while the file system of the H2 database has less free space
 * than {@link Database#MIN_FREE_BYTES}. H2 closes the whole database when a write fails for lack
 * of space, and then reads fail too until a restart. Stopping writes first keeps reads working.
 */
public final class DiskSpaceHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceHandler.class);

    /** One log line per this many rejected writes after the first. */
    private static final long LOG_EVERY = 100;

    private final Database database;
    private final HttpHandler next;
    private final AtomicLong rejected = new AtomicLong();

    public DiskSpaceHandler(Database database, HttpHandler next) {
        this.database = database;
        this.next = next;
    }

    /** Undertow's parser hands out its own constants for these methods, so most checks end at the first identity test. */
    private static boolean isRead(HttpString method) {
        return method.equals(Methods.GET) || method.equals(Methods.HEAD) || method.equals(Methods.OPTIONS);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        // NOTE: the login endpoint is checked too, because a login writes to the database.
        if (isRead(exchange.getRequestMethod())) {
            next.handleRequest(exchange);
            return;
        }

        if (!database.hasRoomForWrites()) {
            long free = database.freeBytes();
            long count = rejected.incrementAndGet();
            if (count == 1 || count % LOG_EVERY == 0) {
                LOG.warn("Rejected a write ({} so far): the database disk has {} bytes free, below the minimum of {}",
                        count, free, Database.MIN_FREE_BYTES);
            }
            throw new ApiException(503, "ServiceUnavailableError", "The database cannot store data right now: the disk is full ("
                    + free / (1024 * 1024) + " MB free, writes need at least " + Database.MIN_FREE_BYTES / (1024 * 1024)
                    + " MB). Free disk space; reads keep working and the request can be retried.");
        }
        next.handleRequest(exchange);
    }
}
