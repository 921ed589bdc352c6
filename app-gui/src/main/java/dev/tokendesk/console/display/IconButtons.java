package dev.tokendesk.console.display;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Builds buttons that show a Feather icon, with a tooltip that names the action. Use on the
 * JavaFX application thread.
 */
public final class IconButtons {

    private static final Duration TOOLTIP_DELAY = Duration.millis(400);

    private IconButtons() {
    }

    /** Creates an icon for a label or button, sized to the text around it. */
    public static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("console-icon");
        return icon;
    }

    /** Creates a button with {@code ikon} and {@code text}; the tooltip repeats the action and its shortcut, if any. */
    public static Button button(Ikon ikon, String text, String tooltip) {
        Button button = new Button(text, icon(ikon));
        addTooltip(button, tooltip);
        return button;
    }

    /** Creates a button that shows only {@code ikon}; {@code tooltip} is the only place its action is named. */
    public static Button iconOnly(Ikon ikon, String tooltip) {
        Button button = new Button(null, icon(ikon));
        button.getStyleClass().add(atlantafx.base.theme.Styles.BUTTON_ICON);
        addTooltip(button, tooltip);
        button.setAccessibleText(tooltip);
        return button;
    }

    /** Creates a toggle button with {@code ikon} and {@code text}. */
    public static ToggleButton toggle(Ikon ikon, String text, String tooltip) {
        ToggleButton button = new ToggleButton(text, icon(ikon));
        addTooltip(button, tooltip);
        return button;
    }

    /** Sets a tooltip that appears after a short hover. */
    public static void addTooltip(ButtonBase button, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(TOOLTIP_DELAY);
        button.setTooltip(tooltip);
    }
}
