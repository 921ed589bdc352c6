package dev.tokendesk.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.AttributeType;
import dev.tokendesk.content.ContentTypeView;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the component schemas of one content type: {@code <Name>} for entries as the API returns
 * them, {@code <Name>Input} for the attributes a write accepts, and the request and response
 * envelopes around them. Relations refer to the target's entry schema, so populated relations are
 * described. The schemas do not require relations, because they are absent unless populated.
 */
final class OpenApiSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiSchemas() {
    }

    /** Returns the schema name for a type, such as {@code RestaurantPage} for {@code restaurant-page}. */
    static String schemaName(ContentTypeView type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.singularName().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.isEmpty() ? "Entry" : name.toString();
    }

    /** Adds the schemas of {@code type} to {@code schemas}; {@code names} maps every content type uid to its schema name. */
    static void add(ObjectNode schemas, ContentTypeView type, Map<String, String> names) {
        String name = schemaName(type);
        schemas.set(name, entry(type, names));
        schemas.set(name + "Input", input(type));
        schemas.set(name + "Request", object().set("properties", NODES.objectNode().set("data", ref(name + "Input"))));
        ((ObjectNode) schemas.get(name + "Request")).set("required", NODES.arrayNode().add("data"));
        schemas.set(name + "Response", object().set("properties", NODES.objectNode()
                .<ObjectNode>set("data", ref(name))
                .set("meta", object())));
        schemas.set(name + "ListResponse", object().set("properties", NODES.objectNode()
                .<ObjectNode>set("data", NODES.objectNode().put("type", "array").set("items", ref(name)))
                .set("meta", object().set("properties", NODES.objectNode().set("pagination", ref("Pagination"))))));
    }

    /** Adds the schemas that every type shares: pagination meta and the error body. */
    static void addShared(ObjectNode schemas) {
        ObjectNode pagination = object();
        ObjectNode properties = pagination.putObject("properties");
        for (String field : new String[] {"page", "pageSize", "pageCount", "start", "limit", "total"}) {
            properties.set(field, NODES.objectNode().put("type", "integer"));
        }
        schemas.set("Pagination", pagination);

        ObjectNode error = object();
        error.putObject("properties").<ObjectNode>set("data", NODES.objectNode().put("nullable", true))
                .set("error", object().set("properties", NODES.objectNode()
                        .<ObjectNode>set("status", NODES.objectNode().put("type", "integer"))
                        .<ObjectNode>set("name", NODES.objectNode().put("type", "string"))
                        .<ObjectNode>set("message", NODES.objectNode().put("type", "string"))
                        .set("details", object())));
        schemas.set("Error", error);
    }

    private static ObjectNode entry(ContentTypeView type, Map<String, String> names) {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        properties.set("id", NODES.objectNode().put("type", "integer").put("format", "int64"));
        properties.set("documentId", NODES.objectNode().put("type", "string"));
        for (Attribute attribute : type.attributes()) {
            if (attribute.isReturned()) {
                properties.set(attribute.name(), attribute.type() == AttributeType.RELATION
                        ? relation(attribute, names) : value(attribute).put("nullable", true));
            }
        }
        for (String timestamp : new String[] {"createdAt", "updatedAt", "publishedAt"}) {
            properties.set(timestamp, NODES.objectNode().put("type", "string").put("format", "date-time").put("nullable", true));
        }
        schema.set("required", NODES.arrayNode().add("id").add("documentId"));
        return schema;
    }

    private static ObjectNode input(ContentTypeView type) {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Attribute attribute : type.attributes()) {
            if (attribute.isInverse()) {
                // The owning side stores the links, and writes to the inverse side are rejected.
                continue;
            }
            ObjectNode property = attribute.type() == AttributeType.RELATION ? reference(attribute) : value(attribute);
            properties.set(attribute.name(), property);
            if (attribute.required()) {
                required.add(attribute.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode relation(Attribute attribute, Map<String, String> names) {
        String target = names.get(attribute.target());
        ObjectNode one = target == null ? object() : ref(target);
        if (attribute.relation().toMany()) {
            return NODES.objectNode().put("type", "array").set("items", one);
        }
        // A $ref cannot carry nullable in OpenAPI 3.0, so the nullable reference is wrapped in allOf.
        ObjectNode nullable = NODES.objectNode().put("nullable", true);
        nullable.putArray("allOf").add(one);
        return nullable;
    }

    /**
     * Describes how a write names relation targets: an id, a documentId or an object with one of
     * them, a list of those for a to-many relation, or an object of set, connect and disconnect lists.
     */
    private static ObjectNode reference(Attribute attribute) {
        ObjectNode target = object().put("additionalProperties", false);
        target.putObject("properties")
                .<ObjectNode>set("id", NODES.objectNode().put("type", "integer"))
                .<ObjectNode>set("documentId", NODES.objectNode().put("type", "string"))
                .set("position", object());
        ObjectNode one = NODES.objectNode();
        one.putArray("oneOf").add(NODES.objectNode().put("type", "integer")).add(NODES.objectNode().put("type", "string")).add(target);
        ObjectNode list = NODES.objectNode().put("type", "array").set("items", one);

        ObjectNode edits = object().put("additionalProperties", false);
        edits.putObject("properties").<ObjectNode>set("set", list).<ObjectNode>set("connect", list).set("disconnect", list);
        ObjectNode plain = attribute.relation().toMany() ? list : one.deepCopy().put("nullable", true);
        ObjectNode reference = NODES.objectNode();
        reference.putArray("oneOf").add(plain).add(edits);
        return reference;
    }

    private static ObjectNode value(Attribute attribute) {
        ObjectNode schema = NODES.objectNode();
        switch (attribute.type()) {
            case STRING, TEXT, RICHTEXT, UID, CUSTOM_FIELD -> schema.put("type", "string");
            case EMAIL -> schema.put("type", "string").put("format", "email");
            case PASSWORD -> schema.put("type", "string").put("format", "password").put("writeOnly", true);
            case ENUMERATION -> {
                schema.put("type", "string");
                ArrayNode values = schema.putArray("enum");
                attribute.enumValues().forEach(values::add);
            }
            case INTEGER -> schema.put("type", "integer").put("format", "int32");
            case BIGINTEGER -> schema.putArray("oneOf").add(NODES.objectNode().put("type", "integer").put("format", "int64"))
                    .add(NODES.objectNode().put("type", "string").put("pattern", "^-?[0-9]+$"));
            case DECIMAL, FLOAT -> schema.put("type", "number");
            case BOOLEAN -> schema.put("type", "boolean");
            case DATE -> schema.put("type", "string").put("format", "date");
            case DATETIME -> schema.put("type", "string").put("format", "date-time");
            case TIME -> schema.put("type", "string").put("pattern", "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?$");
            case COMPONENT -> {
                if (attribute.repeatable()) {
                    schema.put("type", "array").set("items", object());
                } else {
                    schema.put("type", "object");
                }
            }
            case DYNAMICZONE, BLOCKS -> schema.put("type", "array").set("items", object());
            case MEDIA -> {
                if (attribute.multiple()) {
                    schema.put("type", "array").set("items", object());
                } else {
                    schema.put("type", "object");
                }
            }
            default -> {
                // json: any JSON value, which the empty schema allows.
            }
        }
        if (attribute.minLength() != null) {
            schema.put("minLength", attribute.minLength());
        }
        if (attribute.maxLength() != null) {
            schema.put("maxLength", attribute.maxLength());
        }
        if (attribute.type().isNumeric() && attribute.type() != AttributeType.BIGINTEGER) {
            if (attribute.min() != null) {
                schema.put("minimum", attribute.min());
            }
            if (attribute.max() != null) {
                schema.put("maximum", attribute.max());
            }
        }
        return schema;
    }

    private static ObjectNode object() {
        return NODES.objectNode().put("type", "object");
    }

    static ObjectNode ref(String schema) {
        return NODES.objectNode().put("$ref", "#/components/schemas/" + schema);
    }
}
