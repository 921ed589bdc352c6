package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.server.error.ApiException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded query parameters into one nested tree the way the {@code qs} library reads a query
 * string: {@code filters[name][$eq]=x} becomes {@code {"filters":{"name":{"$eq":"x"}}}}, indexed
 * keys such as {@code sort[0]} and {@code [1]}, empty brackets {@code a[]} and a repeated name
 * become arrays, and every leaf is a string.
 *
 * <p>Unlike {@code qs}, which quietly keeps what it cannot nest as a literal key, anything
 * malformed or beyond {@link QueryLimits} is rejected: unbalanced brackets, text after the
 * brackets, an empty name, a name used both as a value and with nested keys, too many levels,
 * array indexes, elements or values. Undertow has already percent-decoded the names, so
 * {@code filters%5Bname%5D} and {@code filters[name]} are the same parameter.
 *
 * <p>Stateless and thread-safe. The caller passes the parameters after the {@code token}
 * parameter was removed.
 */
public final class QueryTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryTree() {
    }

    /**
     * Parses {@code parameters} into an object whose keys are the parameter roots, in query order.
     *
     * @throws ApiException 400 naming the parameter that is malformed or exceeds {@code limits}
     */
    public static ObjectNode parse(Map<String, Deque<String>> parameters, QueryLimits limits) {
        int count = parameters.values().stream().mapToInt(Deque::size).sum();
        if (count > limits.maxParameters()) {
            throw ApiException.badParameter("query", "The query string has " + count + " parameters, more than the maximum of "
                    + limits.maxParameters());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Deque<String>> parameter : parameters.entrySet()) {
            List<String> path = segments(parameter.getKey(), limits);
            for (String value : parameter.getValue()) {
                insert(root, path, 0, value, parameter.getKey(), limits);
            }
        }
        return (ObjectNode) toNode(root, "", limits);
    }

    private static List<String> segments(String name, QueryLimits limits) {
        int open = name.indexOf('[');
        String rootName = open < 0 ? name : name.substring(0, open);
        if (rootName.isEmpty() || rootName.indexOf(']') >= 0) {
            throw malformed(name);
        }
        List<String> segments = new ArrayList<>();
        segments.add(rootName);
        int position = open;
        while (position >= 0 && position < name.length()) {
            if (name.charAt(position) != '[') {
                throw malformed(name);
            }
            int close = name.indexOf(']', position);
            if (close < 0 || name.substring(position + 1, close).indexOf('[') >= 0) {
                throw malformed(name);
            }
            segments.add(name.substring(position + 1, close));
            position = close + 1;
        }
        if (segments.size() - 1 > limits.maxDepth()) {
            throw ApiException.badParameter(name, "Parameter '" + name + "' is nested " + (segments.size() - 1)
                    + " levels deep, more than the maximum of " + limits.maxDepth());
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, int index, String value, String name, QueryLimits limits) {
        String key = path.get(index);
        if (key.isEmpty()) {
            // "a[]" appends: the next free position among the keys seen so far.
            key = Integer.toString(node.size());
        }
        boolean last = index == path.size() - 1;
        Object existing = node.get(key);
        if (last) {
            if (existing instanceof Map) {
                throw conflict(name);
            }
            List<String> values = existing == null ? new ArrayList<>() : (List<String>) existing;
            values.add(value);
            if (values.size() > limits.maxArrayLength()) {
                throw tooLong(name, limits);
            }
            node.put(key, values);
            return;
        }
        if (existing instanceof List) {
            throw conflict(name);
        }
        Map<String, Object> child = existing == null ? new LinkedHashMap<>() : (Map<String, Object>) existing;
        node.put(key, child);
        insert(child, path, index + 1, value, name, limits);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toNode(Object value, String name, QueryLimits limits) {
        if (value instanceof List<?> values) {
            if (values.size() == 1) {
                return NODES.textNode((String) values.get(0));
            }
            ArrayNode array = NODES.arrayNode();
            values.forEach(text -> array.add((String) text));
            return array;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        if (!map.isEmpty() && !name.isEmpty() && map.keySet().stream().allMatch(QueryTree::isIndex)) {
            return toArray(map, name, limits);
        }
        ObjectNode object = NODES.objectNode();
        map.forEach((key, child) -> object.set(key, toNode(child, name.isEmpty() ? key : name + "[" + key + "]", limits)));
        return object;
    }

    /** Orders indexed keys by number and closes the gaps, as {@code qs} compacts sparse arrays. */
    private static ArrayNode toArray(Map<String, Object> map, String name, QueryLimits limits) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
        for (Map.Entry<String, Object> entry : entries) {
            if (entry.getKey().length() > 9 || Integer.parseInt(entry.getKey()) >= limits.maxArrayLength()) {
                throw ApiException.badParameter(name + "[" + entry.getKey() + "]", "Index " + entry.getKey() + " of '" + name
                        + "' is too large: arrays may have at most " + limits.maxArrayLength() + " elements");
            }
        }
        entries.sort((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())));
        ArrayNode array = NODES.arrayNode();
        for (Map.Entry<String, Object> entry : entries) {
            JsonNode element = toNode(entry.getValue(), name + "[" + entry.getKey() + "]", limits);
            if (element.isArray() && entry.getValue() instanceof List) {
                element.forEach(array::add);
            } else {
                array.add(element);
            }
        }
        if (array.size() > limits.maxArrayLength()) {
            throw tooLong(name, limits);
        }
        return array;
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static ApiException malformed(String name) {
        return ApiException.badParameter(name, "Parameter name '" + name + "' is malformed: write nested keys as name[key][key]");
    }

    private static ApiException conflict(String name) {
        return ApiException.badParameter(name, "Parameter '" + name + "' is sent both as a value and with nested keys");
    }

    private static ApiException tooLong(String name, QueryLimits limits) {
        return ApiException.badParameter(name, "Parameter '" + name + "' has more than the maximum of "
                + limits.maxArrayLength() + " values");
    }
}
