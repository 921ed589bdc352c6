package dev.tokendesk.console;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options the console window accepts: {@code --data-dir DIR}, {@code --port N},
 * {@code --bind ADDRESS}, {@code --db-url JDBC_URL} and {@code --db-user USER}, each also as
 * {@code --name=value}, and the flag {@code --no-server}. The database password comes only from
 * {@code TOKENDESK_DB_PASSWORD}, never from an option. Immutable.
 *
 * @param dataDir value of {@code --data-dir}, or {@code null} for the environment or the default
 * @param overrides {@code port}, {@code bind}, {@code db.url} and {@code db.user} values for the config resolver
 * @param startServer whether the console starts its own API server; {@code false} with
 *     {@code --no-server}, for managing a deployment whose servers run elsewhere
 */
record LaunchOptions(Path dataDir, Map<String, String> overrides, boolean startServer) {

    LaunchOptions {
        overrides = Map.copyOf(overrides);
    }

    /** Returns whether {@code args} start with a command-line sub-command rather than an option. */
    /** The options that take a value; {@code --db-password} is among them only to reject it with its own message. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--data-dir", "--port", "--bind", "--db-url", "--db-user", "--db-password");

    static boolean startsWithSubcommand(String... args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /**
     * Parses the window's options.
     *
     * @throws IllegalArgumentException naming the option when one is unknown or lacks its value
     */
    private static IllegalArgumentException unknownOption(String name) {
        return new IllegalArgumentException("Unknown option " + name
                + ": the console window accepts --data-dir DIR, --port N, --bind ADDRESS, --db-url JDBC_URL, --db-user USER and --no-server");
    }

    static LaunchOptions parse(List<String> args) {
        Path dataDir = null;
        Map<String, String> overrides = new HashMap<>();
        boolean startServer = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--no-server")) {
                startServer = false;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!OPTIONS_WITH_VALUE.contains(name)) {
                throw unknownOption(name);
            }
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
                case "--db-url" -> overrides.put("db.url", value);
                case "--db-user" -> overrides.put("db.user", value);
                case "--db-password" -> throw new IllegalArgumentException(
                        "Option --db-password is not accepted because process listings would show it: set TOKENDESK_DB_PASSWORD instead");
                default -> throw unknownOption(name);
            }
        }
        return new LaunchOptions(dataDir, overrides, startServer);
    }
}
