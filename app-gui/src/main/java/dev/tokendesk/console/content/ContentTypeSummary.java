package dev.tokendesk.console.content;

import java.util.Objects;

/**
 * What the console shows of one content type: the Roles matrix lists it, and the token dialog
 * builds a ready URL from a collection type's plural name.
 *
 * @param uid Strapi uid such as {@code api::restaurant.restaurant}
 * @param collection whether it is a collection type; {@code false} for a single type
 * @param singularName API name of one entry, such as {@code restaurant}
 * @param pluralName API name of the collection, such as {@code restaurants}
 * @param displayName name people read, such as {@code Restaurant}
 */
public record ContentTypeSummary(String uid, boolean collection, String singularName, String pluralName, String displayName) {

    public ContentTypeSummary {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(displayName, "displayName");
    }
}
