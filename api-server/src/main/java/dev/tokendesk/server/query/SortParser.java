package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code sort}: {@code name}, {@code name:desc}, a comma-separated list such as
 * {@code name:desc,seats:asc}, or an array ({@code sort[0]=name:asc&sort[1]=seats:desc}). The
 * direction is {@code asc} (the default) or {@code desc} in any case. Sort keys are system fields
 * and visible scalar attributes; anything else is a 400 naming the key or the direction.
 */
final class SortParser {

    private static final String USE = "sorted on";

    private SortParser() {
    }

    static List<SortOrder> parse(ContentTypeView type, JsonNode node, String parameter) {
        List<String> items = new ArrayList<>();
        if (node.isTextual()) {
            items.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw notSortKey(parameter);
                }
                items.add(item.asText());
            }
        } else {
            throw notSortKey(parameter);
        }

        List<SortOrder> sort = new ArrayList<>();
        for (String item : items) {
            for (String key : item.split(",", -1)) {
                sort.add(order(type, key.trim(), parameter));
            }
        }
        return sort;
    }

    private static SortOrder order(ContentTypeView type, String key, String parameter) {
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
        return new SortOrder(QueryContext.field(type, name, parameter, USE), lower.equals("desc"));
    }

    private static ApiException notSortKey(String parameter) {
        return ApiException.badParameter(parameter, "Parameter '" + parameter + "' must be a sort key such as name:desc, "
                + "a comma-separated list of them, or an array of them");
    }
}
