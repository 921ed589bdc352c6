package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.server.error.ApiException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code pagination}: either {@code page} and {@code pageSize} or {@code start} and
 * {@code limit}, plus {@code withCount}. Invalid values are a 400 naming the parameter and the
 * allowed range. Nothing is silently clamped, so a negative or zero size never removes the limit.
 */
final class PagingParser {

    private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,10}");

    /** Entries per page when the request sets no size. */
    static final int DEFAULT_PAGE_SIZE = 25;
    /** Largest page size or limit a request may ask for. */
    static final int MAX_PAGE_SIZE = 100;

    private static final Set<String> KEYS = Set.of("page", "pageSize", "start", "limit", "withCount");

    private PagingParser() {
    }

    static Paging parse(JsonNode node) {
        if (node == null) {
            return new Paging(false, 1, DEFAULT_PAGE_SIZE, 0, true);
        }
        if (!node.isObject()) {
            throw ApiException.badParameter("pagination", "Parameter 'pagination' must contain keys such as pagination[page]=1");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = "pagination[" + entry.getKey() + "]";
            if (!KEYS.contains(entry.getKey())) {
                throw ApiException.badParameter(name, "Unknown query parameter '" + name
                        + "': pagination takes page and pageSize, or start and limit, and withCount");
            }
            if (!entry.getValue().isTextual()) {
                throw ApiException.badParameter(name, "Parameter '" + name + "' must be sent once, as a single value");
            }
        }
        boolean byOffset = node.has("start") || node.has("limit");
        if (byOffset && (node.has("page") || node.has("pageSize"))) {
            String name = node.has("page") ? "pagination[page]" : "pagination[pageSize]";
            throw ApiException.badParameter(name, "Parameter '" + name
                    + "' cannot be combined with pagination[start] or pagination[limit]: use one style of paging");
        }
        boolean withCount = withCount(node.get("withCount"));
        if (byOffset) {
            int start = integer(node, "start", 0, 0, Integer.MAX_VALUE);
            int limit = integer(node, "limit", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
            return new Paging(true, 0, limit, start, withCount);
        }
        int page = integer(node, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = integer(node, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new Paging(false, page, pageSize, (long) (page - 1) * pageSize, withCount);
    }

    private static boolean withCount(JsonNode value) {
        if (value == null) {
            return true;
        }
        String text = value.asText();
        if (!text.equals("true") && !text.equals("false")) {
            throw ApiException.badParameter("pagination[withCount]", "Parameter 'pagination[withCount]' must be true or false, got '"
                    + shorten(text) + "'");
        }
        return text.equals("true");
    }

    private static int integer(JsonNode node, String key, int defaultValue, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null) {
            return defaultValue;
        }
        String name = "pagination[" + key + "]";
        String range = max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
        String text = value.asText().trim();
        // ASCII digits only: Integer.parseInt would also take "+2" and digits of other scripts.
        if (ASCII_INTEGER.matcher(text).matches()) {
            try {
                int number = Integer.parseInt(text);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Too large for an int; reported below together with out-of-range values.
            }
        }
        throw ApiException.badParameter(name, "Parameter '" + name + "' must be " + range + ", got '" + shorten(value.asText()) + "'");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * The paging of a list request.
     *
     * @param byOffset whether the request used start and limit, which the response echoes
     * @param page 1-based page number; 0 when {@code byOffset}
     * @param size page size or limit
     * @param offset entries to skip
     * @param withCount whether to count every matching entry
     */
    record Paging(boolean byOffset, int page, int size, long offset, boolean withCount) {
    }
}
