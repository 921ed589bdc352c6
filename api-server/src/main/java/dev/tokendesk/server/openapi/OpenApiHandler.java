package dev.tokendesk.server.openapi;

import dev.tokendesk.content.ContentService;
import dev.tokendesk.server.http.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /api/openapi.json}: the OpenAPI document of the current content types, open to every caller. */
public final class OpenApiHandler implements HttpHandler {

    private final ContentService content;

    public OpenApiHandler(ContentService content) {
        this.content = content;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Json.send(exchange, 200, OpenApiDocument.build(content.listTypes()));
    }
}
