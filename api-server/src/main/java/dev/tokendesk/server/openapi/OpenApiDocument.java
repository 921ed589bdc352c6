package dev.tokendesk.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentTypeView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the OpenAPI 3.0 document of the content API from the content types: the paths of
 * every collection type ({@code /api/{pluralName}}, {@code /api/{pluralName}/{documentId}}) and
 * single type ({@code /api/{singularName}}), their query parameters, request and response
 * schemas, and both ways to authenticate: the {@code token} query parameter and a bearer JWT or
 * API token. Operations also allow no credential, which the Public role's permissions govern.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenApiDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    /** Returns the document for {@code types}; plugin types, whose entries are not served as content, get schemas only. */
    public static ObjectNode build(List<ContentTypeView> types) {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.0.3");
        document.putObject("info").put("title", "TokenDesk content API").put("version", "1.0.0")
                .put("description", "Strapi v5 compatible REST API for the content types of this TokenDesk installation.");
        ArrayNode security = document.putArray("security");
        security.addObject().putArray("token");
        security.addObject().putArray("bearer");
        security.addObject();

        ObjectNode components = document.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("token").put("type", "apiKey").put("in", "query").put("name", "token")
                .put("description", "An API token, tdk_ followed by 49 characters");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A JWT from POST /api/auth/local, or an API token");
        OpenApiParameters.add(components.putObject("parameters"));
        components.putObject("responses").set("Error", NODES.objectNode().put("description", "Error")
                .set("content", json(OpenApiSchemas.ref("Error"))));

        ObjectNode schemas = components.putObject("schemas");
        OpenApiSchemas.addShared(schemas);
        Map<String, String> names = new LinkedHashMap<>();
        types.forEach(type -> names.put(type.uid(), OpenApiSchemas.schemaName(type)));
        ObjectNode paths = document.putObject("paths");
        for (ContentTypeView type : types) {
            OpenApiSchemas.add(schemas, type, names);
            if (type.pluginManaged()) {
                continue;
            }
            if (type.kind() == ContentKind.COLLECTION_TYPE) {
                addCollectionPaths(paths, type);
            } else {
                addSinglePath(paths, type);
            }
        }
        return document;
    }

    private static void addCollectionPaths(ObjectNode paths, ContentTypeView type) {
        String name = OpenApiSchemas.schemaName(type);
        ObjectNode list = paths.putObject("/api/" + type.pluralName());
        list.set("get", operation("list" + name, "Lists " + type.pluralName(), type, OpenApiParameters.LIST)
                .set("responses", responses("200", name + "ListResponse")));
        list.set("post", write(operation("create" + name, "Creates a " + type.singularName(), type, OpenApiParameters.ENTRY), name)
                .set("responses", responses("201", name + "Response")));

        ObjectNode one = paths.putObject("/api/" + type.pluralName() + "/{documentId}");
        one.putArray("parameters").add(NODES.objectNode().put("name", "documentId").put("in", "path").put("required", true)
                .set("schema", NODES.objectNode().put("type", "string")));
        one.set("get", operation("get" + name, "Returns one " + type.singularName(), type, OpenApiParameters.ENTRY)
                .set("responses", responses("200", name + "Response")));
        one.set("put", write(operation("update" + name, "Updates the given attributes of one " + type.singularName(), type,
                OpenApiParameters.ENTRY), name).set("responses", responses("200", name + "Response")));
        one.set("delete", operation("delete" + name, "Deletes one " + type.singularName(), type, List.of())
                .set("responses", responses("204", null)));
    }

    private static void addSinglePath(ObjectNode paths, ContentTypeView type) {
        String name = OpenApiSchemas.schemaName(type);
        ObjectNode single = paths.putObject("/api/" + type.singularName());
        single.set("get", operation("get" + name, "Returns the " + type.singularName(), type, OpenApiParameters.ENTRY)
                .set("responses", responses("200", name + "Response")));
        single.set("put", write(operation("put" + name, "Creates or updates the " + type.singularName(), type,
                OpenApiParameters.ENTRY), name).set("responses", responses("200", name + "Response")));
        single.set("delete", operation("delete" + name, "Deletes the " + type.singularName(), type, List.of())
                .set("responses", responses("204", null)));
    }

    private static ObjectNode operation(String id, String summary, ContentTypeView type, List<String> parameters) {
        ObjectNode operation = NODES.objectNode().put("operationId", id).put("summary", summary);
        operation.putArray("tags").add(type.displayName());
        ArrayNode refs = operation.putArray("parameters");
        parameters.forEach(parameter -> refs.add(NODES.objectNode().put("$ref", "#/components/parameters/" + parameter)));
        return operation;
    }

    private static ObjectNode write(ObjectNode operation, String name) {
        operation.putObject("requestBody").put("required", true).set("content", json(OpenApiSchemas.ref(name + "Request")));
        return operation;
    }

    private static ObjectNode responses(String status, String schema) {
        ObjectNode responses = NODES.objectNode();
        ObjectNode success = responses.putObject(status).put("description", status.equals("204") ? "No Content" : "Success");
        if (schema != null) {
            success.set("content", json(OpenApiSchemas.ref(schema)));
        }
        for (String error : new String[] {"400", "401", "403", "404"}) {
            responses.set(error, NODES.objectNode().put("$ref", "#/components/responses/Error"));
        }
        return responses;
    }

    private static ObjectNode json(ObjectNode schema) {
        ObjectNode content = NODES.objectNode();
        content.putObject("application/json").set("schema", schema);
        return content;
    }
}
