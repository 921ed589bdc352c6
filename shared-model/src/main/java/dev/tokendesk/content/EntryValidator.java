package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.user.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an entry's data against its content type without touching the database, and builds
 * the JSON object to store: attributes in schema order, defaults filled in, passwords hashed.
 *
 * <p>What needs the database, relation targets and unique values, is returned for
 * {@link EntryWriter} to check. Immutable and thread-safe.
 */
final class EntryValidator {

    /** Keys that a component value may contain besides its attributes: the component's row id in Strapi. */
    private static final Set<String> COMPONENT_KEYS = Set.of("id");
    /** Keys that a dynamic zone element may contain besides its attributes: the row id and the component uid. */
    private static final Set<String> DYNAMIC_ZONE_KEYS = Set.of("id", "__component");

    /**
     * Maximum number of relation targets one entry may name, across all its relation attributes
     * and components. Each target costs a database look-up, so a body of a million ids would
     * otherwise hold a connection for minutes.
     */
    static final int MAX_RELATION_TARGETS = 1000;

    private final Map<String, ComponentView> components;
    private final PasswordHasher passwordHasher;

    EntryValidator(Map<String, ComponentView> components, PasswordHasher passwordHasher) {
        this.components = Map.copyOf(components);
        this.passwordHasher = passwordHasher;
    }

    /** Returns the component schemas by uid. */
    Map<String, ComponentView> components() {
        return components;
    }

    /** A unique attribute's value that no other entry of the type may hold. */
    record UniqueValue(String path, Attribute attribute, String key) {
    }

    /** One reference to a relation target, replaced by the target's documentId once it is found. */
    record RelationReference(String path, Attribute attribute, JsonNode reference, ObjectNode parent, int index) {

        void resolveTo(JsonNode resolved) {
            if (index < 0) {
                parent.set(attribute.name(), resolved);
            } else {
                ((ArrayNode) parent.get(attribute.name())).set(index, resolved);
            }
        }
    }

    /** The outcome of {@link #check}: the values to store unless {@code errors} is non-empty. */
    record CheckedEntry(ObjectNode values, List<FieldError> errors, List<UniqueValue> uniques, List<RelationReference> relations) {
    }

    /**
     * Checks {@code data} against {@code type}; error paths start with {@code path}, such as
     * {@code data}. Keys that are not attributes are errors unless {@code skipUnknownKeys}.
     */
    CheckedEntry check(ContentTypeView type, JsonNode data, String path, boolean skipUnknownKeys) {
        return check(type, data, path, skipUnknownKeys, Set.of());
    }

    /**
     * Checks {@code data} like {@link #check(ContentTypeView, JsonNode, String, boolean)}, but
     * copies the top-level attributes named in {@code keptAsStored} unchecked: an update uses it
     * for stored password hashes, which must not be hashed again.
     */
    CheckedEntry check(ContentTypeView type, JsonNode data, String path, boolean skipUnknownKeys, Set<String> keptAsStored) {
        List<FieldError> errors = new ArrayList<>();
        List<UniqueValue> uniques = new ArrayList<>();
        List<RelationReference> relations = new ArrayList<>();
        if (!data.isObject()) {
            errors.add(new FieldError(path, path + " must be a JSON object, not " + ScalarRules.describe(data)));
            return new CheckedEntry(ContentJson.newObject(), errors, uniques, relations);
        }

        JsonLimits.check(data, path, errors);
        if (!errors.isEmpty()) {
            return new CheckedEntry(ContentJson.newObject(), errors, uniques, relations);
        }

        Walk walk = new Walk(errors, relations, skipUnknownKeys);
        List<Attribute> checkedAttributes = type.attributes().stream().filter(attribute -> !keptAsStored.contains(attribute.name())).toList();
        ObjectNode values = walk.object(checkedAttributes, keptAsStored, (ObjectNode) data, path, type.uid());

        for (Attribute attribute : type.attributes()) {
            JsonNode value = values.get(attribute.name());
            if (attribute.unique() && value != null && !value.isNull()) {
                uniques.add(new UniqueValue(path + "." + attribute.name(), attribute, ScalarRules.uniqueKey(attribute, value)));
            }
        }
        return new CheckedEntry(values, errors, uniques, relations);
    }

    /** One pass over an entry, collecting errors and relation references as it descends into components. */
    private final class Walk {

        private final List<FieldError> errors;
        private final List<RelationReference> relations;
        private final boolean skipUnknownKeys;

        Walk(List<FieldError> errors, List<RelationReference> relations, boolean skipUnknownKeys) {
            this.errors = errors;
            this.relations = relations;
            this.skipUnknownKeys = skipUnknownKeys;
        }

        ObjectNode object(List<Attribute> attributes, Set<String> extraKeys, ObjectNode data, String path, String owner) {
            ObjectNode values = ContentJson.newObject();
            for (String key : (Iterable<String>) () -> data.fieldNames()) {
                boolean known = extraKeys.contains(key) || attributes.stream().anyMatch(attribute -> attribute.name().equals(key));
                if (!known && !skipUnknownKeys) {
                    errors.add(new FieldError(path + "." + key, key + " is not an attribute of " + owner));
                }
            }
            extraKeys.stream().filter(data::has).forEach(key -> values.set(key, data.get(key)));

            for (Attribute attribute : attributes) {
                String attributePath = path + "." + attribute.name();
                JsonNode value = data.has(attribute.name()) ? data.get(attribute.name()) : attribute.defaultValue();
                if (value == null || value.isNull()) {
                    if (attribute.required()) {
                        errors.add(new FieldError(attributePath, attribute.name() + " is required"));
                    } else if (value != null) {
                        values.set(attribute.name(), value);
                    }
                    continue;
                }
                value(attribute, value, attributePath, values).ifPresent(stored -> values.set(attribute.name(), stored));
            }
            return values;
        }

        private Optional<JsonNode> value(Attribute attribute, JsonNode value, String path, ObjectNode parent) {
            return switch (attribute.type()) {
                case JSON -> Optional.of(value);
                case MEDIA -> media(attribute, value, path);
                case BLOCKS -> blocks(attribute, value, path);
                case COMPONENT -> component(attribute, value, path);
                case DYNAMICZONE -> dynamicZone(attribute, value, path);
                case RELATION -> relation(attribute, value, path, parent);
                case PASSWORD -> scalar(attribute, value, path).map(clear -> TextNode.valueOf(passwordHasher.hash(clear.asText())));
                default -> scalar(attribute, value, path);
            };
        }

        private Optional<JsonNode> scalar(Attribute attribute, JsonNode value, String path) {
            Optional<String> problem = ScalarRules.check(attribute, value);
            problem.ifPresent(message -> errors.add(new FieldError(path, message)));
            return problem.isPresent() ? Optional.empty() : Optional.of(value);
        }

        private Optional<JsonNode> media(Attribute attribute, JsonNode value, String path) {
            boolean valid = attribute.multiple()
                    ? value.isArray() && allMatch(value, this::isMediaFile)
                    : isMediaFile(value);
            if (!valid) {
                String expected = attribute.multiple() ? "an array of media file ids or objects" : "a media file id or object";
                return fail(path, ScalarRules.wrongType(attribute, value, expected));
            }
            return Optional.of(value);
        }

        private boolean isMediaFile(JsonNode value) {
            return value.isIntegralNumber() || value.isObject();
        }

        private Optional<JsonNode> blocks(Attribute attribute, JsonNode value, String path) {
            if (!value.isArray()) {
                return fail(path, ScalarRules.wrongType(attribute, value, "an array of blocks"));
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode block = value.get(i);
                if (!block.isObject() || !block.path("type").isTextual()) {
                    errors.add(new FieldError(path + "[" + i + "]", attribute.name() + " must contain only blocks: objects with a string type"));
                }
            }
            return Optional.of(value);
        }

        private Optional<JsonNode> component(Attribute attribute, JsonNode value, String path) {
            ComponentView component = components.get(attribute.component());
            if (!attribute.repeatable()) {
                if (!value.isObject()) {
                    return fail(path, ScalarRules.wrongType(attribute, value, "an object"));
                }
                return Optional.of(object(component.attributes(), COMPONENT_KEYS, (ObjectNode) value, path, component.uid()));
            }
            if (!value.isArray() || !allMatch(value, JsonNode::isObject)) {
                return fail(path, ScalarRules.wrongType(attribute, value, "an array of objects"));
            }
            checkCount(attribute, value, path);
            ArrayNode values = ContentJson.MAPPER.createArrayNode();
            for (int i = 0; i < value.size(); i++) {
                values.add(object(component.attributes(), COMPONENT_KEYS, (ObjectNode) value.get(i), path + "[" + i + "]", component.uid()));
            }
            return Optional.of(values);
        }

        private Optional<JsonNode> dynamicZone(Attribute attribute, JsonNode value, String path) {
            if (!value.isArray() || !allMatch(value, JsonNode::isObject)) {
                return fail(path, ScalarRules.wrongType(attribute, value, "an array of objects"));
            }
            checkCount(attribute, value, path);
            ArrayNode values = ContentJson.MAPPER.createArrayNode();
            for (int i = 0; i < value.size(); i++) {
                String elementPath = path + "[" + i + "]";
                String uid = value.get(i).path("__component").asText("");
                if (!attribute.components().contains(uid)) {
                    errors.add(new FieldError(elementPath + ".__component", attribute.name() + " allows only the components "
                            + String.join(", ", attribute.components()) + ", not '" + uid + "'"));
                    continue;
                }
                values.add(object(components.get(uid).attributes(), DYNAMIC_ZONE_KEYS, (ObjectNode) value.get(i), elementPath, uid));
            }
            return Optional.of(values);
        }

        private void checkCount(Attribute attribute, JsonNode list, String path) {
            if (attribute.min() != null && list.size() < attribute.min().intValue()) {
                errors.add(new FieldError(path, attribute.name() + " must contain at least " + attribute.min().toPlainString() + " items"));
            }
            if (attribute.max() != null && list.size() > attribute.max().intValue()) {
                errors.add(new FieldError(path, attribute.name() + " must contain at most " + attribute.max().toPlainString() + " items"));
            }
        }

        private Optional<JsonNode> relation(Attribute attribute, JsonNode value, String path, ObjectNode parent) {
            if (attribute.isInverse()) {
                // The links live on the owning side only, so writing them here would be silently lost.
                return fail(path, Optional.of(attribute.name() + " is the inverse side of the relation " + attribute.mappedBy()
                        + " of " + attribute.target() + ", so it cannot be written: set " + attribute.mappedBy()
                        + " on those entries instead"));
            }
            JsonNode targets = value;
            if (value.isObject() && (value.has("set") || value.has("connect"))) {
                targets = value.has("set") ? value.get("set") : value.get("connect");
                if (!attribute.relation().toMany() && targets.isArray() && targets.size() == 1) {
                    targets = targets.get(0);
                }
            }

            if (!attribute.relation().toMany()) {
                if (!isReference(targets)) {
                    return fail(path, ScalarRules.wrongType(attribute, value, "an id or documentId of one entry"));
                }
                relations.add(new RelationReference(path, attribute, targets, parent, -1));
                return Optional.of(targets);
            }
            if (!targets.isArray() || !allMatch(targets, this::isReference)) {
                return fail(path, ScalarRules.wrongType(attribute, value, "an array of ids or documentIds"));
            }
            if (relations.size() + targets.size() > MAX_RELATION_TARGETS) {
                return fail(path, Optional.of(attribute.name() + " brings the relation targets of this entry to "
                        + (relations.size() + targets.size()) + ", more than the maximum of " + MAX_RELATION_TARGETS));
            }
            for (int i = 0; i < targets.size(); i++) {
                relations.add(new RelationReference(path + "[" + i + "]", attribute, targets.get(i), parent, i));
            }
            return Optional.of(targets.deepCopy());
        }

        private boolean isReference(JsonNode value) {
            if (value.isObject()) {
                return value.path("id").isIntegralNumber() || value.path("documentId").isTextual();
            }
            return value.isIntegralNumber() || (value.isTextual() && !value.asText().isBlank());
        }

        private boolean allMatch(JsonNode array, java.util.function.Predicate<JsonNode> test) {
            for (JsonNode element : array) {
                if (!test.test(element)) {
                    return false;
                }
            }
            return true;
        }

        private Optional<JsonNode> fail(String path, Optional<String> message) {
            message.ifPresent(text -> errors.add(new FieldError(path, text)));
            return Optional.empty();
        }
    }
}
