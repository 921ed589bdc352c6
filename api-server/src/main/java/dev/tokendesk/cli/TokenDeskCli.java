package dev.tokendesk.cli;

import dev.tokendesk.TokenDeskException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.config.InvalidConfigException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code serve}, {@code user}, {@code token}, {@code role},
 * {@code import}, {@code audit}, {@code migrate}, {@code backup} and {@code restore}. Standard output carries only what a script needs (for example the token of
 * {@code token create}); messages and errors go to standard error.
 *
 * <p>Exit codes: 0 success, 1 the operation failed (not found, conflict, database error), 2 the
 * arguments are wrong, including values that the services reject as invalid.
 */
@Command(name = "tokendesk",
        mixinStandardHelpOptions = true,
        version = "TokenDesk 0.1.0",
        description = "Local admin console and API server for API tokens. Run without a command to open the console.")
public final class TokenDeskCli {

    /**
     * The sub-commands, in the order the help lists them. Picocli reads the annotations of a
     * command and of its own sub-commands when the command is added, so a run adds only the one it
     * names, which shortens every start, the server's included.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static final int FAILURE = 1;
    private static final int USAGE_ERROR = 2;

    private final InputStream in;
    private final Map<String, String> env;

    TokenDeskCli(InputStream in, Map<String, String> env) {
        this.in = in;
        this.env = env;
    }

    /** Runs the command line with the process's streams and environment; returns the exit code. */
    public static int run(String... args) {
        return run(System.in, System.out, System.err, System.getenv(), args);
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    public static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        CommandLine commandLine = new CommandLine(new TokenDeskCli(in, env));
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            // Help, a version request or a mistake: picocli lists, or suggests, every sub-command.
            SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            PrintWriter errors = failed.getErr();
            if (exception instanceof ValidationException invalid) {
                errors.println("Error: " + invalid.getMessage());
                if (invalid.errors().size() > 1) {
                    invalid.errors().forEach(field -> errors.println("  " + field.path() + ": " + field.message()));
                }
                errors.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the accepted values.");
                return USAGE_ERROR;
            }
            if (exception instanceof InvalidConfigException) {
                errors.println("Error: " + exception.getMessage());
                return USAGE_ERROR;
            }
            if (exception instanceof TokenDeskException) {
                errors.println("Error: " + exception.getMessage());
            } else {
                errors.println("Error: " + exception);
            }
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("user", UserCommand::new);
        commands.put("token", TokenCommand::new);
        commands.put("role", RoleCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("audit", AuditCommand::new);
        commands.put("migrate", MigrateCommand::new);
        commands.put("backup", BackupCommand::new);
        commands.put("restore", RestoreCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    InputStream in() {
        return in;
    }

    Map<String, String> env() {
        return env;
    }

    /** Returns whether {@code firstArgument} names a sub-command or a help or version option of this command line. */
    public static boolean handles(String firstArgument) {
        return SUBCOMMANDS.containsKey(firstArgument)
                || firstArgument.equals("--help") || firstArgument.equals("-h")
                || firstArgument.equals("--version") || firstArgument.equals("-V");
    }

    /** Entry point of the headless jar and of {@code java -cp … dev.tokendesk.cli.TokenDeskCli}. */
    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(exitCode);
        }
    }
}
