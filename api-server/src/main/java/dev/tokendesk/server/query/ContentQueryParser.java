package dev.tokendesk.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.EntryQuery;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.content.query.Status;
import dev.tokendesk.server.error.ApiException;
import java.util.List;
import java.util.Set;

/**
 * Turns the query tree of a content request into validated queries: every root parameter must be
 * one that the endpoint takes, so a misspelt or unsupported parameter is a 400 and never silently
 * ignored. Lists take {@code filters}, {@code sort}, {@code pagination}, {@code fields},
 * {@code populate} and {@code status}; single-entry reads and writes take {@code fields},
 * {@code populate} and {@code status}. {@code locale} is rejected: content is not localised.
 *
 * <p>Immutable; one instance serves one request.
 */
public final class ContentQueryParser {

    private static final Set<String> LIST_PARAMETERS = Set.of("filters", "sort", "pagination", "fields", "populate", "status");
    private static final Set<String> ENTRY_PARAMETERS = Set.of("fields", "populate", "status");

    private final QueryContext context;

    public ContentQueryParser(QueryContext context) {
        this.context = context;
    }

    /**
     * Parses a list request on {@code type}.
     *
     * @throws ApiException 400 naming the first invalid parameter, or 403 when a filter or populate reaches a type the caller may not find
     */
    public ListRequest list(ContentTypeView type, ObjectNode tree) {
        requireKnown(tree, LIST_PARAMETERS);
        Condition filter = tree.has("filters") ? new FilterParser(context).parse(type, tree.get("filters"), "filters") : null;
        List<SortOrder> sort = tree.has("sort") ? new SortParser(context).parse(type, tree.get("sort"), "sort") : List.of();
        PagingParser.Paging paging = PagingParser.parse(tree.get("pagination"));
        Selection selection = new SelectionParser(context).parse(type, tree.get("fields"), tree.get("populate"));
        EntryQuery query = new EntryQuery(filter, sort, paging.offset(), paging.size(), paging.withCount(), status(tree), selection);
        return new ListRequest(query, paging.byOffset(), paging.page());
    }

    /**
     * Parses the parameters of a request on one entry: a read, or a write whose response shows the entry.
     *
     * @throws ApiException 400 naming the first invalid parameter, or 403 as for {@link #list}
     */
    public EntryRequest entry(ContentTypeView type, ObjectNode tree) {
        requireKnown(tree, ENTRY_PARAMETERS);
        Selection selection = new SelectionParser(context).parse(type, tree.get("fields"), tree.get("populate"));
        return new EntryRequest(selection, status(tree));
    }

    private static void requireKnown(ObjectNode tree, Set<String> accepted) {
        for (String name : (Iterable<String>) tree::fieldNames) {
            if (name.equals("locale")) {
                throw ApiException.badParameter(name, "Parameter 'locale' is not supported: this server stores one version of each entry");
            }
            if (!accepted.contains(name)) {
                String list = String.join(", ", accepted.stream().sorted().toList());
                throw ApiException.badParameter(name, "Unknown query parameter '" + name + "': this endpoint takes " + list);
            }
        }
    }

    private static Status status(ObjectNode tree) {
        JsonNode value = tree.get("status");
        if (value == null) {
            return Status.PUBLISHED;
        }
        return switch (value.isTextual() ? value.asText() : "") {
            case "published" -> Status.PUBLISHED;
            case "draft" -> Status.DRAFT;
            default -> throw ApiException.badParameter("status", "Parameter 'status' must be draft or published");
        };
    }

    /**
     * A parsed list request.
     *
     * @param query the validated query
     * @param byOffset whether the request paged with start and limit, so the response meta echoes them
     * @param page the requested page when paging by page
     */
    public record ListRequest(EntryQuery query, boolean byOffset, int page) {
    }

    /**
     * A parsed request on one entry.
     *
     * @param selection fields and populated relations of the entry
     * @param status which version to read, and for writes whether to publish
     */
    public record EntryRequest(Selection selection, Status status) {
    }
}
