package dev.tokendesk.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a content type's entries, in id order.
 *
 * @param entries the entries on this page, Strapi v5 shaped
 * @param page page number, starting at 1
 * @param pageSize maximum number of entries per page
 * @param total number of entries of the type on all pages
 */
public record EntryPage(List<ObjectNode> entries, int page, int pageSize, long total) {

    public EntryPage {
        entries = List.copyOf(entries);
    }

    /** Returns the number of pages that hold {@link #total} entries; 0 when there are none. */
    public int pageCount() {
        return (int) ((total + pageSize - 1) / pageSize);
    }
}
