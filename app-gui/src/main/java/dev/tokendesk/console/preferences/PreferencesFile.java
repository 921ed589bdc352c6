package dev.tokendesk.console.preferences;

import dev.tokendesk.console.preferences.ConsolePreferences.WindowBounds;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link ConsolePreferences} as {@code console.properties} in the data
 * directory, next to the database, so each data directory keeps its own window layout.
 * Stateless and thread-safe.
 */
public final class PreferencesFile {

    /** Name of the file in the data directory. */
    public static final String FILE_NAME = "console.properties";

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesFile.class);
    private static final String DARK_MODE = "theme.dark";
    private static final String LAST_SCREEN = "screen.last";
    private static final String WINDOW_X = "window.x";
    private static final String WINDOW_Y = "window.y";
    private static final String WINDOW_WIDTH = "window.width";
    private static final String WINDOW_HEIGHT = "window.height";
    private static final String WINDOW_MAXIMIZED = "window.maximized";

    private PreferencesFile() {
    }

    /**
     * Reads the preferences of {@code dataDir}. A missing file gives the defaults. An unreadable
     * file or value is logged and replaced by its default, so a lost layout never stops the
     * console from opening.
     */
    public static ConsolePreferences load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return ConsolePreferences.DEFAULTS;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read {}; using the default window layout: {}", file, e.getMessage());
            return ConsolePreferences.DEFAULTS;
        }

        boolean dark = Boolean.parseBoolean(properties.getProperty(DARK_MODE, "false"));
        String lastScreen = properties.getProperty(LAST_SCREEN);
        return new ConsolePreferences(dark, window(properties, file), lastScreen == null || lastScreen.isBlank() ? null : lastScreen);
    }

    private static WindowBounds window(Properties properties, Path file) {
        String width = properties.getProperty(WINDOW_WIDTH);
        if (width == null) {
            return null;
        }
        try {
            WindowBounds bounds = new WindowBounds(Double.parseDouble(properties.getProperty(WINDOW_X, "NaN")),
                    Double.parseDouble(properties.getProperty(WINDOW_Y, "NaN")), Double.parseDouble(width),
                    Double.parseDouble(properties.getProperty(WINDOW_HEIGHT, "NaN")),
                    Boolean.parseBoolean(properties.getProperty(WINDOW_MAXIMIZED, "false")));
            boolean finite = Double.isFinite(bounds.x()) && Double.isFinite(bounds.y())
                    && Double.isFinite(bounds.width()) && Double.isFinite(bounds.height());
            return finite && bounds.width() > 0 && bounds.height() > 0 ? bounds : null;
        } catch (NumberFormatException e) {
            LOG.warn("Invalid window bounds in {}; using the default size: {}", file, e.getMessage());
            return null;
        }
    }

    /**
     * Writes {@code preferences} to the data directory, replacing the file in one move.
     *
     * @throws IOException when the file cannot be written
     */
    public static void save(Path dataDir, ConsolePreferences preferences) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(DARK_MODE, Boolean.toString(preferences.darkMode()));
        if (preferences.lastScreen() != null) {
            properties.setProperty(LAST_SCREEN, preferences.lastScreen());
        }
        WindowBounds window = preferences.window();
        if (window != null) {
            properties.setProperty(WINDOW_X, Double.toString(window.x()));
            properties.setProperty(WINDOW_Y, Double.toString(window.y()));
            properties.setProperty(WINDOW_WIDTH, Double.toString(window.width()));
            properties.setProperty(WINDOW_HEIGHT, Double.toString(window.height()));
            properties.setProperty(WINDOW_MAXIMIZED, Boolean.toString(window.maximized()));
        }

        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "TokenDesk console layout, written when the window closes");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
