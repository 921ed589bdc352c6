package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.content.query.EntryList;
import dev.tokendesk.content.query.EntryQuery;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.Status;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.user.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Content types and their entries: the API that the HTTP server and the console use.
 *
 * <p>Entries come back Strapi v5 shaped: {@code id}, {@code documentId}, the attributes in
 * schema order (null when unset), then {@code createdAt}, {@code updatedAt} and
 * {@code publishedAt} as ISO-8601 UTC with milliseconds. Private and password attributes are
 * never returned. Relation attributes contain the documentIds of their targets (the id of a role),
 * unpopulated; the HTTP layer decides what to populate.
 *
 * <p>Values are stored exactly as sent: numbers keep their written form ({@code 180} stays an
 * integer, {@code 0.44} stays {@code 0.44}), text keeps every character including those outside
 * the Basic Multilingual Plane, and nothing is coerced (see {@link #create}). Passwords are the
 * exception: they are stored as Argon2id hashes.
 *
 * <p>Thread-safe. Every method runs in its own transaction. Parsed schemas and the number of
 * entries per type are kept in a {@link ContentCache}, dropped when this process publishes a
 * schema import or an entry change; an import or entry change by another process shows once
 * the change feed notices it, within about a second. Writes publish {@link ChangeEvent.Kind#ENTRY}
 * after they commit.
 */
public final class ContentService {

    private final Database database;
    private final ChangeEvents events;
    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final SchemaImporter importer;
    private final ContentCache cache;

    public ContentService(Database database, ChangeEvents events, Clock clock, PasswordHasher passwordHasher) {
        this.cache = new ContentCache(events);
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.importer = new SchemaImporter(database, events, clock);
    }

    /** Lists every content type, ordered by uid. */
    public List<ContentTypeView> listTypes() {
        return schemas().types();
    }

    /** Lists every component, ordered by uid. */
    public List<ComponentView> listComponents() {
        return List.copyOf(schemas().components().values());
    }

    /** Returns the component with {@code uid}, such as {@code shared.seo}. */
    public Optional<ComponentView> findComponent(String uid) {
        Map<String, ComponentView> components = schemas().components();
        return Optional.ofNullable(components.get(uid));
    }

    /**
     * Returns the content type that the API route segment {@code name} names: a collection type by
     * its plural name, or, when {@code entryPath} is false, a single type by its singular name.
     * Types managed by a plugin, such as the users-permissions user, have their own endpoints and
     * are never returned.
     */
    public Optional<ContentTypeView> findByRouteName(String name, boolean entryPath) {
        ContentCache.Schemas schemas = schemas();
        ContentTypeView collection = schemas.collectionsByRoute().get(name);
        if (collection != null || entryPath) {
            return Optional.ofNullable(collection);
        }
        return Optional.ofNullable(schemas.singlesByRoute().get(name));
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

    /**
     * Returns page {@code page} of the entries of type {@code uid}, in id order; paging runs in SQL.
     *
     * @throws IllegalArgumentException when {@code page} is below 1, {@code pageSize} is outside
     *     1 to 100, or the type's entries are owned by a plugin ({@link ContentTypeView#pluginManaged()})
     * @throws NotFoundException when no content type has {@code uid}
     */
    public EntryPage list(String uid, int page, int pageSize) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, not " + page);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100, not " + pageSize);
        }
        long offset = (long) (page - 1) * pageSize;

        return database.inTransaction(session -> {
            ContentTypeView type = requireType(session, uid);
            long total = session.createSelectionQuery("select count(*) from ContentEntry where typeUid = :type", Long.class)
                    .setParameter("type", uid)
                    .getSingleResult();
            List<ObjectNode> entries = offset >= total ? List.of() : session
                    .createSelectionQuery("from ContentEntry where typeUid = :type order by id", ContentEntry.class)
                    .setParameter("type", uid)
                    .setFirstResult((int) offset)
                    .setMaxResults(pageSize)
                    .getResultStream()
                    .map(entry -> EntryJson.toApi(entry, type))
                    .toList();
            return new EntryPage(entries, page, pageSize, total);
        });
    }

    /**
     * Returns the entry of type {@code uid} with {@code documentId}.
     *
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public Optional<ObjectNode> find(String uid, String documentId) {
        return database.inTransaction(session -> {
            ContentTypeView type = requireType(session, uid);
            return session.createSelectionQuery("from ContentEntry where typeUid = :type and documentId = :document", ContentEntry.class)
                    .setParameter("type", uid)
                    .setParameter("document", documentId)
                    .getResultStream()
                    .findFirst()
                    .map(entry -> EntryJson.toApi(entry, type));
        });
    }

    /**
     * Returns the entries of type {@code uid} that {@code query} selects: filtered, sorted and
     * paged in SQL, so only the requested page is loaded, with the selected fields and populated
     * relations.
     *
     * @throws IllegalArgumentException when the type's entries are owned by a plugin, or the query
     *     names an attribute that the type does not have
     * @throws NotFoundException when no content type has {@code uid}
     */
    public EntryList query(String uid, EntryQuery query) {
        return database.inTransaction(session -> new EntryReader(session, query.status(), cache).list(requireType(session, uid), query));
    }

    /**
     * Returns the entry of type {@code uid} with {@code documentId} in {@code status}, with the
     * selected fields and populated relations; a collection type's entry, or a single type's when
     * {@code documentId} is null.
     *
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public Optional<ObjectNode> findOne(String uid, String documentId, Selection selection, Status status) {
        return database.inTransaction(session -> {
            EntryReader reader = new EntryReader(session, status);
            ContentTypeView type = requireType(session, uid);
            return documentId == null ? reader.single(type, selection) : reader.one(type, documentId, selection);
        });
    }

    /**
     * Validates {@code data} against the schema of type {@code uid} and stores it as a new,
     * published entry.
     *
     * <p>Every failing attribute is reported, each with the path {@code data.<attribute>}
     * (deeper for components, such as {@code data.seo.metaTitle} or {@code data.blocks[0].title}).
     * The rules: no unknown attributes; required attributes present and not null; the JSON type
     * that the attribute type needs, never coerced, so {@code "12"} for an integer is rejected,
     * and so is {@code 12.0}; integers within 32 bits; big integers within 64 bits, as an integral
     * number or a string of digits; text length in code points between minLength and maxLength;
     * numbers between min and max; enumeration values; email addresses; regex (a match anywhere
     * in the text); dates {@code YYYY-MM-DD}, datetimes ISO-8601 with an offset, times
     * {@code HH:mm[:ss[.SSS]]}; unique values, also enforced by the database so two concurrent
     * creates cannot both win; relation targets, by id or documentId, that exist (users for the
     * users-permissions user type); components, dynamic zones, media and blocks as objects or
     * arrays of the right shape. A missing attribute with a schema default gets the default.
     *
     * @throws ValidationException listing every failing field; path {@code data} when
     *     {@code data} is not an object. Nothing is stored then.
     * @throws ConflictException when the type is a single type that already has its entry
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public ObjectNode create(String uid, JsonNode data) {
        return create(uid, data, true);
    }

    /**
     * Validates and stores {@code data} as {@link #create(String, JsonNode)} does, as a draft
     * when {@code published} is false and the type has draft and publish; entries of other types
     * are always published.
     *
     * @throws ValidationException listing every failing field
     * @throws ConflictException when the type is a single type that already has its entry
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public ObjectNode create(String uid, JsonNode data, boolean published) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode created = database.inTransaction(session -> {
            ContentTypeView type = requireType(session, uid);
            // NOTE: two concurrent first creates of a single type can both pass this check; no constraint backs it.
            if (type.kind() == ContentKind.SINGLE_TYPE && countEntries(session, uid) > 0) {
                throw new ConflictException("uid", uid, "Single type " + uid + " already has its entry");
            }
            List<FieldError> errors = new ArrayList<>();
            boolean publish = published || !type.draftAndPublish();
            Optional<ObjectNode> entry = writer(session, type, now).write(data, "data", false, publish, errors);
            return entry.orElseThrow(() -> invalid(uid, errors));
        });
        events.publish(ChangeEvent.Kind.ENTRY, created.get("documentId").asText());
        return created;
    }

    /**
     * Applies {@code patch}, an object with the attributes to change, to the entry of type
     * {@code uid} with {@code documentId}. The merged attributes are validated as by
     * {@link #create}; unknown keys in the patch are errors. A draft-and-publish entry is
     * published, or becomes a draft when {@code published} is false.
     *
     * <p>NOTE: an entry has one version. Saving a published entry as a draft unpublishes it,
     * whereas Strapi keeps the published version and edits a separate draft.
     *
     * @return the updated entry, or empty when the type has no entry with {@code documentId}
     * @throws ValidationException listing every failing field; nothing is changed then
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public Optional<ObjectNode> update(String uid, String documentId, JsonNode patch, boolean published) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ObjectNode> updated = database.inTransaction(session -> {
            ContentTypeView type = requireType(session, uid);
            Optional<ContentEntry> entry = stored(session, uid, documentId);
            if (entry.isEmpty()) {
                return Optional.<ObjectNode>empty();
            }
            return Optional.of(update(session, type, entry.get(), patch, published, now));
        });
        updated.ifPresent(entry -> events.publish(ChangeEvent.Kind.ENTRY, documentId));
        return updated;
    }

    /**
     * Stores the entry of single type {@code uid}: creates it from {@code data} when the type has
     * none, otherwise applies {@code data} as a patch as {@link #update} does.
     *
     * @throws ValidationException listing every failing field; nothing is changed then
     * @throws IllegalArgumentException when the type is not a single type or its entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public ObjectNode putSingle(String uid, JsonNode data, boolean published) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode stored = database.inTransaction(session -> {
            ContentTypeView type = requireSingleType(session, uid);
            Optional<ContentEntry> entry = session.createSelectionQuery("from ContentEntry where typeUid = :type", ContentEntry.class)
                    .setParameter("type", uid)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst();
            if (entry.isPresent()) {
                return update(session, type, entry.get(), data, published, now);
            }
            List<FieldError> errors = new ArrayList<>();
            Optional<ObjectNode> created = writer(session, type, now).write(data, "data", false, published || !type.draftAndPublish(), errors);
            return created.orElseThrow(() -> invalid(uid, errors));
        });
        events.publish(ChangeEvent.Kind.ENTRY, stored.get("documentId").asText());
        return stored;
    }

    /**
     * Deletes the entry of type {@code uid} with {@code documentId}, or the entry of a single type
     * when {@code documentId} is null, with its unique values and index rows.
     *
     * @return whether an entry was deleted
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has {@code uid}
     */
    public boolean delete(String uid, String documentId) {
        boolean deleted = database.inTransaction(session -> {
            requireType(session, uid);
            String statement = documentId == null ? "delete from ContentEntry where typeUid = :type"
                    : "delete from ContentEntry where typeUid = :type and documentId = :document";
            var delete = session.createMutationQuery(statement).setParameter("type", uid);
            if (documentId != null) {
                delete.setParameter("document", documentId);
            }
            return delete.executeUpdate() > 0;
        });
        if (deleted) {
            events.publish(ChangeEvent.Kind.ENTRY, documentId);
        }
        return deleted;
    }

    /**
     * Imports the entries in {@code jsonArrayFile}, a JSON array of objects, into the type named
     * {@code typeNameOrUid} (uid, singular or plural name, ignoring case). Each object is
     * validated as by {@link #create}; keys that are not attributes are errors unless
     * {@code skipUnknownKeys}, which drops them. All entries are stored in one transaction, so
     * either all are stored or none.
     *
     * @return the number of entries stored
     * @throws ValidationException naming the file when it cannot be read or is not a JSON array,
     *     or listing every problem of every entry with paths {@code entries[<index>].<attribute>}
     * @throws IllegalArgumentException when the type's entries are owned by a plugin
     * @throws NotFoundException when no content type has that name or uid
     */
    public int importEntries(String typeNameOrUid, Path jsonArrayFile, boolean skipUnknownKeys) {
        return importEntries(typeNameOrUid, jsonArrayFile, skipUnknownKeys, ImportProgress.NONE);
    }

    /** Imports entries like {@link #importEntries(String, Path, boolean)} and reports each entry to {@code progress}. */
    public int importEntries(String typeNameOrUid, Path jsonArrayFile, boolean skipUnknownKeys, ImportProgress progress) {
        ContentTypeView type = findType(typeNameOrUid).orElseThrow(() -> new NotFoundException("Content type", typeNameOrUid));
        JsonNode entries = EntryImporter.readArray(jsonArrayFile);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        int stored = database.inTransaction(session -> {
            ContentTypeView current = requireType(session, type.uid());
            return EntryImporter.writeAll(writer(session, current, now), entries, jsonArrayFile, skipUnknownKeys, progress);
        });
        if (stored > 0) {
            events.publish(ChangeEvent.Kind.ENTRY, null);
        }
        return stored;
    }

    private ObjectNode update(Session session, ContentTypeView type, ContentEntry entry, JsonNode patch, boolean published, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        boolean publish = published || !type.draftAndPublish();
        return writer(session, type, now).update(entry, patch, publish, errors).orElseThrow(() -> invalid(type.uid(), errors));
    }

    private static ValidationException invalid(String uid, List<FieldError> errors) {
        return new ValidationException(errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " attributes of the " + uid + " entry are invalid", errors);
    }

    private static Optional<ContentEntry> stored(Session session, String uid, String documentId) {
        return session.createSelectionQuery("from ContentEntry where typeUid = :type and documentId = :document", ContentEntry.class)
                .setParameter("type", uid)
                .setParameter("document", documentId)
                .getResultStream()
                .findFirst();
    }

    private ContentTypeView requireSingleType(Session session, String uid) {
        ContentTypeView type = requireType(session, uid);
        if (type.kind() != ContentKind.SINGLE_TYPE) {
            throw new IllegalArgumentException(uid + " is a collection type, not a single type");
        }
        return type;
    }

    private EntryWriter writer(Session session, ContentTypeView type, Instant now) {
        EntryValidator validator = new EntryValidator(schemas(session).components(), passwordHasher);
        return new EntryWriter(session, type, validator, now);
    }

    private ContentCache.Schemas schemas() {
        return cache.schemas(() -> database.inTransaction(ContentService::loadSchemas));
    }

    private ContentCache.Schemas schemas(Session session) {
        return cache.schemas(() -> loadSchemas(session));
    }

    private static ContentCache.Schemas loadSchemas(Session session) {
        return ContentCache.Schemas.of(ContentRepository.loadTypes(session), ContentRepository.loadComponents(session));
    }

    private ContentTypeView requireType(Session session, String uid) {
        ContentTypeView type = schemas(session).type(uid).orElseThrow(() -> new NotFoundException("Content type", uid));
        if (type.pluginManaged()) {
            throw new IllegalArgumentException("Entries of " + uid + " belong to its plugin and are not stored as content");
        }
        return type;
    }

    private static long countEntries(Session session, String uid) {
        return session.createSelectionQuery("select count(*) from ContentEntry where typeUid = :type", Long.class)
                .setParameter("type", uid)
                .getSingleResult();
    }
}
