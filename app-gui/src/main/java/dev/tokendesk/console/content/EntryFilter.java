package dev.tokendesk.console.content;

import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Operator;
import dev.tokendesk.content.query.ValueColumn;
import java.util.List;
import java.util.Optional;

/**
 * The Content screen's filter: one attribute and a text. Text attributes match when they contain
 * the text, ignoring case ({@code $containsi}); numbers, booleans and datetimes match when they
 * equal it ({@code $eq}).
 */
final class EntryFilter {

    private EntryFilter() {
    }

    /** Returns the attributes of {@code type} that the filter offers: returned attributes with an index column. */
    static List<String> filterableAttributes(ContentTypeView type) {
        return type.attributes().stream()
                .filter(EntryFilter::filterable)
                .map(Attribute::name)
                .toList();
    }

    /** Returns up to {@code max} attributes that hold one value each, for the entry table's columns. */
    static List<String> scalarAttributes(ContentTypeView type, int max) {
        return type.attributes().stream()
                .filter(EntryFilter::filterable)
                .map(Attribute::name)
                .limit(max)
                .toList();
    }

    /**
     * Builds the condition for {@code attributeName} and {@code text}; empty when either is blank,
     * which means no filter.
     *
     * @throws IllegalArgumentException when the type has no such filterable attribute, or
     *     {@code text} is not a value of the attribute's type; the message names what is expected
     */
    static Optional<Condition> condition(ContentTypeView type, String attributeName, String text) {
        if (attributeName == null || attributeName.isBlank() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        Attribute attribute = type.attribute(attributeName)
                .filter(EntryFilter::filterable)
                .orElseThrow(() -> new IllegalArgumentException(type.displayName() + " has no attribute " + attributeName
                        + " to filter on"));
        Field field = Field.attribute(attribute.name(), attribute.type());
        if (field.column() == ValueColumn.TEXT) {
            return Optional.of(new Condition.Compare(field, Operator.CONTAINSI, List.of(text)));
        }
        Object value;
        try {
            value = ValueColumn.fromFilter(attribute.type(), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(attributeName + " must be " + e.getMessage() + ", not \"" + text.strip() + "\"", e);
        }
        return Optional.of(new Condition.Compare(field, Operator.EQ, List.of(value)));
    }

    private static boolean filterable(Attribute attribute) {
        return attribute.isReturned() && ValueColumn.of(attribute.type()).isPresent();
    }
}
