package dev.tokendesk.content.query;

/**
 * One sort key. Entries without a value sort after those with one in ascending order and before
 * them in descending order, on H2 and PostgreSQL alike.
 */
public record SortOrder(Field field, boolean descending) {
}
