package dev.tokendesk.server.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The shared query parameters of the content API, as OpenAPI parameter components. */
final class OpenApiParameters {

    /** Parameters of list endpoints. */
    static final List<String> LIST = List.of("filters", "sort", "pagination", "fields", "populate", "status");
    /** Parameters of endpoints on one entry. */
    static final List<String> ENTRY = List.of("fields", "populate", "status");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiParameters() {
    }

    static void add(ObjectNode parameters) {
        parameters.set("filters", deepObject("filters", "Filters such as filters[name][$eq]=x; every Strapi operator is accepted",
                NODES.objectNode().put("type", "object")));
        ObjectNode paging = NODES.objectNode().put("type", "object");
        ObjectNode properties = paging.putObject("properties");
        properties.set("page", NODES.objectNode().put("type", "integer").put("minimum", 1));
        properties.set("pageSize", NODES.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 100));
        properties.set("start", NODES.objectNode().put("type", "integer").put("minimum", 0));
        properties.set("limit", NODES.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 100));
        properties.set("withCount", NODES.objectNode().put("type", "boolean"));
        parameters.set("pagination", deepObject("pagination", "page and pageSize, or start and limit; withCount", paging));
        parameters.set("sort", plain("sort", "Sort keys such as name:desc,seats:asc", NODES.objectNode().put("type", "string")));
        parameters.set("fields", plain("fields", "Comma-separated fields to return; id and documentId are always returned",
                NODES.objectNode().put("type", "string")));
        parameters.set("populate", plain("populate", "Relations to populate: *, a comma-separated list, or populate[relation][...]",
                NODES.objectNode().put("type", "string")));
        ObjectNode status = NODES.objectNode().put("type", "string");
        status.putArray("enum").add("draft").add("published");
        parameters.set("status", plain("status", "Version of draft-and-publish entries to read or write; published by default", status));
    }

    private static ObjectNode deepObject(String name, String description, ObjectNode schema) {
        return plain(name, description, schema).put("style", "deepObject").put("explode", true);
    }

    private static ObjectNode plain(String name, String description, ObjectNode schema) {
        ObjectNode parameter = NODES.objectNode().put("name", name).put("in", "query").put("required", false)
                .put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }
}
