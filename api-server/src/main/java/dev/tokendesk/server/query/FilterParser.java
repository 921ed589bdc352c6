package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.AttributeType;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Operator;
import dev.tokendesk.content.query.ValueColumn;
import dev.tokendesk.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@code filters} tree into a {@link Condition}, checking every key against the content
 * type. The rules, as Strapi's REST API defines filters:
 *
 * <ul>
 *   <li>keys are attributes, the system fields {@code id}, {@code documentId}, {@code createdAt},
 *       {@code updatedAt} and {@code publishedAt}, or {@code $and}, {@code $or} (arrays of
 *       filters) and {@code $not} (one filter);</li>
 *   <li>a bare value means {@code $eq}, and a bare array means {@code $in};</li>
 *   <li>a relation attribute takes {@code $null} and {@code $notNull}, filters on its target's
 *       fields, or operators that compare the target's id; the last two need the {@code find}
 *       permission on the target, because they reveal its values;</li>
 *   <li>{@code $in} and {@code $notIn} given one empty value mean the empty list: {@code $in}
 *       then matches nothing and {@code $notIn} everything;</li>
 *   <li>unknown, private and password attributes, unknown operators, an operator whose value is
 *       an object (such as {@code $eq} nested in {@code $eq}) and values of the wrong type are a
 *       400 naming the parameter.</li>
 * </ul>
 *
 * <p>Stateless apart from its context; one instance may parse many trees.
 */
final class FilterParser {

    private static final String USE = "filtered on";

    private final QueryContext context;

    FilterParser(QueryContext context) {
        this.context = context;
    }

    /** Parses the filter object {@code node} on entries of {@code type}; {@code parameter} is its name in the query, such as {@code filters}. */
    Condition parse(ContentTypeView type, JsonNode node, String parameter) {
        return parse(type, node, parameter, "");
    }

    /** Parses a filter object on {@code type}, or inside a component when {@code prefix} is its dotted path, such as {@code information.}. */
    private Condition parse(ContentTypeView type, JsonNode node, String parameter, String prefix) {
        if (!node.isObject()) {
            throw ApiException.badParameter(parameter, "Parameter '" + parameter + "' must contain filters such as "
                    + parameter + "[field][$eq]=value, not a plain value");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String path = parameter + "[" + key + "]";
            conditions.add(switch (key) {
                case "$and" -> new Condition.All(each(type, entry.getValue(), path, prefix));
                case "$or" -> new Condition.Any(each(type, entry.getValue(), path, prefix));
                case "$not" -> new Condition.Not(parse(type, entry.getValue(), path, prefix));
                default -> {
                    if (key.startsWith("$")) {
                        throw unknownOperator(key, path);
                    }
                    yield field(type, key, entry.getValue(), path, prefix);
                }
            });
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.All(conditions);
    }

    private List<Condition> each(ContentTypeView type, JsonNode node, String path, String prefix) {
        List<Condition> conditions = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                conditions.add(parse(type, node.get(i), path + "[" + i + "]", prefix));
            }
            return conditions;
        }
        throw ApiException.badParameter(path, "Parameter '" + path + "' must be an array of filters, such as "
                + path + "[0][field][$eq]=value");
    }

    private Condition field(ContentTypeView type, String name, JsonNode value, String path, String prefix) {
        boolean system = prefix.isEmpty() && Field.SystemField.fromApiName(name).isPresent();
        Optional<Attribute> attribute = system ? Optional.empty() : Optional.of(QueryContext.visibleAttribute(type, name, path, USE));
        if (attribute.isPresent() && QueryContext.isRelation(attribute.get())) {
            if (!prefix.isEmpty()) {
                throw ApiException.badParameter(path, "Invalid key '" + name + "' in " + path
                        + ": relations inside components cannot be filtered on");
            }
            return relation(attribute.get(), value, path);
        }
        if (attribute.isPresent() && attribute.get().type() == AttributeType.COMPONENT) {
            return component(attribute.get(), value, path, prefix);
        }
        Field field = QueryContext.field(type, name, path, USE, prefix);
        if (value.isObject()) {
            return operators(field, value, path);
        }
        return compare(field, value.isArray() ? Operator.IN : Operator.EQ, value, path);
    }

    private Condition operators(Field field, JsonNode node, String path) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String keyPath = path + "[" + key + "]";
            JsonNode value = entry.getValue();
            if (key.equals("$not")) {
                requireObject(value, keyPath);
                conditions.add(new Condition.Not(operators(field, value, keyPath)));
            } else if (key.equals("$and") || key.equals("$or")) {
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; value.isArray() && i < value.size(); i++) {
                    requireObject(value.get(i), keyPath + "[" + i + "]");
                    parts.add(operators(field, value.get(i), keyPath + "[" + i + "]"));
                }
                if (!value.isArray()) {
                    throw ApiException.badParameter(keyPath, "Parameter '" + keyPath + "' must be an array of operators");
                }
                conditions.add(key.equals("$and") ? new Condition.All(parts) : new Condition.Any(parts));
            } else {
                Operator operator = Operator.fromToken(key).orElseThrow(() -> key.startsWith("$") ? unknownOperator(key, keyPath)
                        : ApiException.badParameter(keyPath, "Invalid key '" + key + "' in " + keyPath + ": " + field.name()
                                + " is not a relation, so it takes an operator such as $eq"));
                conditions.add(compare(field, operator, value, keyPath));
            }
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.All(conditions);
    }

    /**
     * Parses filters on the attributes of a component. The values are indexed under their dotted
     * path, and a filter on a repeatable component matches when any item matches it. Each
     * condition is checked on its own, so two conditions may match two different items.
     */
    private Condition component(Attribute attribute, JsonNode value, String path, String prefix) {
        ContentTypeView scope = context.componentScope(attribute)
                .orElseThrow(() -> ApiException.badParameter(path, "Component " + attribute.component() + " is not defined"));
        if (!value.isObject()) {
            throw ApiException.badParameter(path, "Parameter '" + path + "' filters a component: name one of its fields, such as "
                    + path + "[field][$eq]=value");
        }
        return parse(scope, value, path, prefix + attribute.name() + ".");
    }

    private Condition relation(Attribute attribute, JsonNode value, String path) {
        if (!value.isObject()) {
            throw ApiException.badParameter(path, "Parameter '" + path + "' filters a relation: name a field of "
                    + attribute.target() + ", such as " + path + "[id][$eq]=1");
        }
        List<Condition> conditions = new ArrayList<>();
        ObjectNode nested = value.deepCopy();
        for (String presence : List.of("$null", "$notNull")) {
            if (nested.has(presence)) {
                boolean flag = flag(nested.remove(presence), path + "[" + presence + "]");
                boolean present = presence.equals("$null") != flag;
                conditions.add(attribute.isInverse()
                        ? new Condition.HasRelation(attribute.name(), present, attribute.target(), attribute.mappedBy())
                        : new Condition.HasRelation(attribute.name(), present));
            }
        }
        if (!nested.isEmpty()) {
            context.access().requireFind(attribute.target(), path);
            ContentTypeView target = context.type(attribute.target())
                    .orElseThrow(() -> ApiException.badParameter(path, "Relation target " + attribute.target() + " is not defined"));
            if (target.pluginManaged()) {
                throw ApiException.badParameter(path, "Parameter '" + path + "' filters on fields of " + target.uid()
                        + ", which is not supported: use $null or $notNull");
            }
            conditions.add(new Condition.Related(attribute.name(), target.uid(), attribute.mappedBy(), targetFilter(target, nested, path)));
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.All(conditions);
    }

    /** Parses filters on the target; operators directly on the relation compare the target's id. */
    private Condition targetFilter(ContentTypeView target, ObjectNode node, String path) {
        ObjectNode byId = node.objectNode();
        ObjectNode rest = node.objectNode();
        node.properties().forEach(entry -> {
            boolean idOperator = Operator.fromToken(entry.getKey()).isPresent();
            (idOperator ? byId : rest).set(entry.getKey(), entry.getValue());
        });
        List<Condition> conditions = new ArrayList<>();
        if (!byId.isEmpty()) {
            conditions.add(operators(Field.of(Field.SystemField.ID), byId, path));
        }
        if (!rest.isEmpty()) {
            conditions.add(parse(target, rest, path));
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.All(conditions);
    }

    private Condition compare(Field field, Operator operator, JsonNode value, String path) {
        if (value.isObject()) {
            throw ApiException.badParameter(path, "Operator " + operator.token() + " in " + path
                    + " takes a value, not nested keys");
        }
        if (operator.textOnly() && (field.system() != null ? field.system() != Field.SystemField.DOCUMENT_ID
                : field.column() != ValueColumn.TEXT)) {
            throw ApiException.badParameter(path, "Operator " + operator.token() + " in " + path + " applies to text, but "
                    + field.name() + " is not text");
        }
        List<Object> values = new ArrayList<>();
        switch (operator.arity()) {
            case ONE -> values.add(convert(field, operator, single(value, operator, path), path));
            case FLAG -> values.add(flag(value, path));
            case PAIR -> {
                if (!value.isArray() || value.size() != 2) {
                    throw ApiException.badParameter(path, "Operator $between in " + path + " takes two values, such as "
                            + path + "[0]=1&" + path + "[1]=5");
                }
                value.forEach(bound -> values.add(convert(field, operator, bound.asText(), path)));
            }
            case LIST -> {
                boolean emptyList = value.isTextual() && value.asText().isEmpty();
                if (!emptyList) {
                    (value.isArray() ? value : List.of(value)).forEach(item -> values.add(convert(field, operator, item.asText(), path)));
                }
            }
        }
        return new Condition.Compare(field, operator, values);
    }

    private static String single(JsonNode value, Operator operator, String path) {
        if (!value.isTextual()) {
            throw ApiException.badParameter(path, "Operator " + operator.token() + " in " + path + " takes one value, not a list");
        }
        return value.asText();
    }

    private static boolean flag(JsonNode value, String path) {
        try {
            return ValueColumn.parseBoolean(value.isTextual() ? value.asText() : "");
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(path, "Parameter '" + path + "' must be true or false");
        }
    }

    private static Object convert(Field field, Operator operator, String text, String path) {
        try {
            if (operator.textOnly()) {
                return text;
            }
            if (field.system() == Field.SystemField.ID) {
                return Long.parseLong(text.trim());
            }
            return ValueColumn.fromFilter(field.type(), text);
        } catch (NumberFormatException e) {
            throw invalidValue(field, text, path, "an integer id");
        } catch (IllegalArgumentException e) {
            throw invalidValue(field, text, path, e.getMessage());
        }
    }

    private static ApiException invalidValue(Field field, String text, String path, String expected) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return ApiException.badParameter(path, "Invalid value '" + shown + "' in " + path + ": " + field.name() + " must be " + expected);
    }

    private static void requireObject(JsonNode value, String path) {
        if (!value.isObject()) {
            throw ApiException.badParameter(path, "Parameter '" + path + "' must contain operators such as " + path + "[$eq]=value");
        }
    }

    private static ApiException unknownOperator(String key, String path) {
        return ApiException.badParameter(path, "Invalid operator '" + key + "' in " + path + ": use one of $eq, $eqi, $ne, $nei, "
                + "$lt, $lte, $gt, $gte, $in, $notIn, $contains, $notContains, $containsi, $notContainsi, $null, $notNull, "
                + "$between, $startsWith, $startsWithi, $endsWith, $endsWithi, $and, $or, $not");
    }
}
