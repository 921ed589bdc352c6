package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.audit.Actor;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.config.DataDirectory;
import dev.tokendesk.config.TokenDeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that every command takes to find the installation: the data directory and an optional external database. */
final class DeskOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory with the database and key files (default: TOKENDESK_DATA_DIR, else the per-user data directory).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "JDBC URL of a PostgreSQL database to use instead of the H2 file; the password comes from TOKENDESK_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User name for --db-url.")
    String dbUser;

    TokenDeskConfig resolve(Map<String, String> env, Map<String, String> extraOptions) {
        Map<String, String> options = new HashMap<>(extraOptions);
        if (dbUrl != null) {
            options.put("db.url", dbUrl);
        }
        if (dbUser != null) {
            options.put("db.user", dbUser);
        }
        return new ConfigResolver(env, DataDirectory::defaultLocation).resolve(dataDir, options);
    }

    TokenDesk open(Map<String, String> env) {
        return TokenDesk.open(resolve(env, Map.of()), Clock.systemUTC(), env, Actor.CLI);
    }
}
