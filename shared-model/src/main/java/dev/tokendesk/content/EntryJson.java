package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shapes a stored entry as Strapi v5 returns it. */
final class EntryJson {

    /** Strapi writes timestamps as JavaScript's {@code Date.toISOString()} does: UTC with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EntryJson() {
    }

    /**
     * Returns {@code id}, {@code documentId}, every returned attribute in schema order (null when
     * the entry has no value), then {@code createdAt}, {@code updatedAt} and {@code publishedAt}.
     * Private and password attributes are left out.
     */
    static ObjectNode toApi(ContentEntry entry, ContentTypeView type) {
        JsonNode data = ContentJson.parse(entry.getData());
        ObjectNode shaped = ContentJson.newObject();
        shaped.put("id", entry.getId());
        shaped.put("documentId", entry.getDocumentId());
        for (Attribute attribute : type.attributes()) {
            if (attribute.isReturned()) {
                JsonNode value = data.get(attribute.name());
                shaped.set(attribute.name(), value == null ? NullNode.getInstance() : value);
            }
        }
        shaped.put("createdAt", format(entry.getCreatedAt()));
        shaped.put("updatedAt", format(entry.getUpdatedAt()));
        shaped.put("publishedAt", format(entry.getPublishedAt()));
        return shaped;
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
