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
        total.incrementAndGet();
        synchronized (entries) {
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

    /** Returns how many requests were served since the server was created, including dropped entries. */
    public long total() {
        return total.get();
    }
}
