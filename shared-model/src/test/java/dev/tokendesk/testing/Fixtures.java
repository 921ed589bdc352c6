package dev.tokendesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies the Strapi fixture folders under {@code fixtures/} on the test class path into a
 * folder, so tests in other modules can use them from this module's test jar as well.
 */
public final class Fixtures {

    /** The FoodAdvisor demo project's {@code src} folder: content types and components. */
    public static final String FOOD_ADVISOR = "foodadvisor";
    /** The world-countries data set: {@code countries.json} and the {@code country} content type under {@code api}. */
    public static final String WORLD_COUNTRIES = "world-countries";

    private Fixtures() {
    }

    /** Copies fixture {@code name} into {@code target}, which is created, and returns {@code target}. */
    public static Path copy(String name, Path target) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("Test resource fixtures/" + name + " is not on the class path");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = openJar(uri)) {
                    copyTree(jar.getPath("/fixtures/" + name), target);
                }
            } else {
                copyTree(Path.of(uri), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IllegalStateException("The test jar is already open elsewhere: " + uri, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(path, destination);
            }
        }
    }
}
