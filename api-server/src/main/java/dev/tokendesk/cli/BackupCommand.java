package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code backup FILE}: an online backup of the database and both keys to one file, safe while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write the H2 database and the token and JWT keys to one ZIP file, while the console or server may keep running. "
                + "The file contains the keys in clear text: store it like a password.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    TokenDeskCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk;

    @Parameters(index = "0", paramLabel = "FILE", description = "Backup file to create; it must not exist.")
    Path file;

    @Override
    public Integer call() {
        try (TokenDesk opened = desk.open(cli.env())) {
            opened.backups().backup(file);
        }
        spec.commandLine().getErr().println("Wrote the backup " + file.toAbsolutePath().normalize());
        return 0;
    }
}
