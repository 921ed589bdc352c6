package dev.tokendesk.console.content;

import dev.tokendesk.content.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * One attribute of the selected content type, as the attribute table shows it.
 *
 * @param name attribute name, such as {@code region}
 * @param type schema type, such as {@code string} or {@code relation → api::category.category}
 * @param flags {@code required}, {@code unique} and {@code private} as they apply, comma-separated
 */
public record AttributeRow(String name, String type, String flags) {

    static AttributeRow of(Attribute attribute) {
        String type = attribute.type().schemaName();
        if (attribute.target() != null) {
            type += " \u2192 " + attribute.target();
        } else if (attribute.component() != null) {
            type += " \u2192 " + attribute.component();
        }
        List<String> flags = new ArrayList<>();
        if (attribute.required()) {
            flags.add("required");
        }
        if (attribute.unique()) {
            flags.add("unique");
        }
        if (attribute.privateAttribute()) {
            flags.add("private");
        }
        return new AttributeRow(attribute.name(), type, String.join(", ", flags));
    }
}
