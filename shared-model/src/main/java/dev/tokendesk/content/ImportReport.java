package dev.tokendesk.content;

import java.util.List;

/**
 * Changes made by one schema import, listed by uid.
 *
 * @param typesCreated content types that did not exist before
 * @param typesUpdated content types whose stored schema changed
 * @param typesUnchanged content types whose schema was already stored as imported
 * @param componentsCreated components that did not exist before
 * @param componentsUpdated components whose stored schema changed
 * @param componentsUnchanged components whose schema was already stored as imported
 */
public record ImportReport(
        List<String> typesCreated,
        List<String> typesUpdated,
        List<String> typesUnchanged,
        List<String> componentsCreated,
        List<String> componentsUpdated,
        List<String> componentsUnchanged) {

    public ImportReport {
        typesCreated = List.copyOf(typesCreated);
        typesUpdated = List.copyOf(typesUpdated);
        typesUnchanged = List.copyOf(typesUnchanged);
        componentsCreated = List.copyOf(componentsCreated);
        componentsUpdated = List.copyOf(componentsUpdated);
        componentsUnchanged = List.copyOf(componentsUnchanged);
    }

    /** Returns the number of content types in the import. */
    public int typeCount() {
        return typesCreated.size() + typesUpdated.size() + typesUnchanged.size();
    }

    /** Returns the number of components in the import. */
    public int componentCount() {
        return componentsCreated.size() + componentsUpdated.size() + componentsUnchanged.size();
    }
}
