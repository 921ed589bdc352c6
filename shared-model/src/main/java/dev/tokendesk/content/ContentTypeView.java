package dev.tokendesk.content;

import java.util.List;
import java.util.Optional;

/**
 * A content type as imported: its names and its attributes in schema order.
 *
 * @param uid unique id such as {@code api::restaurant.restaurant}
 * @param kind collection type or single type
 * @param singularName name used for single-type routes and in {@code findType}
 * @param pluralName name used for collection routes, such as {@code restaurants}
 * @param displayName name shown in the console
 * @param draftAndPublish whether the schema enables Strapi's draft and publish
 * @param attributes attributes in the order the schema declares them
 */
public record ContentTypeView(
        String uid,
        ContentKind kind,
        String singularName,
        String pluralName,
        String displayName,
        boolean draftAndPublish,
        List<Attribute> attributes) {

    /** Uid of the users-permissions user type, whose entries are TokenDesk's users. */
    public static final String USER_TYPE_UID = "plugin::users-permissions.user";

    public ContentTypeView {
        attributes = List.copyOf(attributes);
    }

    /** Returns the attribute called {@code name}, matched exactly. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(attribute -> attribute.name().equals(name)).findFirst();
    }

    /**
     * Returns whether a plugin owns the entries of this type, as with {@link #USER_TYPE_UID}.
     * Such a type is imported so relations to it can be checked, but its entries are not
     * stored as content.
     */
    public boolean pluginManaged() {
        return uid.startsWith("plugin::");
    }
}
