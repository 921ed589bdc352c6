package dev.tokendesk.server.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.EntryPage;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestBodies;
import dev.tokendesk.server.security.PermissionHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collection-type endpoints, answering in Strapi v5's shapes. They run after
 * {@link PermissionHandler}, which has checked the permission and attached the content type.
 */
public final class ContentHandlers {

    private final ContentService content;

    public ContentHandlers(ContentService content) {
        this.content = content;
    }

    /** {@code GET /api/{pluralName}}: one page of entries with {@code meta.pagination}. */
    public HttpHandler find() {
        return exchange -> {
            Pagination pagination = Pagination.parse(exchange.getQueryParameters());
            EntryPage page = content.list(typeOf(exchange).uid(), pagination.page(), pagination.pageSize());

            Map<String, Object> meta = new LinkedHashMap<>();
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("page", page.page());
            paging.put("pageSize", page.pageSize());
            paging.put("pageCount", page.pageCount());
            paging.put("total", page.total());
            meta.put("pagination", paging);
            Json.send(exchange, 200, body(page.entries(), meta));
        };
    }

    /** {@code GET /api/{pluralName}/{documentId}}. */
    public HttpHandler findOne() {
        return exchange -> {
            requireNoQuery(exchange);
            String documentId = pathParameter(exchange, "documentId");
            ObjectNode entry = content.find(typeOf(exchange).uid(), documentId)
                    .orElseThrow(() -> ApiException.notFound("No " + typeOf(exchange).singularName() + " with documentId '" + documentId + "'"));
            Json.send(exchange, 200, body(entry, Map.of()));
        };
    }

    /** {@code POST /api/{pluralName}} with {@code {"data": {...}}}. */
    public HttpHandler create() {
        return exchange -> {
            requireNoQuery(exchange);
            JsonNode body = RequestBodies.readJson(exchange);
            if (!body.isObject() || !body.has("data")) {
                throw ApiException.badParameter("data", "Request body must be a JSON object with the entry under \"data\"");
            }
            ObjectNode created = content.create(typeOf(exchange).uid(), body.get("data"));
            Json.send(exchange, 201, body(created, Map.of()));
        };
    }

    private static void requireNoQuery(HttpServerExchange exchange) {
        for (String name : exchange.getQueryParameters().keySet()) {
            throw ApiException.badParameter(name, "Unknown query parameter '" + name + "'");
        }
    }

    private static Map<String, Object> body(Object data, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return body;
    }

    private static ContentTypeView typeOf(HttpServerExchange exchange) {
        return exchange.getAttachment(PermissionHandler.CONTENT_TYPE);
    }

    private static String pathParameter(HttpServerExchange exchange, String name) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
    }
}
