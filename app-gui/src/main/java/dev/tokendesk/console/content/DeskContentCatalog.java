package dev.tokendesk.console.content;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentTypeView;
import java.util.List;

/**
 * The {@link ContentCatalog} of one open {@link TokenDesk}. Types whose entries a plugin owns,
 * such as the users-permissions user type, are left out because the content routes do not serve
 * them. Thread-safe, as the desk is.
 */
public final class DeskContentCatalog implements ContentCatalog {

    private final TokenDesk desk;

    public DeskContentCatalog(TokenDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<ContentTypeSummary> listTypes() {
        return desk.content().listTypes().stream()
                .filter(type -> !type.pluginManaged())
                .map(DeskContentCatalog::summary)
                .toList();
    }

    private static ContentTypeSummary summary(ContentTypeView type) {
        return new ContentTypeSummary(type.uid(), type.kind() == ContentKind.COLLECTION_TYPE, type.singularName(),
                type.pluralName(), type.displayName());
    }
}
