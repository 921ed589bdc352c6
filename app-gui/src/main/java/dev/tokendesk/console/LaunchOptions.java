package dev.tokendesk.console;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Options the console window accepts: {@code --data-dir DIR}, {@code --port N} and
 * {@code --bind ADDRESS}, each also as {@code --name=value}. Immutable.
 *
 * @param dataDir value of {@code --data-dir}, or {@code null} for the environment or the default
 * @param overrides {@code port} and {@code bind} values for the config resolver
 */
record LaunchOptions(Path dataDir, Map<String, String> overrides) {

    LaunchOptions {
        overrides = Map.copyOf(overrides);
    }

    /** Returns whether {@code args} start with a command-line sub-command rather than an option. */
    static boolean startsWithSubcommand(String... args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /**
     * Parses the window's options.
     *
     * @throws IllegalArgumentException naming the option when one is unknown or lacks its value
     */
    static LaunchOptions parse(List<String> args) {
        Path dataDir = null;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--port" -> overrides.put("port", value);
                case "--bind" -> overrides.put("bind", value);
                default -> throw new IllegalArgumentException("Unknown option " + name
                        + ": the console window accepts --data-dir DIR, --port N and --bind ADDRESS");
            }
        }
        return new LaunchOptions(dataDir, overrides);
    }
}
