package dev.tokendesk.content;

import java.util.List;
import java.util.Optional;

/**
 * A component as imported, reused by content types and dynamic zones.
 *
 * @param uid unique id {@code <category>.<name>}, such as {@code shared.seo}
 * @param category folder the component file sits in
 * @param displayName name shown in the console
 * @param attributes attributes in the order the file declares them
 */
public record ComponentView(String uid, String category, String displayName, List<Attribute> attributes) {

    public ComponentView {
        attributes = List.copyOf(attributes);
    }

    /** Returns the attribute called {@code name}, matched exactly. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(attribute -> attribute.name().equals(name)).findFirst();
    }
}
