package dev.tokendesk.console.content;

import java.util.List;

/**
 * Source of the content types the console offers in the Roles matrix and the token dialog.
 *
 * <p>Implementations may read the database, so callers use them from background work only.
 * Thread-safe.
 */
@FunctionalInterface
public interface ContentCatalog {

    /** Returns every content type, collection and single types alike. */
    List<ContentTypeSummary> listTypes();
}
