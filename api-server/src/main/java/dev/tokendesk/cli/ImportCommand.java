package dev.tokendesk.cli;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.ImportReport;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code import}: content types from Strapi schemas, and entries from JSON files. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import content types and entries.",
        subcommands = {ImportCommand.Schemas.class, ImportCommand.Data.class})
final class ImportCommand {

    @ParentCommand
    TokenDeskCli cli;

    /** {@code import schemas PATH}. */
    @Command(name = "schemas", mixinStandardHelpOptions = true,
            description = "Import content types from a Strapi schema.json file or a Strapi project's src/ folder (api, components, extensions).")
    static final class Schemas implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "PATH", description = "A schema.json file or a folder.")
        Path path;

        @Override
        public Integer call() {
            if (!Files.exists(path)) {
                throw new ParameterException(spec.commandLine(), "PATH: " + path + " does not exist");
            }
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                ImportReport report = opened.content().importSchemas(path);
                PrintWriter err = spec.commandLine().getErr();
                err.println("Imported " + report.typeCount() + " content type(s) and " + report.componentCount() + " component(s) from " + path);
                printGroup(err, "created", report.typesCreated(), report.componentsCreated());
                printGroup(err, "updated", report.typesUpdated(), report.componentsUpdated());
                printGroup(err, "unchanged", report.typesUnchanged(), report.componentsUnchanged());
            }
            return 0;
        }
    }

    private static void printGroup(PrintWriter err, String label, List<String> types, List<String> components) {
        if (!types.isEmpty()) {
            err.println("  types " + label + ": " + String.join(", ", types));
        }
        if (!components.isEmpty()) {
            err.println("  components " + label + ": " + String.join(", ", components));
        }
    }

    /** {@code import data TYPE FILE}. */
    @Command(name = "data", mixinStandardHelpOptions = true,
            description = "Import entries from a file holding a JSON array of objects into a collection type. All entries are stored, or none.")
    static final class Data implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "TYPE", description = "Content type: uid, singular or plural name.")
        String type;

        @Parameters(index = "1", paramLabel = "FILE", description = "JSON file with an array of entries.")
        Path file;

        @Option(names = "--skip-unknown-keys", description = "Ignore keys that are not attributes of the type instead of failing.")
        boolean skipUnknownKeys;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "FILE: " + file + " does not exist or is not a file");
            }
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                ContentTypeView contentType = opened.content().findType(type)
                        .orElseThrow(() -> new NotFoundException("Content type", type));
                if (contentType.pluginManaged()) {
                    throw new ParameterException(spec.commandLine(), "TYPE: " + contentType.uid()
                            + " is managed by a plugin and has no entries to import; create users with 'user create'");
                }
                int count = opened.content().importEntries(contentType.uid(), file, skipUnknownKeys);
                spec.commandLine().getErr().println("Imported " + count + " entries into " + type);
                spec.commandLine().getOut().println(count);
            }
            return 0;
        }
    }
}
