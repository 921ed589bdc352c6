package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.query.ValueColumn;
import org.hibernate.Session;

/**
 * Keeps the query index ({@code content_values} and {@code content_links}) of one entry in step
 * with its stored JSON, inside the caller's transaction.
 */
final class EntryIndex {

    private EntryIndex() {
    }

    /** Adds the index rows of {@code values}, the stored attributes of {@code entryId}, which has none yet. */
    static void write(Session session, long entryId, ContentTypeView type, JsonNode values) {
        for (Attribute attribute : type.attributes()) {
            JsonNode value = values.get(attribute.name());
            if (value == null || value.isNull() || !attribute.isReturned()) {
                continue;
            }
            if (attribute.type() == AttributeType.RELATION) {
                writeLinks(session, entryId, attribute, value);
            } else if (ValueColumn.of(attribute.type()).isPresent()) {
                ValueColumn.fromStored(attribute.type(), value)
                        .ifPresent(indexed -> session.persist(new IndexedValue(entryId, attribute.name(), indexed)));
            }
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
