package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code sort}: {@code name}, {@code name:desc}, a comma-separated list such as
 * {@code name:desc,seats:asc}, an array ({@code sort[0]=name:asc&sort[1]=seats:desc}), or the
 * object form that {@code qs} encodes from {@code {name: 'desc'}} or {@code [{category: {name: 'asc'}}]}.
 * The direction is {@code asc} (the default) or {@code desc} in any case. Sort keys are system
 * fields, visible scalar attributes, and such fields of a to-one relation's target, written
 * {@code category.name} or nested as objects; sorting on the target needs the {@code find}
 * permission on it. Anything else is a 400 naming the key or the direction.
 */
final class SortParser {

    private static final String USE = "sorted on";

    private final QueryContext context;

    SortParser(QueryContext context) {
        this.context = context;
    }

    List<SortOrder> parse(ContentTypeView type, JsonNode node, String parameter) {
        List<String> items = new ArrayList<>();
        collect(node, "", parameter, items);
        List<SortOrder> sort = new ArrayList<>();
        for (String item : items) {
            for (String key : item.split(",", -1)) {
                sort.add(order(type, key.trim(), parameter));
            }
        }
        return sort;
    }

    /** Flattens the string, array and object forms into keys such as {@code category.name:asc}. */
    private static void collect(JsonNode node, String prefix, String parameter, List<String> items) {
        if (node.isTextual()) {
            items.add(prefix.isEmpty() ? node.asText() : prefix + ":" + node.asText());
        } else if (node.isArray() && prefix.isEmpty()) {
            for (JsonNode item : node) {
                if (!item.isTextual() && !item.isObject()) {
                    throw notSortKey(parameter);
                }
                collect(item, prefix, parameter, items);
            }
        } else if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String name = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                if (entry.getKey().contains(":") || entry.getKey().contains(",") || !entry.getValue().isTextual() && !entry.getValue().isObject()) {
                    throw notSortKey(parameter);
                }
                collect(entry.getValue(), name, parameter, items);
            }
        } else {
            throw notSortKey(parameter);
        }
    }

    private SortOrder order(ContentTypeView type, String key, String parameter) {
        int colon = key.indexOf(':');
        String name = colon < 0 ? key : key.substring(0, colon);
        String direction = colon < 0 ? "asc" : key.substring(colon + 1);
        if (name.isEmpty()) {
            throw ApiException.badParameter(parameter, "Parameter '" + parameter + "' contains an empty sort key");
        }
        String lower = direction.toLowerCase(Locale.ROOT);
        if (!lower.equals("asc") && !lower.equals("desc")) {
            throw ApiException.badParameter(parameter, "Invalid sort direction '" + direction + "' for " + name
                    + " in " + parameter + ": use asc or desc");
        }
        boolean descending = lower.equals("desc");
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new SortOrder(QueryContext.field(type, name, parameter, USE), descending);
        }
        return relationOrder(type, name.substring(0, dot), name.substring(dot + 1), descending, parameter);
    }

    private SortOrder relationOrder(ContentTypeView type, String relationName, String targetField, boolean descending, String parameter) {
        Attribute relation = QueryContext.visibleAttribute(type, relationName, parameter, USE);
        String key = relationName + "." + targetField;
        if (!QueryContext.isRelation(relation)) {
            throw ApiException.badParameter(parameter, "Invalid sort key '" + key + "' in " + parameter + ": " + relationName
                    + " is not a relation, so it has no fields to sort on");
        }
        if (relation.relation().toMany()) {
            throw ApiException.badParameter(parameter, "Invalid sort key '" + key + "' in " + parameter + ": " + relationName
                    + " is a " + relation.relation().schemaName() + " relation, and entries can be sorted only on a field of a "
                    + "to-one relation");
        }
        if (relation.isInverse()) {
            throw ApiException.badParameter(parameter, "Invalid sort key '" + key + "' in " + parameter + ": " + relationName
                    + " is the inverse side of " + relation.target() + "." + relation.mappedBy()
                    + ", and sorting on it is not supported");
        }
        if (targetField.contains(".")) {
            throw ApiException.badParameter(parameter, "Invalid sort key '" + key + "' in " + parameter
                    + ": sort keys follow at most one relation");
        }
        context.access().requireFind(relation.target(), parameter);
        ContentTypeView target = context.type(relation.target())
                .filter(found -> !found.pluginManaged())
                .orElseThrow(() -> ApiException.badParameter(parameter, "Invalid sort key '" + key + "' in " + parameter
                        + ": entries cannot be sorted on fields of " + relation.target()));
        return new SortOrder(QueryContext.field(target, targetField, parameter, USE), descending, relation.name(), target.uid());
    }

    private static ApiException notSortKey(String parameter) {
        return ApiException.badParameter(parameter, "Parameter '" + parameter + "' must be a sort key such as name:desc, "
                + "a comma-separated list of them, an array of them, or an object such as " + parameter + "[name]=desc");
    }
}
