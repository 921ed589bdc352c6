package dev.tokendesk.server.requestlog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent requests, kept in memory for the console; not written to any log file.
 * Entries hold no secret: the query is redacted before it gets here.
 *
 * <p>Thread-safe without a lock: every request adds an entry from one of the server's I/O
 * threads, and a lock shared by those threads made them wait for each other. Each entry takes
 * the next number and the slot of that number in a ring; readers check the number in each slot.
 */
public final class RequestLog {

    private final int capacity;
    private final AtomicReferenceArray<Slot> slots;
    private final AtomicLong total = new AtomicLong();

    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    public void add(RequestLogEntry entry) {
        long number = total.getAndIncrement();
        slots.set(slotOf(number), new Slot(number, entry));
    }

    /** Returns the kept entries, oldest first. */
    public List<RequestLogEntry> snapshot() {
        return entriesAfter(0).entries();
    }

    /**
     * Returns the kept entries added after the first {@code seen} requests, oldest first, with
     * the total to pass as {@code seen} next time. Entries that fell out of the ring are skipped.
     * An entry that has its number but is not in its slot yet ends the batch, and the returned
     * total points at it, so the next call picks it up.
     */
    public Batch entriesAfter(long seen) {
        long end = total.get();
        List<RequestLogEntry> fresh = new ArrayList<>();
        for (long number = Math.max(seen, end - capacity); number < end; number++) {
            Slot slot = slots.get(slotOf(number));
            if (slot == null || slot.number() < number) {
                return new Batch(number, List.copyOf(fresh));
            }
            if (slot.number() == number) {
                fresh.add(slot.entry());
            }
            // A larger number means the entry was overwritten by a newer one while reading.
        }
        return new Batch(end, List.copyOf(fresh));
    }

    /** Returns how many requests were served since the server was created, including dropped entries. */
    public long total() {
        return total.get();
    }

    private int slotOf(long number) {
        return (int) (number % capacity);
    }

    private record Slot(long number, RequestLogEntry entry) {
    }

    /**
     * Entries added since a cursor.
     *
     * @param total requests served so far, or the number of the first entry not yet in its slot;
     *     the cursor for the next call
     * @param entries the new entries still kept, oldest first
     */
    public record Batch(long total, List<RequestLogEntry> entries) {
    }
}
