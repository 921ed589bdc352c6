package dev.tokendesk.cli;

import dev.tokendesk.backup.Restore;
import dev.tokendesk.config.TokenDeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restore FILE}: writes a backup into an empty data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a file written by 'backup' into an empty or new data directory. Stop the console and server first.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    TokenDeskCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk;

    @Parameters(index = "0", paramLabel = "FILE", description = "Backup file written by 'backup'.")
    Path file;

    @Option(names = "--force",
            description = "Restore into a data directory that is not empty, after moving its files into a replaced-<time> subdirectory.")
    boolean force;

    @Override
    public Integer call() {
        TokenDeskConfig config = desk.resolve(cli.env(), Map.of());
        if (!config.usesEmbeddedDatabase()) {
            throw new ParameterException(spec.commandLine(),
                    "restore writes the embedded H2 database; --db-url is not supported (restore PostgreSQL with pg_restore or psql)");
        }

        Path replaced = Restore.restore(file, config.dataDir(), force, Clock.systemUTC());

        if (replaced != null) {
            spec.commandLine().getErr().println("Moved the previous contents of " + config.dataDir() + " to " + replaced);
        }
        spec.commandLine().getErr().println("Restored " + file + " into " + config.dataDir());
        return 0;
    }
}
