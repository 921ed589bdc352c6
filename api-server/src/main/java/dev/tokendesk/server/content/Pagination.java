package dev.tokendesk.server.content;

import dev.tokendesk.server.error.ApiException;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * Page and page size of a list request, parsed from Strapi's {@code pagination[page]} and
 * {@code pagination[pageSize]} parameters. Invalid values are a 400 naming the parameter and the
 * allowed range; nothing is silently clamped.
 *
 * @param page 1-based page number
 * @param pageSize entries per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record Pagination(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    private static final String PAGE = "pagination[page]";
    private static final String PAGE_SIZE = "pagination[pageSize]";
    private static final String START = "pagination[start]";
    private static final String LIMIT = "pagination[limit]";
    private static final String WITH_COUNT = "pagination[withCount]";

    /** Query parameters that later versions will accept and that are rejected until then, so no filter is silently ignored. */
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("filters", "sort", "fields", "populate", "status", "locale");

    /**
     * Parses the list parameters of {@code query}, which no longer contains {@code token}.
     *
     * @throws ApiException 400 naming the first parameter that is unknown, repeated or out of range
     */
    public static Pagination parse(Map<String, Deque<String>> query) {
        for (Map.Entry<String, Deque<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (parameter.getValue().size() > 1) {
                throw ApiException.badParameter(name, "Parameter '" + name + "' appears " + parameter.getValue().size() + " times: send it once");
            }
            String root = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            if (NOT_YET_SUPPORTED.contains(root)) {
                // TODO: filters, sort, fields, populate, status and locale are not implemented yet.
                throw ApiException.badParameter(name, "Parameter '" + name + "' is not supported by this server yet");
            }
            if (!name.equals(PAGE) && !name.equals(PAGE_SIZE) && !name.equals(START) && !name.equals(LIMIT)
                    && !name.equals(WITH_COUNT)) {
                throw ApiException.badParameter(name, "Unknown query parameter '" + name
                        + "': list requests accept pagination[page] and pagination[pageSize]");
            }
        }
        if (query.containsKey(START) || query.containsKey(LIMIT)) {
            String name = query.containsKey(START) ? START : LIMIT;
            validateStartLimit(query);
            // TODO: offset-based paging (start/limit) is not implemented; page/pageSize is.
            throw ApiException.badParameter(name, "Parameter '" + name
                    + "' is not supported by this server yet: use pagination[page] and pagination[pageSize]");
        }
        if (query.containsKey(WITH_COUNT)) {
            String value = query.get(WITH_COUNT).getFirst();
            if (!value.equals("true") && !value.equals("false")) {
                throw ApiException.badParameter(WITH_COUNT, "Parameter '" + WITH_COUNT + "' must be true or false, got '" + value + "'");
            }
        }

        int page = integer(query, PAGE, 1, 1, Integer.MAX_VALUE);
        int pageSize = integer(query, PAGE_SIZE, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new Pagination(page, pageSize);
    }

    private static void validateStartLimit(Map<String, Deque<String>> query) {
        integer(query, START, 0, 0, Integer.MAX_VALUE);
        integer(query, LIMIT, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }

    private static int integer(Map<String, Deque<String>> query, String name, int defaultValue, int min, int max) {
        Deque<String> values = query.get(name);
        if (values == null) {
            return defaultValue;
        }
        String value = values.getFirst();
        String range = max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below together with out-of-range values.
        }
        throw ApiException.badParameter(name, "Parameter '" + name + "' must be " + range + ", got '" + value + "'");
    }
}
