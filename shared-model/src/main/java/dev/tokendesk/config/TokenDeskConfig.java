package dev.tokendesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

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
 */
public record TokenDeskConfig(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String bindAddress,
        int port,
        Duration jwtLifetime) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 1337;
    public static final Duration DEFAULT_JWT_LIFETIME = Duration.ofDays(30);

    public TokenDeskConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jwtLifetime, "jwtLifetime");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (jwtLifetime.isNegative() || jwtLifetime.isZero()) {
            throw new IllegalArgumentException("jwtLifetime must be positive, got " + jwtLifetime);
        }
    }

    /** Returns defaults for everything but the data directory. */
    public static TokenDeskConfig defaults(Path dataDir) {
        return new TokenDeskConfig(dataDir, null, null, null, DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_JWT_LIFETIME);
    }

    public TokenDeskConfig withPort(int newPort) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, newPort, jwtLifetime);
    }

    public TokenDeskConfig withBindAddress(String newBindAddress) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, newBindAddress, port, jwtLifetime);
    }

    public TokenDeskConfig withDatabase(String newDbUrl, String newDbUser, String newDbPassword) {
        return new TokenDeskConfig(dataDir, newDbUrl, newDbUser, newDbPassword, bindAddress, port, jwtLifetime);
    }

    public TokenDeskConfig withJwtLifetime(Duration newJwtLifetime) {
        return new TokenDeskConfig(dataDir, dbUrl, dbUser, dbPassword, bindAddress, port, newJwtLifetime);
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
                + ", jwtLifetime=" + jwtLifetime + "]";
    }
}
