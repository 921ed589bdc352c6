package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.content.SchemaFiles.SchemaFile;
import dev.tokendesk.db.Database;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Imports Strapi {@code schema.json} content types and component files, from one file or from a
 * project's {@code src} folder ({@code api/<name>/content-types/<name>/schema.json},
 * {@code components/<category>/<name>.json},
 * {@code extensions/<plugin>/content-types/<name>/schema.json}).
 *
 * <p>An import is all or nothing: every file is read and checked first, and only when none has
 * a problem are the types and components written, in one transaction. Importing the same files
 * again updates the stored schemas and changes nothing else, so it can be repeated.
 *
 * <p>Thread-safe and stateless.
 */
public final class SchemaImporter {

    private final Database database;
    private final ChangeEvents events;
    private final Clock clock;

    public SchemaImporter(Database database, ChangeEvents events, Clock clock) {
        this.database = database;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports the schema file or folder at {@code fileOrFolder} and publishes a
     * {@link ChangeEvent.Kind#CONTENT_TYPE} event when anything changed.
     *
     * @throws ValidationException when the path does not exist, contains no schema files, or any
     *     file is invalid JSON, uses an unsupported attribute type or option, reuses a name or
     *     refers to a missing component; each error's path is the file and its message names the
     *     file, the attribute and its type. Nothing is stored in that case.
     */
    public ImportReport importSchemas(Path fileOrFolder) {
        List<FieldError> errors = new ArrayList<>();
        List<ContentTypeView> types = new ArrayList<>();
        List<ComponentView> components = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> schemaTexts = new HashMap<>();

        for (SchemaFile file : schemaFiles(fileOrFolder)) {
            List<String> problems = new ArrayList<>();
            parse(file, problems).ifPresent(parsed -> {
                if (labels.putIfAbsent(file.uid(), file.label()) != null) {
                    problems.add(file.label() + ": uid " + file.uid() + " is already defined by " + labels.get(file.uid()));
                    return;
                }
                schemaTexts.put(file.uid(), ContentJson.write(parsed.root()));
                parsed.type().ifPresent(types::add);
                parsed.component().ifPresent(components::add);
            });
            problems.forEach(problem -> errors.add(new FieldError(file.label(), problem)));
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ImportReport report = database.inTransaction(session -> {
            checkReferences(session, types, components, labels, errors);
            if (!errors.isEmpty()) {
                throw failure(fileOrFolder, errors);
            }
            return store(session, types, components, schemaTexts, now);
        });

        if (report.typesCreated().size() + report.typesUpdated().size() + report.componentsCreated().size()
                + report.componentsUpdated().size() > 0) {
            events.publish(ChangeEvent.Kind.CONTENT_TYPE, null);
        }
        return report;
    }

    private record Parsed(JsonNode root, Optional<ContentTypeView> type, Optional<ComponentView> component) {
    }

    private static List<SchemaFile> schemaFiles(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            List<SchemaFile> files = SchemaFiles.inFolder(fileOrFolder);
            if (files.isEmpty()) {
                throw ValidationException.of(fileOrFolder.toString(), "No Strapi schema files found in " + fileOrFolder
                        + "; expected api/<name>/content-types/<name>/schema.json or components/<category>/<name>.json");
            }
            return files;
        }
        if (!Files.isRegularFile(fileOrFolder)) {
            throw ValidationException.of(fileOrFolder.toString(), "Schema file or folder not found: " + fileOrFolder);
        }
        try {
            return List.of(SchemaFiles.single(fileOrFolder, ContentJson.read(fileOrFolder)));
        } catch (IOException e) {
            throw ValidationException.of(fileOrFolder.toString(), fileOrFolder + ": invalid JSON: " + e.getMessage());
        }
    }

    private static Optional<Parsed> parse(SchemaFile file, List<String> problems) {
        JsonNode root;
        try {
            root = ContentJson.read(file.path());
        } catch (IOException e) {
            problems.add(file.label() + ": invalid JSON: " + e.getMessage());
            return Optional.empty();
        }
        if (file.component()) {
            return SchemaParser.parseComponent(file.label(), file.uid(), file.category(), root, problems)
                    .map(component -> new Parsed(root, Optional.empty(), Optional.of(component)));
        }
        return SchemaParser.parseType(file.label(), file.uid(), root, problems)
                .map(type -> new Parsed(root, Optional.of(type), Optional.empty()));
    }

    /** Checks what needs the imported set and the stored schemas together: names and component references. */
    private static void checkReferences(Session session, List<ContentTypeView> types, List<ComponentView> components,
                                        Map<String, String> labels, List<FieldError> errors) {
        Map<String, String> nameOwners = new HashMap<>();
        Set<String> importedUids = new HashSet<>();
        types.forEach(type -> importedUids.add(type.uid()));
        for (ContentTypeView stored : ContentRepository.loadTypes(session)) {
            if (!importedUids.contains(stored.uid())) {
                nameOwners.put(stored.singularName(), stored.uid());
                nameOwners.put(stored.pluralName(), stored.uid());
            }
        }
        for (ContentTypeView type : types) {
            String label = labels.get(type.uid());
            for (String name : new LinkedHashSet<>(List.of(type.singularName(), type.pluralName()))) {
                String owner = nameOwners.putIfAbsent(name, type.uid());
                if (owner != null && !owner.equals(type.uid())) {
                    errors.add(new FieldError(label, label + ": name '" + name + "' is already used by " + owner));
                }
            }
        }

        Set<String> knownComponents = new HashSet<>(ContentRepository.loadComponents(session).keySet());
        components.forEach(component -> knownComponents.add(component.uid()));
        types.forEach(type -> checkComponents(labels.get(type.uid()), type.attributes(), knownComponents, errors));
        components.forEach(component -> checkComponents(labels.get(component.uid()), component.attributes(), knownComponents, errors));
    }

    private static void checkComponents(String label, List<Attribute> attributes, Set<String> known, List<FieldError> errors) {
        for (Attribute attribute : attributes) {
            List<String> used = attribute.component() != null ? List.of(attribute.component()) : attribute.components();
            for (String uid : used) {
                if (!known.contains(uid)) {
                    errors.add(new FieldError(label, label + ": attribute '" + attribute.name() + "' of type '"
                            + attribute.type().schemaName() + "' uses component '" + uid + "', which is not defined"));
                }
            }
        }
    }

    private static ImportReport store(Session session, List<ContentTypeView> types, List<ComponentView> components,
                                      Map<String, String> schemaTexts, Instant now) {
        List<String> typesCreated = new ArrayList<>();
        List<String> typesUpdated = new ArrayList<>();
        List<String> typesUnchanged = new ArrayList<>();
        List<String> componentsCreated = new ArrayList<>();
        List<String> componentsUpdated = new ArrayList<>();
        List<String> componentsUnchanged = new ArrayList<>();

        for (ComponentView component : components) {
            String text = schemaTexts.get(component.uid());
            ComponentRecord record = session.find(ComponentRecord.class, component.uid());
            if (record == null) {
                session.persist(new ComponentRecord(component, text, now));
                componentsCreated.add(component.uid());
            } else if (record.getSchemaJson().equals(text)) {
                componentsUnchanged.add(component.uid());
            } else {
                record.update(component, text, now);
                componentsUpdated.add(component.uid());
            }
        }
        // NOTE: a type whose names move to another type in the same import can still hit the unique
        // name constraints here, because rows are updated one at a time.
        for (ContentTypeView type : types) {
            String text = schemaTexts.get(type.uid());
            ContentTypeRecord record = session.find(ContentTypeRecord.class, type.uid());
            if (record == null) {
                session.persist(new ContentTypeRecord(type, text, now));
                typesCreated.add(type.uid());
            } else if (record.getSchemaJson().equals(text)) {
                typesUnchanged.add(type.uid());
            } else {
                record.update(type, text, now);
                typesUpdated.add(type.uid());
            }
        }
        return new ImportReport(typesCreated, typesUpdated, typesUnchanged, componentsCreated, componentsUpdated, componentsUnchanged);
    }

    private static ValidationException failure(Path source, List<FieldError> errors) {
        StringBuilder message = new StringBuilder("Cannot import schemas from " + source + ":");
        errors.forEach(error -> message.append(System.lineSeparator()).append("  ").append(error.message()));
        return new ValidationException(message.toString(), errors);
    }
}
