package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One attribute of a content type or component, parsed from its schema.
 *
 * <p>Options that do not apply to the type are {@code null}, {@code false} or empty. Immutable:
 * {@link #defaultValue()} returns a copy.
 *
 * @param name attribute name, the key in an entry's data
 * @param type attribute type
 * @param required whether a value must be present and not null
 * @param unique whether no two entries of the type may hold the same value
 * @param privateAttribute whether the schema marks it {@code "private": true}; never returned
 * @param minLength minimum length of text, in Unicode code points
 * @param maxLength maximum length of text, in Unicode code points
 * @param min minimum of a number
 * @param max maximum of a number
 * @param enumValues allowed values of an enumeration
 * @param regex pattern that text must contain a match of
 * @param relation cardinality of a relation
 * @param target uid of the content type a relation points at
 * @param mappedBy for the inverse side of a relation, the attribute of the target that owns the
 *     links (Strapi's {@code mappedBy}); {@code null} on the owning side and for other types
 * @param component uid of the component that a component attribute contains
 * @param repeatable whether a component attribute contains a list
 * @param components uids of the components a dynamic zone allows
 * @param multiple whether a media attribute contains a list
 * @param defaultValue value stored when a created entry omits the attribute, or {@code null}
 */
public record Attribute(
        String name,
        AttributeType type,
        boolean required,
        boolean unique,
        boolean privateAttribute,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        List<String> enumValues,
        String regex,
        RelationKind relation,
        String target,
        String mappedBy,
        String component,
        boolean repeatable,
        List<String> components,
        boolean multiple,
        JsonNode defaultValue) {

    public Attribute {
        enumValues = List.copyOf(enumValues);
        components = List.copyOf(components);
        defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
    }

    @Override
    public JsonNode defaultValue() {
        return defaultValue == null ? null : defaultValue.deepCopy();
    }

    /**
     * Returns whether this is the inverse side of a relation: its targets are the entries whose
     * {@link #mappedBy} relation points here, and it stores no links of its own.
     */
    public boolean isInverse() {
        return mappedBy != null;
    }

    /** Returns whether entries show this attribute to callers: private and password attributes are never shown. */
    public boolean isReturned() {
        return !privateAttribute && type != AttributeType.PASSWORD;
    }
}
