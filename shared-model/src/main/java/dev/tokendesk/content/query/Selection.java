package dev.tokendesk.content.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to return of each entry and which relations to populate, with the filters and sorting that
 * apply to the populated targets.
 *
 * @param fields attribute and system field names to return, or {@code null} for all; {@code id}
 *     and {@code documentId} are always returned
 * @param populate relations to populate by attribute name, each with its own selection of the target
 * @param filter condition that populated targets must match, or {@code null}; ignored at the top level
 * @param sort order of populated to-many targets; empty keeps the order in which they were set
 */
public record Selection(Set<String> fields, Map<String, Selection> populate, Condition filter, List<SortOrder> sort) {

    public Selection {
        fields = fields == null ? null : Set.copyOf(fields);
        populate = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(populate));
        sort = List.copyOf(sort);
    }

    /** Returns every field and no populated relation. */
    public static Selection all() {
        return new Selection(null, Map.of(), null, List.of());
    }

    /** Returns whether {@code name} is returned. */
    public boolean includes(String name) {
        return fields == null || fields.contains(name) || name.equals("id") || name.equals("documentId");
    }
}
