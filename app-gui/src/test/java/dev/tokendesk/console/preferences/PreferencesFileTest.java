package dev.tokendesk.console.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.console.preferences.ConsolePreferences.WindowBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesFileTest {

    @TempDir
    Path dataDir;

    @Test
    void missingFileGivesDefaults() {
        assertThat(PreferencesFile.load(dataDir)).isEqualTo(ConsolePreferences.DEFAULTS);
    }

    @Test
    void savedPreferencesReadBack() throws IOException {
        ConsolePreferences saved = new ConsolePreferences(true, new WindowBounds(40, 30.5, 1100, 700, false), "navSettings");

        PreferencesFile.save(dataDir, saved);

        assertThat(PreferencesFile.load(dataDir)).isEqualTo(saved);
        assertThat(dataDir.resolve(PreferencesFile.FILE_NAME)).isRegularFile();
    }

    @Test
    void invalidBoundsFallBackToDefaultWindow() throws IOException {
        Files.writeString(dataDir.resolve(PreferencesFile.FILE_NAME),
                "theme.dark=true\nwindow.x=10\nwindow.y=10\nwindow.width=wide\nwindow.height=700\n");

        ConsolePreferences loaded = PreferencesFile.load(dataDir);

        assertThat(loaded.darkMode()).isTrue();
        assertThat(loaded.window()).isNull();
    }

    @Test
    void negativeSizeIsIgnored() throws IOException {
        Files.writeString(dataDir.resolve(PreferencesFile.FILE_NAME), "window.x=0\nwindow.y=0\nwindow.width=-5\nwindow.height=700\n");

        assertThat(PreferencesFile.load(dataDir).window()).isNull();
    }

    @Test
    void malformedFileGivesDefaults() throws IOException {
        // A lone backslash-u escape makes Properties.load throw IllegalArgumentException.
        Files.writeString(dataDir.resolve(PreferencesFile.FILE_NAME), "theme.dark=\\uZZZZ\n");

        assertThat(PreferencesFile.load(dataDir)).isEqualTo(ConsolePreferences.DEFAULTS);
    }
}
