package dev.tokendesk.content.query;

import java.util.List;

/**
 * A validated list request: which entries, in which order, which slice of them, and what to return
 * of each.
 *
 * @param filter condition the entries must match, or {@code null} for all
 * @param sort sort keys in priority order; entries with equal keys are ordered by id
 * @param offset number of matching entries to skip, 0 or more
 * @param limit maximum number of entries to return, 1 or more
 * @param withCount whether to count all matching entries
 * @param status which version of draft-and-publish entries to read
 * @param selection fields and populated relations of each entry
 */
public record EntryQuery(Condition filter, List<SortOrder> sort, long offset, int limit, boolean withCount, Status status,
        Selection selection) {

    public EntryQuery {
        sort = List.copyOf(sort);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, not " + limit);
        }
    }
}
