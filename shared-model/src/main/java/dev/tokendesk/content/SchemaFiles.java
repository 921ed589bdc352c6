package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the schema files of a Strapi project's {@code src} folder, or classifies one file, and
 * derives each uid from where the file sits, as Strapi does.
 */
final class SchemaFiles {

    /** One schema file to import; {@code label} names it in messages, relative to the imported folder. */
    record SchemaFile(Path path, String label, boolean component, String uid, String category) {
    }

    private SchemaFiles() {
    }

    /**
     * Lists the content type and component files under {@code folder}, which is a project's
     * {@code src} folder or the project folder that contains it, in a stable order.
     */
    static List<SchemaFile> inFolder(Path folder) {
        Path root = Files.isDirectory(folder.resolve("src")) && !Files.isDirectory(folder.resolve("api"))
                ? folder.resolve("src") : folder;
        List<SchemaFile> files = new ArrayList<>();
        for (Path file : jsonFiles(root)) {
            String label = root.relativize(file).toString().replace('\\', '/');
            String[] parts = label.split("/");
            contentTypeUid(parts).ifPresent(uid -> files.add(new SchemaFile(file, label, false, uid, null)));
            if (parts.length == 3 && parts[0].equals("components")) {
                String name = stripJson(parts[2]);
                files.add(new SchemaFile(file, label, true, parts[1] + "." + name, parts[1]));
            }
        }
        return files;
    }

    /**
     * Classifies a single file: by its place in a Strapi layout when it has one, otherwise as a
     * content type named after {@code info.singularName} when it declares a {@code kind}, and as a
     * component of the folder it sits in when it does not.
     */
    static SchemaFile single(Path file, JsonNode root) {
        String label = file.toString();
        List<String> names = new ArrayList<>();
        file.toAbsolutePath().normalize().forEach(part -> names.add(part.toString()));
        String[] tail = names.subList(Math.max(0, names.size() - 5), names.size()).toArray(String[]::new);
        Optional<String> layoutUid = contentTypeUid(tail);
        if (layoutUid.isPresent()) {
            return new SchemaFile(file, label, false, layoutUid.get(), null);
        }
        if (root.has("kind")) {
            String singular = root.path("info").path("singularName").asText("");
            return new SchemaFile(file, label, false, "api::" + singular + "." + singular, null);
        }
        String category = file.toAbsolutePath().getParent().getFileName().toString();
        return new SchemaFile(file, label, true, category + "." + stripJson(file.getFileName().toString()), category);
    }

    /** Derives {@code api::<api>.<type>} or {@code plugin::<plugin>.<type>} from the last five path parts. */
    private static Optional<String> contentTypeUid(String[] parts) {
        int n = parts.length;
        if (n < 5 || !parts[n - 1].equals("schema.json") || !parts[n - 3].equals("content-types")) {
            return Optional.empty();
        }
        return switch (parts[n - 5]) {
            case "api" -> Optional.of("api::" + parts[n - 4] + "." + parts[n - 2]);
            case "extensions" -> Optional.of("plugin::" + parts[n - 4] + "." + parts[n - 2]);
            default -> Optional.empty();
        };
    }

    private static List<Path> jsonFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root, 6)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the schema files in " + root, e);
        }
    }

    private static String stripJson(String fileName) {
        return fileName.substring(0, fileName.length() - ".json".length());
    }
}
