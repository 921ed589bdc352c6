package dev.tokendesk.content.query;

import dev.tokendesk.content.AttributeType;
import java.util.Arrays;
import java.util.Optional;

/**
 * A field that filters and sorting refer to: one of the columns every entry has, or an indexed
 * scalar attribute of the content type.
 *
 * @param name the name as written in a query, such as {@code seats} or {@code createdAt}
 * @param type how values of the field are parsed and compared
 * @param system the entry column, or {@code null} for an attribute
 */
public record Field(String name, AttributeType type, SystemField system) {

    /** The columns that every entry has besides its attributes. */
    public enum SystemField {
        ID("id", AttributeType.BIGINTEGER),
        DOCUMENT_ID("documentId", AttributeType.STRING),
        CREATED_AT("createdAt", AttributeType.DATETIME),
        UPDATED_AT("updatedAt", AttributeType.DATETIME),
        PUBLISHED_AT("publishedAt", AttributeType.DATETIME);

        private final String apiName;
        private final AttributeType type;

        SystemField(String apiName, AttributeType type) {
            this.apiName = apiName;
            this.type = type;
        }

        public String apiName() {
            return apiName;
        }

        /** Returns the system field called {@code name} in queries and responses, matched exactly. */
        public static Optional<SystemField> fromApiName(String name) {
            return Arrays.stream(values()).filter(field -> field.apiName.equals(name)).findFirst();
        }
    }

    /** Returns the field for a system column. */
    public static Field of(SystemField system) {
        return new Field(system.apiName, system.type, system);
    }

    /**
     * Returns the field for an attribute.
     *
     * @throws IllegalArgumentException when attributes of {@code type} are not indexed, so they cannot be filtered or sorted on
     */
    public static Field attribute(String name, AttributeType type) {
        if (ValueColumn.of(type).isEmpty()) {
            throw new IllegalArgumentException(name + " of type " + type.schemaName() + " cannot be filtered or sorted on");
        }
        return new Field(name, type, null);
    }

    /** Returns the index column for an attribute; system fields have their own columns. */
    public ValueColumn column() {
        return ValueColumn.of(type).orElseThrow();
    }
}
