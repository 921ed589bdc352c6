package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.server.error.ApiException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code fields} and {@code populate} into a {@link Selection}.
 *
 * <p>{@code fields} is a comma-separated list or an array of system fields and visible
 * attributes other than relations; {@code id} and {@code documentId} are always returned.
 * {@code populate} is {@code *}, a comma-separated list or an array of attribute names, or an
 * object whose keys are attribute names with {@code true}, {@code *}, or {@code fields},
 * {@code populate}, {@code filters} and {@code sort} for the targets.
 *
 * <p>Populating a relation needs the {@code find} permission on its target: naming one without it
 * is a 403 that names the target, while {@code populate=*} leaves such relations out. A relation
 * to users is populated with the users' public profile fields and takes no nested options.
 * Relations to other plugin types, such as roles, cannot be populated (400). Components, dynamic
 * zones and media are always returned whole, so naming them is accepted and changes nothing.
 */
final class SelectionParser {

    private final QueryContext context;
    private final FilterParser filters;

    SelectionParser(QueryContext context) {
        this.context = context;
        this.filters = new FilterParser(context);
    }

    /** Parses the top-level {@code fields} and {@code populate} nodes, either of which may be null. */
    Selection parse(ContentTypeView type, JsonNode fields, JsonNode populate) {
        Set<String> selected = fields == null ? null : fields(type, fields, "fields");
        Map<String, Selection> populated = populate == null ? Map.of() : populate(type, populate, "populate");
        return new Selection(selected, populated, null, List.of());
    }

    private Set<String> fields(ContentTypeView type, JsonNode node, String path) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : names(node, path)) {
            if (name.equals("*")) {
                return null;
            }
            if (Field.SystemField.fromApiName(name).isEmpty()) {
                Attribute attribute = QueryContext.visibleAttribute(type, name, path, "selected");
                if (QueryContext.isRelation(attribute)) {
                    throw ApiException.badParameter(path, "Invalid key '" + name + "' in " + path
                            + ": relations are returned with populate, not fields");
                }
            }
            names.add(name);
        }
        return names;
    }

    private Map<String, Selection> populate(ContentTypeView type, JsonNode node, String path) {
        Map<String, Selection> populated = new LinkedHashMap<>();
        if (!node.isObject()) {
            for (String name : names(node, path)) {
                if (name.equals("*")) {
                    populated.putAll(everything(type));
                } else {
                    populated.put(name, target(type, name, null, path));
                }
            }
            return populated;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            populated.put(entry.getKey(), target(type, entry.getKey(), entry.getValue(), path + "[" + entry.getKey() + "]"));
        }
        return populated;
    }

    /** Returns the selection of one populated attribute; {@code options} is null, a flag, or an object of options. */
    private Selection target(ContentTypeView type, String name, JsonNode options, String path) {
        Attribute attribute = QueryContext.visibleAttribute(type, name, path, "populated");
        if (!QueryContext.isRelation(attribute)) {
            return Selection.all();
        }
        context.access().requireFind(attribute.target(), path);
        boolean flag = options == null || options.isTextual() && isFlag(options.asText());
        if (attribute.target().equals(ContentTypeView.USER_TYPE_UID)) {
            if (!flag) {
                throw ApiException.badParameter(path, "Parameter '" + path + "' must be true or *: populated users always show "
                        + "their public profile fields and take no fields, populate, filters or sort");
            }
            return Selection.all();
        }
        ContentTypeView target = context.type(attribute.target())
                .filter(found -> !found.pluginManaged())
                .orElseThrow(() -> ApiException.badParameter(path, "Invalid key '" + name + "' in " + path + ": relations to "
                        + attribute.target() + " cannot be populated"));
        if (flag) {
            return Selection.all();
        }
        if (!options.isObject()) {
            throw ApiException.badParameter(path, "Parameter '" + path + "' must be true, * or an object with fields, populate, filters or sort");
        }
        return nested(target, options, path);
    }

    private Selection nested(ContentTypeView target, JsonNode options, String path) {
        Set<String> fields = null;
        Map<String, Selection> populate = Map.of();
        Condition filter = null;
        List<SortOrder> sort = List.of();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String optionPath = path + "[" + option.getKey() + "]";
            switch (option.getKey()) {
                case "fields" -> fields = fields(target, option.getValue(), optionPath);
                case "populate" -> populate = populate(target, option.getValue(), optionPath);
                case "filters" -> filter = filters.parse(target, option.getValue(), optionPath);
                case "sort" -> sort = new SortParser(context).parse(target, option.getValue(), optionPath);
                default -> throw ApiException.badParameter(optionPath, "Unknown key '" + option.getKey() + "' in " + optionPath
                        + ": populate takes fields, populate, filters and sort");
            }
        }
        return new Selection(fields, populate, filter, sort);
    }

    private Map<String, Selection> everything(ContentTypeView type) {
        Map<String, Selection> populated = new LinkedHashMap<>();
        for (Attribute attribute : type.attributes()) {
            boolean readable = attribute.isReturned() && (!QueryContext.isRelation(attribute)
                    || context.access().mayFind(attribute.target()) && (attribute.target().equals(ContentTypeView.USER_TYPE_UID)
                            || context.type(attribute.target()).filter(target -> !target.pluginManaged()).isPresent()));
            if (readable) {
                populated.put(attribute.name(), Selection.all());
            }
        }
        return populated;
    }

    private static boolean isFlag(String text) {
        return text.equals("true") || text.equals("*") || text.equals("1");
    }

    /** Returns the names in a comma-separated value or an array of them. */
    private static List<String> names(JsonNode node, String path) {
        List<String> names = new java.util.ArrayList<>();
        Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw ApiException.badParameter(path, "Parameter '" + path + "' must be a comma-separated list or an array of names");
            }
            for (String name : item.asText().split(",", -1)) {
                if (name.isBlank()) {
                    throw ApiException.badParameter(path, "Parameter '" + path + "' contains an empty name");
                }
                names.add(name.trim());
            }
        }
        return names;
    }
}
