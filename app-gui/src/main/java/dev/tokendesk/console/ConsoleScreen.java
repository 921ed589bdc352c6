package dev.tokendesk.console;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One screen of the console as the shell shows it: its sidebar button and what the common
 * shortcuts do on it. Immutable.
 *
 * @param buttonId id of the sidebar button, also the key under which the last screen is remembered
 * @param view the screen's root node
 * @param refresh what F5 and Ctrl+R do on this screen; does nothing for screens without a refresh
 * @param searchSelector CSS selector of the field Ctrl+F focuses, or {@code null} when the screen has none
 */
record ConsoleScreen(String title, String buttonId, Ikon icon, Node view, Runnable refresh, String searchSelector) {

    /** Creates a screen without refresh or search field. */
    static ConsoleScreen plain(String title, String buttonId, Ikon icon, Node view) {
        return new ConsoleScreen(title, buttonId, icon, view, () -> { }, null);
    }
}
