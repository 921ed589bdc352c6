package dev.tokendesk.db;

import dev.tokendesk.ValidationException;
import java.util.List;

/**
 * One page of a list that is paged in SQL, with the number of rows that match in total.
 *
 * @param items the rows of this page, at most {@code pageSize}
 * @param total number of rows that match the query on every page
 * @param page number of this page, starting at 1
 * @param pageSize maximum number of rows per page
 */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

    /** Largest page size that the services accept. */
    public static final int MAX_PAGE_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** Returns the number of pages, at least 1 so an empty list still has a page to show. */
    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /**
     * Checks a requested page number and size.
     *
     * @throws ValidationException naming the value when the page is below 1 or the size is not 1 to {@value #MAX_PAGE_SIZE}
     */
    public static void requireValid(int page, int pageSize) {
        if (page < 1) {
            throw ValidationException.of("page", "page must be 1 or more, got " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ValidationException.of("pageSize", "pageSize must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
    }

    /** Returns the offset of the first row of {@code page}, for {@code setFirstResult}. */
    public static int offset(int page, int pageSize) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
    }
}
