package dev.tokendesk.server.error;

import dev.tokendesk.db.DatabaseUnavailableException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognizes failures of the storage under the database: a full disk, a read-only file system, or
 * a database that closed itself after a write error. The client then gets a 503 that names the
 * cause instead of a bare 500.
 */
final class StorageFailure {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFailure.class);
    /** One log line per this many failures after the first, so a full disk does not flood the log. */
    private static final long LOG_EVERY = 100;

    /** PostgreSQL SQLSTATEs: disk_full, insufficient_resources, read_only_sql_transaction, admin_shutdown, cannot_connect_now. */
    private static final Set<String> POSTGRES_STATES = Set.of("53100", "53000", "25006", "57P01", "57P03");
    private static final Set<Integer> H2_CODES = Set.of(
            ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
            ErrorCode.FILE_CORRUPTED_1, ErrorCode.OUT_OF_MEMORY);
    private static final AtomicLong FAILURES = new AtomicLong();
    private static final int MAX_CHAIN = 50;

    private StorageFailure() {
    }

    /** Returns the 503 error for {@code failure} if a storage problem caused it, otherwise {@code null}. */
    static ApiException toApiException(Throwable failure) {
        String cause = describe(failure);
        if (cause == null) {
            return null;
        }
        long count = FAILURES.incrementAndGet();
        if (count == 1 || count % LOG_EVERY == 0) {
            LOG.error("Database storage failed ({} failure(s) so far): {}", count, cause, failure);
        }
        return new ApiException(503, "ServiceUnavailableError", "The database cannot store or read data right now: " + cause
                + ". Free disk space or make the data directory writable; the request can be retried.");
    }

    private static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable current : chain) {
            String lower = current.getMessage() == null ? "" : current.getMessage().toLowerCase(Locale.ROOT);
            if (lower.contains("no space left on device") || lower.contains("disk full") || lower.contains("could not extend file")) {
                return "the disk is full";
            }
            if (lower.contains("read-only file system")) {
                return "the file system is read-only";
            }
        }
        for (Throwable current : chain) {
            String message = current.getMessage() == null ? current.getClass().getName() : current.getMessage();
            if (current instanceof SQLException sql && isStorageState(sql)) {
                return firstLine(message);
            }
            if (current instanceof FileSystemException || current instanceof DatabaseUnavailableException
                    || current instanceof SQLTransientConnectionException) {
                return firstLine(message);
            }
        }
        return null;
    }

    /**
     * Returns {@code failure}, its causes and their suppressed exceptions, each once. H2 attaches
     * the write error that closed the database as a cause or suppressed exception of later
     * failures, sometimes in a cycle.
     */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < MAX_CHAIN) {
            Throwable current = pending.removeFirst();
            if (!seen.add(current)) {
                continue;
            }
            chain.add(current);
            if (current.getCause() != null) {
                pending.addLast(current.getCause());
            }
            pending.addAll(Arrays.asList(current.getSuppressed()));
        }
        return chain;
    }

    private static boolean isStorageState(SQLException sql) {
        return (sql.getSQLState() != null && POSTGRES_STATES.contains(sql.getSQLState())) || H2_CODES.contains(sql.getErrorCode());
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        // H2 appends the statement after " [" or "; SQL statement:"; a statement can contain entry values.
        int statement = line.indexOf("; SQL statement:");
        return statement < 0 ? line : line.substring(0, statement);
    }
}
