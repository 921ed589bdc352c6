package dev.tokendesk.cli;

import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.DataDirectory;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.db.DatabaseCopy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate}: copies the H2 installation of a data directory into an empty PostgreSQL database. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy users, roles, tokens, content, audit events and counters from the H2 database of a data directory "
                + "into an empty PostgreSQL database, then print the row count of every table.",
            "Stop every TokenDesk process on the data directory first. The password of the target comes from TOKENDESK_DB_PASSWORD. "
                + "Keep the key files of the data directory (or set TOKENDESK_TOKEN_KEY and TOKENDESK_JWT_SECRET) for the new instances."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    TokenDeskCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory with the H2 database to copy (default: TOKENDESK_DATA_DIR, else the per-user data directory).")
    Path dataDir;

    @Option(names = "--to-db-url", required = true, paramLabel = "JDBC_URL",
            description = "JDBC URL of the empty PostgreSQL database to copy into, such as jdbc:postgresql://127.0.0.1:5432/tokendesk.")
    String targetUrl;

    @Option(names = "--to-db-user", paramLabel = "USER", description = "User name for --to-db-url.")
    String targetUser;

    @Override
    public Integer call() {
        Map<String, String> env = cli.env();
        Path source = dataDir;
        if (source == null && env.get("TOKENDESK_DATA_DIR") != null && !env.get("TOKENDESK_DATA_DIR").isBlank()) {
            source = Path.of(env.get("TOKENDESK_DATA_DIR"));
        }
        if (source == null) {
            source = DataDirectory.defaultLocation();
        }
        String url = ConfigResolver.validDatabaseUrl(targetUrl.trim(), "option --to-db-url");
        TokenDeskConfig from = TokenDeskConfig.defaults(source);
        TokenDeskConfig to = from.withDatabase(url, targetUser, env.get("TOKENDESK_DB_PASSWORD"));

        List<DatabaseCopy.TableCount> counts = DatabaseCopy.copy(from, to);

        PrintWriter out = spec.commandLine().getOut();
        out.println("table\tsource\ttarget");
        counts.forEach(count -> out.println(count.table() + "\t" + count.source() + "\t" + count.target()));
        out.flush();
        spec.commandLine().getErr().println("Copied " + counts.size() + " tables from " + from.dataDir() + " into " + url
                + "; every row count matches.");
        return 0;
    }
}
