package dev.tokendesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of one TokenDesk process, resolved once at start by {@link ConfigResolver}.
 *
 * @param dataDir directory that holds the H2 database, the key files and {@code tokendesk.properties}
 * @param dbUrl JDBC URL of an external database, or {@code null} for the H2 file in {@code dataDir}
 * @param dbUser user name for {@code dbUrl}, or {@code null}
 * @param dbPassword password for {@code dbUrl}, or {@code null}; never printed by {@link #toString()}
 * @param bindAddress address the API server listens on
 * @param port TCP port of the API server; 0 picks a free port
 * @param jwtLifetime how long a JWT from the login endpoint stays valid
 * @param defaultTokenExpiry expiry that forms issuing a token preselect: one of {@link #TOKEN_EXPIRY_CHOICES}
 * @param corsOrigins browser origins allowed to call the API, such as {@code http://localhost:*}; empty allows none
 * @param trustedProxies addresses and CIDR ranges of reverse proxies whose {@code X-Forwarded-For} header names
 *                       the client, such as {@code 127.0.0.1, 10.0.0.0/8}; empty trusts no proxy
 */
public record TokenDeskConfig(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String bindAddress,
        int port,
        Duration jwtLifetime,
        String defaultTokenExpiry,
        List<String> corsOrigins,
        String trustedProxies) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 1337;
    public static final Duration DEFAULT_JWT_LIFETIME = Duration.ofDays(30);
    /** Expiry codes a default token expiry may take, as {@code token create --expires} reads them. */
    public static final Set<String> TOKEN_EXPIRY_CHOICES = Set.of("1d", "7d", "30d", "90d", "never");
    public static final String DEFAULT_TOKEN_EXPIRY = "30d";
    /** Origins of local development servers on any port. */
    public static final List<String> DEFAULT_CORS_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*");

    public TokenDeskConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jwtLifetime, "jwtLifetime");
        Objects.requireNonNull(defaultTokenExpiry, "defaultTokenExpiry");
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = trustedProxies == null ? "" : trustedProxies.trim();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (jwtLifetime.isNegative() || jwtLifetime.isZero()) {
            throw new IllegalArgumentException("jwtLifetime must be positive, got " + jwtLifetime);
        }
        if (!TOKEN_EXPIRY_CHOICES.contains(defaultTokenExpiry)) {
            throw new IllegalArgumentException("defaultTokenExpiry must be one of 1d, 7d, 30d, 90d or never, got " + defaultTokenExpiry);
        }
    }

    /** Creates a configuration with the default token expiry and CORS origins, trusting no proxy. */
    public TokenDeskConfig(Path dataDir, String dbUrl, String dbUser, String dbPassword, String bindAddress, int port,
                           Duration jwtLifetime) {
        this(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, jwtLifetime, DEFAULT_TOKEN_EXPIRY, DEFAULT_CORS_ORIGINS, "");
    }

    /** Creates a configuration that trusts no proxy. */
    public TokenDeskConfig(Path dataDir, String dbUrl, String dbUser, String dbPassword, String bindAddress, int port,
                           Duration jwtLifetime, String defaultTokenExpiry, List<String> corsOrigins) {
        this(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, jwtLifetime, defaultTokenExpiry, corsOrigins, "");
    }

    /** Returns defaults for everything but the data directory. */
    public static TokenDeskConfig defaults(Path dataDir) {
        return new TokenDeskConfig(dataDir, null, null, null, DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_JWT_LIFETIME);
    }

    public TokenDeskConfig withPort(int newPort) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, newPort, jwtLifetime,
                defaultTokenExpiry, corsOrigins, trustedProxies);
    }

    public TokenDeskConfig withBindAddress(String newBindAddress) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, newBindAddress, port, jwtLifetime,
                defaultTokenExpiry, corsOrigins, trustedProxies);
    }

    public TokenDeskConfig withDatabase(String newDbUrl, String newDbUser, String newDbPassword) {
        return new TokenDeskConfig(dataDir, newDbUrl, newDbUser, newDbPassword, bindAddress, port, jwtLifetime,
                defaultTokenExpiry, corsOrigins, trustedProxies);
    }

    public TokenDeskConfig withJwtLifetime(Duration newJwtLifetime) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, newJwtLifetime,
                defaultTokenExpiry, corsOrigins, trustedProxies);
    }

    public TokenDeskConfig withDefaultTokenExpiry(String newDefaultTokenExpiry) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, jwtLifetime,
                newDefaultTokenExpiry, corsOrigins, trustedProxies);
    }

    public TokenDeskConfig withCorsOrigins(List<String> newCorsOrigins) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, jwtLifetime,
                defaultTokenExpiry, newCorsOrigins, trustedProxies);
    }

    public TokenDeskConfig withTrustedProxies(String newTrustedProxies) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, jwtLifetime,
                defaultTokenExpiry, corsOrigins, newTrustedProxies);
    }

    /** Returns whether the database is the embedded H2 file in the data directory. */
    public boolean usesEmbeddedDatabase() {
        return dbUrl == null;
    }

    @Override
    public String toString() {
        return "TokenDeskConfig[dataDir=" + dataDir
                + ", dbUrl=" + (dbUrl == null ? "(embedded H2)" : dbUrl)
                + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "(none)" : "(set)")
                + ", bindAddress=" + bindAddress
                + ", port=" + port
                + ", jwtLifetime=" + jwtLifetime
                + ", defaultTokenExpiry=" + defaultTokenExpiry
                + ", corsOrigins=" + corsOrigins
                + ", trustedProxies=" + trustedProxies + "]";
    }
}
