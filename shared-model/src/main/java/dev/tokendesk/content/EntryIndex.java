package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.query.ValueColumn;
import java.util.Map;
import org.hibernate.Session;

/**
 * Keeps the query index ({@code content_values} and {@code content_links}) of one entry in step
 * with its stored JSON, inside the caller's transaction.
 */
final class EntryIndex {

    /** Length of the attribute column. Longer component paths are not indexed. */
    private static final int MAX_PATH_LENGTH = 100;
    /** Items per repeatable component level in the item number. Later items are not indexed. */
    private static final int MAX_ITEMS = 10_000;

    private EntryIndex() {
    }

    /**
     * Adds the index rows of {@code values}, the stored attributes of {@code entryId}, which has
     * none yet. Scalar values inside components are indexed under their dotted path, such as
     * {@code information.description}. Dynamic zones and relations inside components are not indexed.
     */
    static void write(Session session, long entryId, ContentTypeView type, Map<String, ComponentView> components, JsonNode values) {
        for (Attribute attribute : type.attributes()) {
            JsonNode value = values.get(attribute.name());
            if (value == null || value.isNull() || !attribute.isReturned()) {
                continue;
            }
            if (attribute.type() == AttributeType.RELATION) {
                if (!attribute.isInverse()) {
                    writeLinks(session, entryId, attribute, value);
                }
            } else if (attribute.type() == AttributeType.COMPONENT) {
                writeComponent(session, entryId, attribute, attribute.name(), 0, components, value);
            } else {
                writeValue(session, entryId, attribute, attribute.name(), 0, value);
            }
        }
    }

    private static void writeComponent(Session session, long entryId, Attribute attribute, String path, int item,
            Map<String, ComponentView> components, JsonNode value) {
        ComponentView component = components.get(attribute.component());
        if (component == null) {
            return;
        }
        boolean repeatable = attribute.repeatable() && value.isArray();
        int count = repeatable ? Math.min(value.size(), MAX_ITEMS) : 1;
        for (int i = 0; i < count; i++) {
            JsonNode element = repeatable ? value.get(i) : value;
            // An item of a repeatable component inside another one is numbered within the outer item's range, so keys never collide.
            long elementItem = repeatable ? (long) item * MAX_ITEMS + i : item;
            if (elementItem > Integer.MAX_VALUE) {
                // NOTE: values under three nested levels of repeatable components may not be indexed, so filters miss them.
                return;
            }
            for (Attribute inner : component.attributes()) {
                JsonNode innerValue = element.get(inner.name());
                String innerPath = path + "." + inner.name();
                if (innerValue == null || innerValue.isNull() || !inner.isReturned() || innerPath.length() > MAX_PATH_LENGTH) {
                    continue;
                }
                if (inner.type() == AttributeType.COMPONENT) {
                    writeComponent(session, entryId, inner, innerPath, (int) elementItem, components, innerValue);
                } else {
                    writeValue(session, entryId, inner, innerPath, (int) elementItem, innerValue);
                }
            }
        }
    }

    private static void writeValue(Session session, long entryId, Attribute attribute, String path, int item, JsonNode value) {
        if (ValueColumn.of(attribute.type()).isPresent()) {
            ValueColumn.fromStored(attribute.type(), value)
                    .ifPresent(indexed -> session.persist(new IndexedValue(entryId, path, item, indexed)));
        }
    }

    /** Removes every index row of {@code entryId}. */
    static void clear(Session session, long entryId) {
        session.createMutationQuery("delete from IndexedValue where entryId = :entry").setParameter("entry", entryId).executeUpdate();
        session.createMutationQuery("delete from IndexedLink where entryId = :entry").setParameter("entry", entryId).executeUpdate();
    }

    private static void writeLinks(Session session, long entryId, Attribute attribute, JsonNode value) {
        if (!value.isArray()) {
            session.persist(new IndexedLink(entryId, attribute.name(), 0, value.asText()));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            session.persist(new IndexedLink(entryId, attribute.name(), i, value.get(i).asText()));
        }
    }
}
