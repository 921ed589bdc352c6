package dev.tokendesk.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * The attribute types that a Strapi schema may declare and TokenDesk stores.
 *
 * <p>{@link #CUSTOM_FIELD} is a plugin field such as a rich text editor. Its real storage type is
 * registered by the plugin in Strapi and is not part of the schema file, so TokenDesk stores its
 * values as strings.
 */
public enum AttributeType {
    STRING("string"),
    TEXT("text"),
    RICHTEXT("richtext"),
    EMAIL("email"),
    UID("uid"),
    ENUMERATION("enumeration"),
    INTEGER("integer"),
    BIGINTEGER("biginteger"),
    DECIMAL("decimal"),
    FLOAT("float"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATETIME("datetime"),
    TIME("time"),
    JSON("json"),
    PASSWORD("password"),
    RELATION("relation"),
    COMPONENT("component"),
    DYNAMICZONE("dynamiczone"),
    MEDIA("media"),
    BLOCKS("blocks"),
    CUSTOM_FIELD("customField");

    private final String schemaName;

    AttributeType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Returns the value used in {@code schema.json}, such as {@code biginteger}. */
    public String schemaName() {
        return schemaName;
    }

    /** Returns whether values of this type are JSON strings. */
    public boolean isText() {
        return switch (this) {
            case STRING, TEXT, RICHTEXT, EMAIL, UID, ENUMERATION, PASSWORD, CUSTOM_FIELD -> true;
            default -> false;
        };
    }

    /** Returns whether values of this type are numbers that {@code min} and {@code max} apply to. */
    public boolean isNumeric() {
        return this == INTEGER || this == BIGINTEGER || this == DECIMAL || this == FLOAT;
    }

    /** Returns whether {@code unique: true} is enforced for this type; structured values cannot be unique. */
    public boolean supportsUnique() {
        return isText() || isNumeric() || this == DATE || this == DATETIME || this == TIME || this == BOOLEAN;
    }

    /** Returns the type whose schema name is {@code value}, matched exactly. */
    public static Optional<AttributeType> fromSchemaName(String value) {
        return Arrays.stream(values()).filter(type -> type.schemaName.equals(value)).findFirst();
    }
}
