package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the JSON of a Strapi content type or component into its view, collecting every problem
 * as a message that starts with the file name instead of stopping at the first one.
 */
final class SchemaParser {

    /** Keys that Strapi adds to every entry, so no content type may declare them as attributes. */
    private static final Set<String> RESERVED_TYPE_ATTRIBUTES = Set.of("id", "documentId", "createdAt", "updatedAt",
            "publishedAt", "createdBy", "updatedBy", "locale", "localizations");
    /** Keys that component values carry besides their attributes. */
    private static final Set<String> RESERVED_COMPONENT_ATTRIBUTES = Set.of("id", "__component");

    private SchemaParser() {
    }

    static Optional<ContentTypeView> parseType(String file, String uid, JsonNode root, List<String> problems) {
        int before = problems.size();
        if (!root.isObject()) {
            problems.add(file + ": a content type schema must be a JSON object");
            return Optional.empty();
        }

        String kindName = root.path("kind").asText("");
        Optional<ContentKind> kind = ContentKind.fromSchemaName(kindName);
        if (kind.isEmpty()) {
            problems.add(file + ": kind must be collectionType or singleType, not '" + kindName + "'");
        }
        JsonNode info = root.path("info");
        String singularName = requiredName(file, info, "singularName", problems);
        String pluralName = requiredName(file, info, "pluralName", problems);
        String displayName = info.path("displayName").isTextual() ? info.get("displayName").asText() : singularName;
        JsonNode draftAndPublish = root.path("options").path("draftAndPublish");
        if (!draftAndPublish.isMissingNode() && !draftAndPublish.isBoolean()) {
            problems.add(file + ": options.draftAndPublish must be true or false");
        }
        List<Attribute> attributes = parseAttributes(file, root.path("attributes"), RESERVED_TYPE_ATTRIBUTES, problems);

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ContentTypeView(uid, kind.orElseThrow(), singularName, pluralName, displayName,
                draftAndPublish.asBoolean(false), attributes));
    }

    static Optional<ComponentView> parseComponent(String file, String uid, String category, JsonNode root, List<String> problems) {
        int before = problems.size();
        if (!root.isObject()) {
            problems.add(file + ": a component must be a JSON object");
            return Optional.empty();
        }

        JsonNode displayName = root.path("info").path("displayName");
        List<Attribute> attributes = parseAttributes(file, root.path("attributes"), RESERVED_COMPONENT_ATTRIBUTES, problems);

        if (problems.size() > before) {
            return Optional.empty();
        }
        String shownName = displayName.isTextual() ? displayName.asText() : uid;
        return Optional.of(new ComponentView(uid, category, shownName, attributes));
    }

    private static String requiredName(String file, JsonNode info, String field, List<String> problems) {
        JsonNode value = info.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(file + ": info." + field + " is missing");
            return "";
        }
        return value.asText();
    }

    private static List<Attribute> parseAttributes(String file, JsonNode attributes, Set<String> reserved, List<String> problems) {
        if (!attributes.isObject()) {
            problems.add(file + ": attributes must be a JSON object");
            return List.of();
        }
        List<Attribute> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            if (reserved.contains(field.getKey())) {
                problems.add(file + ": attribute '" + field.getKey() + "' uses a reserved name");
                continue;
            }
            new AttributeParser(file, field.getKey(), field.getValue(), problems).parse().ifPresent(parsed::add);
        }
        return parsed;
    }

    /** Parses one attribute; each problem names the file, the attribute and its type. */
    private static final class AttributeParser {

        private final String file;
        private final String name;
        private final JsonNode definition;
        private final List<String> problems;
        private String prefix;

        AttributeParser(String file, String name, JsonNode definition, List<String> problems) {
            this.file = file;
            this.name = name;
            this.definition = definition;
            this.problems = problems;
            this.prefix = file + ": attribute '" + name + "'";
        }

        Optional<Attribute> parse() {
            if (!definition.isObject()) {
                problems.add(prefix + " must be a JSON object");
                return Optional.empty();
            }
            JsonNode typeNode = definition.path("type");
            if (!typeNode.isTextual()) {
                problems.add(prefix + " has no type");
                return Optional.empty();
            }
            Optional<AttributeType> type = AttributeType.fromSchemaName(typeNode.asText());
            if (type.isEmpty()) {
                problems.add(prefix + " has unsupported type '" + typeNode.asText() + "'");
                return Optional.empty();
            }
            prefix = prefix + " of type '" + typeNode.asText() + "'";
            return build(type.get());
        }

        private Optional<Attribute> build(AttributeType type) {
            int before = problems.size();
            boolean unique = flag("unique");
            if (unique && !type.supportsUnique()) {
                problems.add(prefix + " cannot be unique");
            }
            Attribute attribute = new Attribute(name, type, flag("required"), unique, flag("private"),
                    length("minLength"), length("maxLength"), number("min"), number("max"),
                    type == AttributeType.ENUMERATION ? textList("enum", true) : List.of(),
                    regex(), relation(type), type == AttributeType.RELATION ? text("target", true) : null,
                    type == AttributeType.RELATION ? text("mappedBy", false) : null,
                    type == AttributeType.COMPONENT ? text("component", true) : null, flag("repeatable"),
                    type == AttributeType.DYNAMICZONE ? textList("components", true) : List.of(),
                    flag("multiple"), definition.get("default"));
            if (type == AttributeType.CUSTOM_FIELD) {
                text("customField", true);
            }
            return problems.size() > before ? Optional.empty() : Optional.of(attribute);
        }

        private boolean flag(String option) {
            JsonNode value = definition.path(option);
            if (!value.isMissingNode() && !value.isBoolean()) {
                problems.add(prefix + ": " + option + " must be true or false");
                return false;
            }
            return value.asBoolean(false);
        }

        private Integer length(String option) {
            JsonNode value = definition.path(option);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                problems.add(prefix + ": " + option + " must be a whole number of 0 or more");
                return null;
            }
            return value.intValue();
        }

        private BigDecimal number(String option) {
            JsonNode value = definition.path(option);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            try {
                // A limit of a big integer may be a string, because JavaScript numbers lose digits beyond 2^53.
                return value.isNumber() ? value.decimalValue() : new BigDecimal(value.textValue());
            } catch (NumberFormatException | NullPointerException e) {
                problems.add(prefix + ": " + option + " must be a number");
                return null;
            }
        }

        private String text(String option, boolean required) {
            JsonNode value = definition.path(option);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
            if (required || !value.isMissingNode()) {
                problems.add(prefix + ": " + option + " must be a non-empty string");
            }
            return null;
        }

        private List<String> textList(String option, boolean required) {
            JsonNode value = definition.path(option);
            List<String> values = new ArrayList<>();
            value.forEach(element -> values.add(element.isTextual() ? element.asText() : null));
            if (!value.isArray() || values.contains(null) || (required && values.isEmpty())) {
                problems.add(prefix + ": " + option + " must be a non-empty list of strings");
                return List.of();
            }
            return values;
        }

        private String regex() {
            String regex = text("regex", false);
            if (regex == null) {
                return null;
            }
            try {
                Pattern.compile(regex);
                return regex;
            } catch (PatternSyntaxException e) {
                problems.add(prefix + ": regex '" + regex + "' is not a valid regular expression");
                return null;
            }
        }

        private RelationKind relation(AttributeType type) {
            if (type != AttributeType.RELATION) {
                return null;
            }
            String relation = text("relation", true);
            if (relation == null) {
                return null;
            }
            Optional<RelationKind> kind = RelationKind.fromSchemaName(relation);
            if (kind.isEmpty()) {
                problems.add(prefix + " has unsupported relation '" + relation + "'");
                return null;
            }
            return kind.get();
        }
    }
}
