package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Applies Strapi's relation edits to the top-level relation attributes of an entry's data before
 * it is validated, so the validator receives only plain targets:
 *
 * <ul>
 *   <li>{@code {"set": [...]}} and a plain value or array replace the targets;</li>
 *   <li>{@code {"connect": [...]}} adds targets to the stored ones, at the end unless an item has a
 *       {@code position} of {@code {"before": documentId}}, {@code {"after": documentId}},
 *       {@code {"start": true}} or {@code {"end": true}}, and a target that is already linked moves;</li>
 *   <li>{@code {"disconnect": [...]}} removes the named targets and keeps the others in order.</li>
 * </ul>
 *
 * <p>Items are ids, documentIds or objects with one of them ({@code [{"documentId": "..."}]}).
 * Every item must name an existing target, and {@code set} cannot be combined with the other two.
 * Relations inside components keep their plain form.
 */
final class RelationEdits {

    private static final Set<String> EDIT_KEYS = Set.of("set", "connect", "disconnect");

    /** Finds a relation target by reference: returns its stored form (a documentId, or a role id), or empty when there is none. */
    private final BiFunction<String, JsonNode, Optional<JsonNode>> lookup;

    RelationEdits(BiFunction<String, JsonNode, Optional<JsonNode>> lookup) {
        this.lookup = lookup;
    }

    /**
     * Returns a copy of {@code data} whose connect and disconnect edits are applied to the targets
     * in {@code stored} (null for a new entry). Problems are added to {@code errors}.
     */
    JsonNode apply(ContentTypeView type, JsonNode data, ObjectNode stored, String path, List<FieldError> errors) {
        if (!data.isObject()) {
            return data;
        }
        ObjectNode edited = data.deepCopy();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            Optional<Attribute> attribute = type.attribute(field.getKey());
            JsonNode value = field.getValue();
            boolean isEdit = value.isObject() && value.properties().stream().anyMatch(key -> EDIT_KEYS.contains(key.getKey()));
            if (attribute.isEmpty() || attribute.get().type() != AttributeType.RELATION || attribute.get().isInverse() || !isEdit) {
                continue;
            }
            JsonNode current = stored == null ? null : stored.get(field.getKey());
            edited.set(field.getKey(), edit(attribute.get(), (ObjectNode) value, current, path + "." + field.getKey(), errors));
        }
        return edited;
    }

    private JsonNode edit(Attribute attribute, ObjectNode edit, JsonNode current, String path, List<FieldError> errors) {
        for (String key : (Iterable<String>) edit::fieldNames) {
            if (!EDIT_KEYS.contains(key)) {
                errors.add(new FieldError(path + "." + key, attribute.name() + " takes set, connect or disconnect, not '" + key + "'"));
            }
        }
        if (edit.has("set")) {
            if (edit.has("connect") || edit.has("disconnect")) {
                errors.add(new FieldError(path, attribute.name() + " takes either set or connect and disconnect, not both"));
            }
            return edit.get("set");
        }

        List<JsonNode> targets = new ArrayList<>();
        if (current != null && !current.isNull()) {
            // Stored role ids parse back as int nodes, while lookups return long nodes, which are not equal to them.
            (current.isArray() ? current : List.of(current))
                    .forEach(target -> targets.add(target.isIntegralNumber() ? LongNode.valueOf(target.longValue()) : target));
        }
        for (Item item : items(attribute, edit.get("disconnect"), path + ".disconnect", errors)) {
            targets.remove(item.target());
        }
        for (Item item : items(attribute, edit.get("connect"), path + ".connect", errors)) {
            targets.remove(item.target());
            int index = position(attribute, item, targets, errors);
            targets.add(index, item.target());
        }

        if (!attribute.relation().toMany()) {
            return targets.isEmpty() ? NullNode.getInstance() : targets.get(targets.size() - 1);
        }
        ArrayNode list = edit.arrayNode();
        targets.forEach(list::add);
        return list;
    }

    /** One connect or disconnect item with its target's stored form. */
    private record Item(JsonNode reference, JsonNode target, String path) {
    }

    private List<Item> items(Attribute attribute, JsonNode node, String path, List<FieldError> errors) {
        List<Item> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        boolean array = node.isArray();
        for (int i = 0; i < (array ? node.size() : 1); i++) {
            JsonNode reference = array ? node.get(i) : node;
            String itemPath = array ? path + "[" + i + "]" : path;
            if (!isReference(reference)) {
                errors.add(new FieldError(itemPath, attribute.name() + " must name each target by id or documentId, such as "
                        + "\"abc123\" or {\"documentId\": \"abc123\"}, not " + ScalarRules.describe(reference)));
                continue;
            }
            Optional<JsonNode> target = lookup.apply(attribute.target(), reference);
            if (target.isEmpty()) {
                errors.add(new FieldError(itemPath, attribute.name() + " refers to " + RelationTargets.describe(reference)
                        + ", but no " + attribute.target() + " entry has it"));
                continue;
            }
            items.add(new Item(reference, target.get(), itemPath));
        }
        return items;
    }

    /** Returns where a connected target goes in {@code targets}, from the item's {@code position}. */
    private int position(Attribute attribute, Item item, List<JsonNode> targets, List<FieldError> errors) {
        JsonNode position = item.reference().isObject() ? item.reference().get("position") : null;
        if (position == null || position.isNull() || position.path("end").asBoolean(false)) {
            return targets.size();
        }
        if (position.path("start").asBoolean(false)) {
            return 0;
        }
        for (String side : List.of("before", "after")) {
            if (position.has(side)) {
                Optional<JsonNode> anchor = lookup.apply(attribute.target(), position.get(side));
                int index = anchor.map(targets::indexOf).orElse(-1);
                if (index < 0) {
                    errors.add(new FieldError(item.path() + ".position." + side, attribute.name() + " has no target "
                            + RelationTargets.describe(position.get(side)) + " to connect " + side));
                    return targets.size();
                }
                return side.equals("before") ? index : index + 1;
            }
        }
        errors.add(new FieldError(item.path() + ".position", attribute.name()
                + " takes a position of before, after, start or end, not " + position));
        return targets.size();
    }

    private static boolean isReference(JsonNode value) {
        if (value.isObject()) {
            return value.path("id").isIntegralNumber() || value.path("documentId").isTextual();
        }
        return value.isIntegralNumber() || (value.isTextual() && !value.asText().isBlank());
    }
}
