package dev.tokendesk.content;

import java.util.Arrays;
import java.util.Optional;

/** Kind of content type, declared by Strapi's {@code kind} field: many entries or exactly one. */
public enum ContentKind {
    COLLECTION_TYPE("collectionType"),
    SINGLE_TYPE("singleType");

    private final String schemaName;

    ContentKind(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Returns the value used in {@code schema.json}, such as {@code collectionType}. */
    public String schemaName() {
        return schemaName;
    }

    /** Returns the kind whose schema name is {@code value}, matched exactly. */
    public static Optional<ContentKind> fromSchemaName(String value) {
        return Arrays.stream(values()).filter(kind -> kind.schemaName.equals(value)).findFirst();
    }
}
