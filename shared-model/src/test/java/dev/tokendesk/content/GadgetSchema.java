package dev.tokendesk.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small Strapi project whose gadget type uses every attribute type and rule. */
final class GadgetSchema {

    static final String GADGET = "api::gadget.gadget";
    static final String MAKER = "api::maker.maker";

    private static final String GADGET_SCHEMA = """
            {"kind": "collectionType",
             "info": {"singularName": "gadget", "pluralName": "gadgets", "displayName": "Gadget"},
             "options": {"draftAndPublish": false},
             "attributes": {
               "name": {"type": "string", "required": true, "minLength": 3, "maxLength": 10},
               "code": {"type": "string", "unique": true, "regex": "^[A-Z]{3}$"},
               "slug": {"type": "uid"},
               "contact": {"type": "email"},
               "size": {"type": "enumeration", "enum": ["small", "large"]},
               "count": {"type": "integer", "min": 0, "max": 100},
               "serial": {"type": "biginteger"},
               "price": {"type": "decimal", "min": 0},
               "weight": {"type": "float"},
               "active": {"type": "boolean", "default": true},
               "releasedOn": {"type": "date"},
               "releasedAt": {"type": "datetime"},
               "opensAt": {"type": "time"},
               "specs": {"type": "json"},
               "secret": {"type": "password", "minLength": 6},
               "notes": {"type": "text", "private": true},
               "description": {"type": "richtext"},
               "body": {"type": "blocks"},
               "maker": {"type": "relation", "relation": "manyToOne", "target": "api::maker.maker"},
               "owner": {"type": "relation", "relation": "manyToOne", "target": "plugin::users-permissions.user"},
               "related": {"type": "relation", "relation": "manyToMany", "target": "api::maker.maker"},
               "part": {"type": "component", "component": "parts.part"},
               "parts": {"type": "component", "component": "parts.part", "repeatable": true},
               "sections": {"type": "dynamiczone", "components": ["parts.part"]},
               "photo": {"type": "media", "multiple": false},
               "gallery": {"type": "media", "multiple": true},
               "editor": {"type": "customField", "customField": "plugin::ckeditor.CKEditor"}
             }}
            """;

    private static final String MAKER_SCHEMA = """
            {"kind": "collectionType",
             "info": {"singularName": "maker", "pluralName": "makers"},
             "attributes": {"name": {"type": "string", "required": true, "unique": true}}}
            """;

    private static final String HOME_SCHEMA = """
            {"kind": "singleType",
             "info": {"singularName": "home", "pluralName": "homes"},
             "attributes": {"title": {"type": "string"}}}
            """;

    private static final String PART_COMPONENT = """
            {"info": {"displayName": "part"},
             "attributes": {"label": {"type": "string", "required": true}, "quantity": {"type": "integer"}}}
            """;

    private GadgetSchema() {
    }

    /** Writes the project into {@code folder} and returns it. */
    static Path write(Path folder) {
        try {
            write(folder.resolve("api/gadget/content-types/gadget/schema.json"), GADGET_SCHEMA);
            write(folder.resolve("api/maker/content-types/maker/schema.json"), MAKER_SCHEMA);
            write(folder.resolve("api/home/content-types/home/schema.json"), HOME_SCHEMA);
            write(folder.resolve("components/parts/part.json"), PART_COMPONENT);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
