package dev.tokendesk.config;

import dev.tokendesk.ValidationException;
import dev.tokendesk.token.IpAllowList;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Builds a {@link TokenDeskConfig} from four sources, each overriding the one before it:
 * built-in defaults, {@code tokendesk.properties} in the data directory, environment variables
 * ({@code TOKENDESK_PORT} and so on) and command-line options.
 *
 * <p>Keys are the same in the properties file and in the option map: {@code port}, {@code bind},
 * {@code db.url}, {@code db.user}, {@code jwt.lifetime}, {@code token.default-expiry},
 * {@code cors.origins} and {@code trusted.proxies} (both comma-separated). The database password comes only from
 * {@code TOKENDESK_DB_PASSWORD} or the properties file, never from the command line, so it
 * does not show up in process listings.
 */
public final class ConfigResolver {

    public static final String PROPERTIES_FILE = "tokendesk.properties";

    private static final Map<String, String> ENVIRONMENT_KEYS = Map.of(
            "port", "TOKENDESK_PORT",
            "bind", "TOKENDESK_BIND",
            "db.url", "TOKENDESK_DB_URL",
            "db.user", "TOKENDESK_DB_USER",
            "db.password", "TOKENDESK_DB_PASSWORD",
            "jwt.lifetime", "TOKENDESK_JWT_LIFETIME",
            "token.default-expiry", "TOKENDESK_TOKEN_DEFAULT_EXPIRY",
            "cors.origins", "TOKENDESK_CORS_ORIGINS",
            "trusted.proxies", "TOKENDESK_TRUSTED_PROXIES");

    private final Map<String, String> env;
    private final Supplier<Path> defaultDataDir;

    public ConfigResolver(Map<String, String> env, Supplier<Path> defaultDataDir) {
        this.env = Map.copyOf(env);
        this.defaultDataDir = defaultDataDir;
    }

    /** Creates a resolver that reads the process environment and the OS default data directory. */
    public static ConfigResolver fromSystem() {
        return new ConfigResolver(System.getenv(), DataDirectory::defaultLocation);
    }

    /**
     * Resolves the configuration.
     *
     * @param dataDirOption value of {@code --data-dir}, or {@code null}
     * @param options command-line options by key; absent keys fall through to the other sources
     * @throws InvalidConfigException when a value cannot be parsed; the message names the key, the source and the value
     */
    public TokenDeskConfig resolve(Path dataDirOption, Map<String, String> options) {
        Path dataDir = dataDirOption;
        if (dataDir == null && !isBlank(env.get("TOKENDESK_DATA_DIR"))) {
            dataDir = Path.of(env.get("TOKENDESK_DATA_DIR"));
        }
        if (dataDir == null) {
            dataDir = defaultDataDir.get();
        }

        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Path propertiesFile = dataDir.resolve(PROPERTIES_FILE);
        readProperties(propertiesFile).forEach((key, value) -> put(values, sources, key, value, propertiesFile.toString()));
        ENVIRONMENT_KEYS.forEach((key, variable) -> {
            String value = env.get(variable);
            if (!isBlank(value)) {
                put(values, sources, key, value, "environment variable " + variable);
            }
        });
        if (options.get("db.password") != null) {
            throw new InvalidConfigException("The database password cannot be given as an option because process listings would show it: "
                    + "set TOKENDESK_DB_PASSWORD instead");
        }
        options.forEach((key, value) -> {
            if (value != null) {
                put(values, sources, key, value, "option --" + key.replace('.', '-'));
            }
        });

        TokenDeskConfig config = TokenDeskConfig.defaults(dataDir);
        if (values.containsKey("port")) {
            config = config.withPort(parsePort(values.get("port"), sources.get("port")));
        }
        if (values.containsKey("bind")) {
            config = config.withBindAddress(values.get("bind").trim());
        }
        if (values.containsKey("db.url")) {
            String url = validDatabaseUrl(values.get("db.url").trim(), sources.get("db.url"));
            config = config.withDatabase(url, values.get("db.user"), values.get("db.password"));
        }
        if (values.containsKey("jwt.lifetime")) {
            config = config.withJwtLifetime(parseDuration(values.get("jwt.lifetime"), sources.get("jwt.lifetime")));
        }
        if (values.containsKey("token.default-expiry")) {
            config = config.withDefaultTokenExpiry(parseTokenExpiry(values.get("token.default-expiry"),
                    sources.get("token.default-expiry")));
        }
        if (values.containsKey("cors.origins")) {
            config = config.withCorsOrigins(parseOrigins(values.get("cors.origins")));
        }
        if (values.containsKey("trusted.proxies")) {
            config = config.withTrustedProxies(parseTrustedProxies(values.get("trusted.proxies"), sources.get("trusted.proxies")));
        }
        return config;
    }

    /**
     * Parses a duration such as {@code 30d}, {@code 12h}, {@code 45m} or an ISO-8601 value like {@code PT2H}.
     *
     * @throws InvalidConfigException when the value is none of these or not positive
     */
    public static Duration parseDuration(String value, String source) {
        String text = value.trim();
        try {
            Duration duration;
            if (text.startsWith("P") || text.startsWith("p")) {
                duration = Duration.parse(text);
            } else {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                duration = switch (text.charAt(text.length() - 1)) {
                    case 'd' -> Duration.ofDays(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 's' -> Duration.ofSeconds(amount);
                    default -> throw new NumberFormatException("unknown unit");
                };
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidConfigException("Invalid duration '" + value + "' in " + source + ": it must be positive");
            }
            return duration;
        } catch (RuntimeException e) {
            if (e instanceof InvalidConfigException invalid) {
                throw invalid;
            }
            throw new InvalidConfigException("Invalid duration '" + value + "' in " + source
                    + ": use a number with d, h, m or s (for example 30d) or an ISO-8601 duration");
        }
    }

    /**
     * Checks that {@code url} is a PostgreSQL JDBC URL without a password, so the URL can be shown
     * in messages and logs.
     *
     * @throws InvalidConfigException naming the source when the URL is of another database or contains a password
     */
    public static String validDatabaseUrl(String url, String source) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidConfigException("Invalid database URL in " + source
                    + ": only PostgreSQL is supported, as jdbc:postgresql://HOST:PORT/DATABASE; leave it unset for the H2 file in the data directory");
        }
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (name.trim().equalsIgnoreCase("password")) {
                    throw new InvalidConfigException("The database URL in " + source
                            + " contains a password parameter: remove it and set TOKENDESK_DB_PASSWORD instead");
                }
            }
        }
        return url;
    }

    /**
     * Parses a default token expiry: {@code 1d}, {@code 7d}, {@code 30d}, {@code 90d} or {@code never}, ignoring case.
     *
     * @throws InvalidConfigException naming the value and the choices when it matches none of them
     */
    public static String parseTokenExpiry(String value, String source) {
        String code = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!TokenDeskConfig.TOKEN_EXPIRY_CHOICES.contains(code)) {
            throw new InvalidConfigException("Invalid default token expiry '" + value + "' in " + source
                    + ": use 1d, 7d, 30d, 90d or never");
        }
        return code;
    }

    /** Splits a comma-separated list of origins, dropping blanks; the API server checks each origin's form. */
    public static List<String> parseOrigins(String value) {
        List<String> origins = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                origins.add(part.trim());
            }
        }
        return origins;
    }

    private static String parseTrustedProxies(String value, String source) {
        try {
            return IpAllowList.parse(value).toString();
        } catch (ValidationException e) {
            throw new InvalidConfigException("Invalid trusted.proxies '" + value + "' in " + source
                    + ": expected literal IP addresses or CIDR ranges separated by commas (" + e.getMessage() + ")");
        }
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new InvalidConfigException("Invalid port '" + value + "' in " + source + ": use a number from 0 to 65535 (0 picks a free port)");
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("Cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put(key.toString().trim(), value.toString()));
        return values;
    }

    private static void put(Map<String, String> values, Map<String, String> sources, String key, String value, String source) {
        values.put(key, value);
        sources.put(key, source);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
