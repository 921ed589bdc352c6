package dev.tokendesk.console.testing;

import dev.tokendesk.TokenDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes minimal Strapi {@code schema.json} files and imports them into a real installation. */
public final class Schemas {

    private Schemas() {
    }

    /**
     * Imports a type {@code api::<singular>.<singular>} with one required string attribute
     * {@code name} and no draft and publish, so created entries are published at once.
     */
    public static void importType(TokenDesk desk, Path folder, String kind, String singular, String plural, String displayName) {
        Path file = folder.resolve("api").resolve(singular).resolve("content-types").resolve(singular).resolve("schema.json");
        String schema = """
                {
                  "kind": "%s",
                  "collectionName": "%s",
                  "info": {"singularName": "%s", "pluralName": "%s", "displayName": "%s"},
                  "options": {"draftAndPublish": false},
                  "attributes": {"name": {"type": "string", "required": true}}
                }
                """.formatted(kind, plural, singular, plural, displayName);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        desk.content().importSchemas(file);
    }
}
