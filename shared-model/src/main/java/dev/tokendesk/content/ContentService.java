package dev.tokendesk.content;

import dev.tokendesk.ValidationException;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content types and their entries: the API that the HTTP server and the console use.
 *
 * <p>Immutable and thread-safe. Every method runs in its own transaction and reads the current
 * schemas from the database, so an import by another process shows at the next call.
 */
public final class ContentService {

    private final Database database;
    private final SchemaImporter importer;

    public ContentService(Database database, ChangeEvents events, Clock clock) {
        this.database = database;
        this.importer = new SchemaImporter(database, events, clock);
    }

    /** Lists every content type, ordered by uid. */
    public List<ContentTypeView> listTypes() {
        return database.inTransaction(ContentRepository::loadTypes);
    }

    /** Lists every component, ordered by uid. */
    public List<ComponentView> listComponents() {
        return database.inTransaction(session -> List.copyOf(ContentRepository.loadComponents(session).values()));
    }

    /** Returns the component with {@code uid}, such as {@code shared.seo}. */
    public Optional<ComponentView> findComponent(String uid) {
        Map<String, ComponentView> components = database.inTransaction(ContentRepository::loadComponents);
        return Optional.ofNullable(components.get(uid));
    }

    /** Returns the content type whose plural name is {@code pluralName}, matched exactly as a route segment is. */
    public Optional<ContentTypeView> findByPluralName(String pluralName) {
        return listTypes().stream().filter(type -> type.pluralName().equals(pluralName)).findFirst();
    }

    /**
     * Returns the content type whose uid, singular name or plural name is {@code nameOrUid},
     * ignoring case. A uid match wins over a name match.
     */
    public Optional<ContentTypeView> findType(String nameOrUid) {
        String key = nameOrUid.toLowerCase(Locale.ROOT);
        List<ContentTypeView> types = listTypes();
        Optional<ContentTypeView> byUid = types.stream().filter(type -> type.uid().toLowerCase(Locale.ROOT).equals(key)).findFirst();
        if (byUid.isPresent()) {
            return byUid;
        }
        return types.stream()
                .filter(type -> type.singularName().toLowerCase(Locale.ROOT).equals(key)
                        || type.pluralName().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /**
     * Imports Strapi schema files, as {@link SchemaImporter#importSchemas} describes.
     *
     * @throws ValidationException naming every problem file; nothing is stored then
     */
    public ImportReport importSchemas(Path fileOrFolder) {
        return importer.importSchemas(fileOrFolder);
    }
}
