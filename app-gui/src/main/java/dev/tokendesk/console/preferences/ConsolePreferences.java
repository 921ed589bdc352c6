package dev.tokendesk.console.preferences;

/**
 * Layout of the console when it was last closed: theme, window bounds and the screen shown.
 * Immutable.
 *
 * @param darkMode whether the dark theme is on
 * @param window window bounds, or {@code null} to use the default size, centred
 * @param lastScreen id of the sidebar button of the screen shown last, or {@code null} for the first screen
 */
public record ConsolePreferences(boolean darkMode, WindowBounds window, String lastScreen) {

    /** Preferences of a first start: light theme, default window, first screen. */
    public static final ConsolePreferences DEFAULTS = new ConsolePreferences(false, null, null);

    public ConsolePreferences withDarkMode(boolean newDarkMode) {
        return new ConsolePreferences(newDarkMode, window, lastScreen);
    }

    public ConsolePreferences withWindow(WindowBounds newWindow) {
        return new ConsolePreferences(darkMode, newWindow, lastScreen);
    }

    public ConsolePreferences withLastScreen(String newLastScreen) {
        return new ConsolePreferences(darkMode, window, newLastScreen);
    }

    /**
     * Position and size of the console window in screen pixels.
     *
     * @param maximized whether the window was maximized; the other values are then its size before
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
