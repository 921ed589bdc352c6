package dev.tokendesk.console.content;

import dev.tokendesk.TokenDesk;
import java.util.List;

/**
 * The {@link ContentCatalog} of one open {@link TokenDesk}. Thread-safe, as the desk is.
 */
public final class DeskContentCatalog implements ContentCatalog {

    @SuppressWarnings("unused")
    private final TokenDesk desk;

    public DeskContentCatalog(TokenDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<ContentTypeSummary> listTypes() {
        // TODO: the content service is not on this branch yet, so no content type is listed. Replace
        // this with desk.content().listTypes() mapped to ContentTypeSummary(uid, kind is a collection
        // type, singularName, pluralName, displayName).
        return List.of();
    }
}
