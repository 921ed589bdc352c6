package dev.tokendesk.console.look;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The console's theme: AtlantaFX Primer in light or dark mode, applied to every window at once
 * through the user agent stylesheet. Use on the JavaFX application thread.
 */
public final class Appearance {

    private final BooleanProperty darkMode = new SimpleBooleanProperty();

    /** Creates the appearance with {@code dark} chosen and applies it. */
    public Appearance(boolean dark) {
        darkMode.set(dark);
        apply(dark);
        darkMode.addListener((observable, before, now) -> apply(now));
    }

    /** Returns the dark mode switch. Setting it restyles every open window. */
    public BooleanProperty darkModeProperty() {
        return darkMode;
    }

    /** Switches between light and dark mode. */
    public void toggle() {
        darkMode.set(!darkMode.get());
    }

    private static void apply(boolean dark) {
        String stylesheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
    }
}
