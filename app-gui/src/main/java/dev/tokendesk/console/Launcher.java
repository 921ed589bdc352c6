package dev.tokendesk.console;

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
        if (LaunchOptions.startsWithSubcommand(args)) {
            // TODO: delegate to dev.tokendesk.cli.TokenDeskCli once it exists; until then sub-commands are rejected.
            System.err.println("tokendesk: the command line (" + args[0] + ") is not available in this build yet. "
                    + "Start without arguments, or with --data-dir, --port or --bind, to open the console.");
            System.exit(2);
            return;
        }
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("tokendesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        Application.launch(ConsoleApp.class, args);
    }
}
