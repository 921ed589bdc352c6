package dev.tokendesk.content.query;

/**
 * One sort key. Entries without a value sort after those with one in ascending order and before
 * them in descending order, on H2 and PostgreSQL alike.
 *
 * @param field the field to sort on: of the entry, or of the relation target when {@code relation} is set
 * @param descending whether larger values come first
 * @param relation a to-one relation attribute whose target's field is the key, or {@code null}
 * @param targetUid the content type that {@code relation} points at, or {@code null}
 */
public record SortOrder(Field field, boolean descending, String relation, String targetUid) {

    /** Returns a sort key on a field of the entry itself. */
    public SortOrder(Field field, boolean descending) {
        this(field, descending, null, null);
    }
}
