package dev.tokendesk.console;

import dev.tokendesk.cli.TokenDeskCli;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of {@code tokendesk.jar}: opens the console window, or runs a command-line
 * sub-command when the first argument is one.
 *
 * <p>It does not extend {@link Application}, so the shaded jar starts without the JavaFX launcher
 * checking for JavaFX modules on the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (LaunchOptions.startsWithSubcommand(args) || (args.length > 0 && TokenDeskCli.handles(args[0]))) {
            TokenDeskCli.main(args);
            return;
        }
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("tokendesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Application.launch(ConsoleApp.class, args);
        } catch (UnsupportedOperationException e) {
            // JavaFX raises this when it cannot open a display, for example over SSH without X forwarding.
            System.err.println("tokendesk: the console needs a display (" + e.getMessage() + "). "
                    + "Run 'tokendesk serve' for the API server alone, or start the console under xvfb-run.");
            System.exit(1);
        }
    }
}
