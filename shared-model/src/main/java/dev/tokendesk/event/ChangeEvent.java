package dev.tokendesk.event;

/**
 * A committed change to stored data, published after the transaction that made it commits.
 *
 * @param kind what kind of record changed
 * @param id id of the changed record, or {@code null} when many changed at once or the id is unknown
 * @param origin whether this process made the change or another process on the same database did
 */
public record ChangeEvent(Kind kind, Object id, Origin origin) {

    /** Creates an event for a change made by this process. */
    public ChangeEvent(Kind kind, Object id) {
        this(kind, id, Origin.THIS_PROCESS);
    }

    /** Process that made a change. */
    public enum Origin {
        THIS_PROCESS,
        /** Another process, noticed through the database's change counters; the id is unknown. */
        OTHER_PROCESS
    }

    /** Kind of record a change event is about. */
    public enum Kind {
        USER,
        ROLE,
        TOKEN,
        /** Last-used times of tokens were written; no token's validity or permissions changed. */
        TOKEN_USE,
        CONTENT_TYPE,
        ENTRY
    }
}
