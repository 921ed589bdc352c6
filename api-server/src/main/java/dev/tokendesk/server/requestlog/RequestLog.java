package dev.tokendesk.server.requestlog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent requests, kept in memory for the console; not written to any log file.
 * Thread-safe. Entries hold no secret: the query is redacted before it gets here.
 */
public final class RequestLog {

    private final int capacity;
    private final Deque<RequestLogEntry> entries;
    private final AtomicLong total = new AtomicLong();

    public RequestLog(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    public void add(RequestLogEntry entry) {
        synchronized (entries) {
            // Counted under the lock, so the count and the entries that entriesAfter returns agree.
            total.incrementAndGet();
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** Returns the kept entries, oldest first. */
    public List<RequestLogEntry> snapshot() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /**
     * Returns the kept entries added after the first {@code seen} requests, oldest first, with
     * the total to pass as {@code seen} next time. Entries that fell out of the buffer are skipped.
     */
    public Batch entriesAfter(long seen) {
        synchronized (entries) {
            long now = total.get();
            int fresh = (int) Math.min(entries.size(), Math.max(0, now - seen));
            List<RequestLogEntry> all = new ArrayList<>(entries);
            return new Batch(now, List.copyOf(all.subList(all.size() - fresh, all.size())));
        }
    }

    /** Returns how many requests were served since the server was created, including dropped entries. */
    public long total() {
        return total.get();
    }

    /**
     * Entries added since a cursor.
     *
     * @param total requests served so far; the cursor for the next call
     * @param entries the new entries still kept, oldest first
     */
    public record Batch(long total, List<RequestLogEntry> entries) {
    }
}
