package dev.tokendesk.console.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry in the Content screen's entry table, in the Strapi v5 shape the content service returns.
 *
 * @param entry the entry; callers must not change it
 */
public record EntryRow(ObjectNode entry) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the entry's numeric id. */
    public long id() {
        return entry.path("id").asLong();
    }

    /** Returns the value of field {@code name} as table text: empty for a missing or null value, JSON for objects and arrays. */
    public String cell(String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Returns the whole entry as indented JSON. */
    public String prettyJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            // A tree built by Jackson always serializes; this keeps the checked signature out of callers.
            throw new IllegalStateException("Cannot write entry " + id() + " as JSON", e);
        }
    }
}
