package dev.tokendesk.content.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * The entries that an {@link EntryQuery} selected, in order.
 *
 * @param entries the entries, Strapi v5 shaped, with populated relations
 * @param total number of entries that match the filter on all pages, when the query asked for it
 */
public record EntryList(List<ObjectNode> entries, OptionalLong total) {

    public EntryList {
        entries = List.copyOf(entries);
    }
}
