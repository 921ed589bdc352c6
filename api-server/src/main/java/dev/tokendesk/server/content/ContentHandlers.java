package dev.tokendesk.server.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.auth.Principal;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.EntryList;
import dev.tokendesk.content.query.Status;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestBodies;
import dev.tokendesk.server.query.ContentQueryParser;
import dev.tokendesk.server.query.ContentQueryParser.EntryRequest;
import dev.tokendesk.server.query.ContentQueryParser.ListRequest;
import dev.tokendesk.server.query.QueryContext;
import dev.tokendesk.server.query.QueryLimits;
import dev.tokendesk.server.query.QueryTree;
import dev.tokendesk.server.query.TargetAccess;
import dev.tokendesk.server.security.AuthenticationHandler;
import dev.tokendesk.server.security.PermissionHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content endpoints, which respond in Strapi v5's shapes: collection types at
 * {@code /api/{pluralName}} and {@code /api/{pluralName}/{documentId}}, single types at
 * {@code /api/{singularName}}. They run after {@link PermissionHandler}, which has checked the
 * permission and attached the content type.
 *
 * <p>Every endpoint parses its query with one {@link QueryTree} and {@link ContentQueryParser},
 * so an unknown or invalid parameter is a 400 everywhere. Writes take {@code status=draft} to save
 * a draft-and-publish entry without publishing it; otherwise they publish, as Strapi v5 does.
 * Write responses show the stored entry with the request's {@code fields} and {@code populate}.
 *
 * <p>Read responses are kept in a {@link ResponseCache} until the next committed change, so a
 * client that repeats a request skips the database.
 */
public final class ContentHandlers {

    private final ContentService content;
    private final ResponseCache responses;

    /** Creates the endpoints; {@code events} empties their cache of read responses on every committed change. */
    public ContentHandlers(ContentService content, ChangeEvents events) {
        this.content = content;
        this.responses = new ResponseCache(events);
    }

    /** {@code GET /api/{name}}: a page of a collection type's entries, or a single type's entry. */
    public HttpHandler read() {
        return cached(exchange -> {
            ContentTypeView type = typeOf(exchange);
            if (type.kind() == ContentKind.SINGLE_TYPE) {
                return entryBody(findOne(exchange, type, null, parser(exchange).entry(type, tree(exchange))));
            }
            ListRequest request = parser(exchange).list(type, tree(exchange));
            EntryList list = content.query(type.uid(), request.query());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", list.entries());
            body.put("meta", Map.of("pagination", paginationMeta(request, list)));
            return Json.bytes(body);
        });
    }

    /** {@code GET /api/{pluralName}/{documentId}}. */
    public HttpHandler findOne() {
        return cached(exchange -> {
            ContentTypeView type = typeOf(exchange);
            EntryRequest request = parser(exchange).entry(type, tree(exchange));
            return entryBody(findOne(exchange, type, documentId(exchange), request));
        });
    }

    /** A read that produces a 200 body; errors are thrown as exceptions. */
    @FunctionalInterface
    private interface Read {
        byte[] body(HttpServerExchange exchange) throws Exception;
    }

    /** Serves {@code read} from {@link ResponseCache} when the same caller made the same request since the last change. */
    private HttpHandler cached(Read read) {
        return exchange -> {
            Principal principal = exchange.getAttachment(AuthenticationHandler.PRINCIPAL);
            ResponseCache.Key key = ResponseCache.Key.of(principal, exchange.getRequestPath(), exchange.getQueryString());
            byte[] body = responses.get(key);
            if (body == null) {
                long generation = responses.generation();
                body = read.body(exchange);
                responses.put(key, generation, body);
            }
            Json.send(exchange, 200, body);
        };
    }

    /** {@code POST /api/{pluralName}} with {@code {"data": {...}}}: 201 with the created entry. */
    public HttpHandler create() {
        return exchange -> {
            ContentTypeView type = typeOf(exchange);
            EntryRequest request = parser(exchange).entry(type, tree(exchange));
            JsonNode data = data(exchange);
            ObjectNode created = content.create(type.uid(), data, request.status() == Status.PUBLISHED);
            sendEntry(exchange, 201, readBack(type, created, request));
        };
    }

    /** {@code PUT /api/{pluralName}/{documentId}}: a partial update, validated as on create; 200 with the entry. */
    public HttpHandler update() {
        return exchange -> {
            ContentTypeView type = typeOf(exchange);
            EntryRequest request = parser(exchange).entry(type, tree(exchange));
            JsonNode data = data(exchange);
            String documentId = documentId(exchange);
            ObjectNode updated = content.update(type.uid(), documentId, data, request.status() == Status.PUBLISHED)
                    .orElseThrow(() -> notFound(type, documentId));
            sendEntry(exchange, 200, readBack(type, updated, request));
        };
    }

    /** {@code PUT /api/{singularName}}: creates the single type's entry or applies a partial update; 200 with the entry. */
    public HttpHandler putSingle() {
        return exchange -> {
            ContentTypeView type = typeOf(exchange);
            EntryRequest request = parser(exchange).entry(type, tree(exchange));
            JsonNode data = data(exchange);
            ObjectNode stored = content.putSingle(type.uid(), data, request.status() == Status.PUBLISHED);
            sendEntry(exchange, 200, readBack(type, stored, request));
        };
    }

    /** {@code DELETE /api/{pluralName}/{documentId}} and {@code DELETE /api/{singularName}}: 204 without a body, as in Strapi v5. */
    public HttpHandler delete() {
        return exchange -> {
            ContentTypeView type = typeOf(exchange);
            requireNoQuery(exchange);
            String documentId = type.kind() == ContentKind.SINGLE_TYPE ? null : documentId(exchange);
            if (!content.delete(type.uid(), documentId)) {
                throw notFound(type, documentId);
            }
            exchange.setStatusCode(204);
            exchange.endExchange();
        };
    }

    private ObjectNode findOne(HttpServerExchange exchange, ContentTypeView type, String documentId, EntryRequest request) {
        return content.findOne(type.uid(), documentId, request.selection(), request.status())
                .orElseThrow(() -> notFound(type, documentId));
    }

    /** Reads a written entry back with the request's selection; a draft is read as a draft. */
    private ObjectNode readBack(ContentTypeView type, ObjectNode written, EntryRequest request) {
        String documentId = written.get("documentId").asText();
        Status status = written.get("publishedAt").isNull() ? Status.DRAFT : Status.PUBLISHED;
        return content.findOne(type.uid(), documentId, request.selection(), status).orElse(written);
    }

    private static Map<String, Object> paginationMeta(ListRequest request, EntryList list) {
        Map<String, Object> paging = new LinkedHashMap<>();
        int size = request.query().limit();
        if (request.byOffset()) {
            paging.put("start", request.query().offset());
            paging.put("limit", size);
        } else {
            paging.put("page", request.page());
            paging.put("pageSize", size);
        }
        if (list.total().isPresent()) {
            long total = list.total().getAsLong();
            if (!request.byOffset()) {
                paging.put("pageCount", (total + size - 1) / size);
            }
            paging.put("total", total);
        }
        return paging;
    }

    private static JsonNode data(HttpServerExchange exchange) throws java.io.IOException {
        JsonNode body = RequestBodies.readJson(exchange);
        if (!body.isObject() || !body.has("data")) {
            throw ApiException.badParameter("data", "Request body must be a JSON object with the entry under \"data\"");
        }
        return body.get("data");
    }

    private static ObjectNode tree(HttpServerExchange exchange) {
        return QueryTree.parse(exchange.getQueryParameters(), QueryLimits.DEFAULT);
    }

    private ContentQueryParser parser(HttpServerExchange exchange) {
        TargetAccess access = exchange.getAttachment(PermissionHandler.TARGET_ACCESS);
        return new ContentQueryParser(new QueryContext(content.listTypes(), content::findComponent, access));
    }

    private static void requireNoQuery(HttpServerExchange exchange) {
        for (String name : exchange.getQueryParameters().keySet()) {
            throw ApiException.badParameter(name, "Unknown query parameter '" + name + "': this endpoint takes none");
        }
    }

    private static void sendEntry(HttpServerExchange exchange, int status, ObjectNode entry) {
        Json.send(exchange, status, entryBody(entry));
    }

    private static byte[] entryBody(ObjectNode entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", entry);
        body.put("meta", Map.of());
        return Json.bytes(body);
    }

    private static ApiException notFound(ContentTypeView type, String documentId) {
        return ApiException.notFound(documentId == null ? "Single type " + type.singularName() + " has no entry"
                : "No " + type.singularName() + " with documentId '" + documentId + "'");
    }

    private static ContentTypeView typeOf(HttpServerExchange exchange) {
        return exchange.getAttachment(PermissionHandler.CONTENT_TYPE);
    }

    private static String documentId(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("documentId");
    }
}
