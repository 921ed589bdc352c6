package dev.tokendesk.console.content;

import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentTypeView;

/**
 * One content type in the Content screen's type list.
 *
 * @param type the type as the content service returns it
 */
public record TypeRow(ContentTypeView type) {

    /** Returns the Strapi uid, such as {@code api::country.country}. */
    public String uid() {
        return type.uid();
    }

    /** Returns whether the type's entries belong to a plugin, so the screen shows no entries for it. */
    public boolean pluginManaged() {
        return type.pluginManaged();
    }

    /** Returns whether entries can be listed and imported here: any type that no plugin owns. */
    public boolean hasEntries() {
        return !type.pluginManaged();
    }

    /** Returns the kind in words: collection or single type. */
    public String kindText() {
        return type.kind() == ContentKind.COLLECTION_TYPE ? "collection type" : "single type";
    }

    /** Returns the kind, plural name and draft-and-publish setting in one line, for the detail panel. */
    public String detailText() {
        String names = type.kind() == ContentKind.COLLECTION_TYPE ? ", plural name " + type.pluralName() : "";
        String plugin = type.pluginManaged() ? ", entries managed by its plugin" : "";
        return type.uid() + ": " + kindText() + names + ", draft and publish " + (type.draftAndPublish() ? "on" : "off") + plugin;
    }

    /** Returns the display name, marked when a plugin owns the entries, as the type list shows it. */
    @Override
    public String toString() {
        return type.pluginManaged() ? type.displayName() + " (plugin)" : type.displayName();
    }
}
