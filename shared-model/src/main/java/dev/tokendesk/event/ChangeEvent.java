package dev.tokendesk.event;

/**
 * A committed change to stored data, published after the transaction that made it commits.
 *
 * @param kind what kind of record changed
 * @param id id of the changed record, or {@code null} when many changed at once
 */
public record ChangeEvent(Kind kind, Object id) {

    /** Kind of record a change event is about. */
    public enum Kind {
        USER,
        ROLE,
        TOKEN,
        CONTENT_TYPE,
        ENTRY
    }
}
