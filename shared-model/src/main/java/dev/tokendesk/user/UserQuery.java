package dev.tokendesk.user;

import java.util.Objects;

/**
 * A request for one page of users.
 *
 * @param search text that the user name or email must contain, ignoring case; empty or {@code null} for every user
 * @param sort column to sort by
 * @param ascending sort direction
 * @param page page number, starting at 1
 * @param pageSize rows per page, 1 to {@value dev.tokendesk.db.Page#MAX_PAGE_SIZE}
 */
public record UserQuery(String search, UserSort sort, boolean ascending, int page, int pageSize) {

    public UserQuery {
        search = search == null ? "" : search.strip();
        Objects.requireNonNull(sort, "sort");
    }

    /** Returns the first page of every user, sorted by user name. */
    public static UserQuery firstPage(int pageSize) {
        return new UserQuery("", UserSort.USERNAME, true, 1, pageSize);
    }
}
