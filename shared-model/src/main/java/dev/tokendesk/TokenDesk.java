package dev.tokendesk;

import dev.tokendesk.audit.Actor;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.audit.AuthFailureCounter;
import dev.tokendesk.auth.Authenticator;
import dev.tokendesk.auth.CredentialCache;
import dev.tokendesk.backup.BackupService;
import dev.tokendesk.config.KeyFiles;
import dev.tokendesk.config.StartupRefusedException;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.db.Database;
import dev.tokendesk.db.Entities;
import dev.tokendesk.db.KeyFingerprints;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.event.ChangeFeed;
import dev.tokendesk.event.PostgresChangeListener;
import dev.tokendesk.jwt.JwtService;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.LastUsedRecorder;
import dev.tokendesk.token.TokenFormat;
import dev.tokendesk.token.TokenHasher;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.user.PasswordHasher;
import dev.tokendesk.user.UserService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TokenDesk installation opened by this process: the database and every service, wired with
 * constructors. The API server and the console both take their services from here.
 *
 * <p>Thread-safe. {@link #close()} flushes pending last-used times and closes the pool.
 */
public final class TokenDesk implements AutoCloseable {

    /** Variable that supplies the token HMAC key (base64) instead of the key file, for several instances. */
    public static final String TOKEN_KEY_VARIABLE = "TOKENDESK_TOKEN_KEY";
    /** Variable that supplies the JWT signing secret (base64) instead of the key file. */
    public static final String JWT_SECRET_VARIABLE = "TOKENDESK_JWT_SECRET";

    private static final Logger LOG = LoggerFactory.getLogger(TokenDesk.class);
    /** Seconds {@link #close()} waits for a running background task. */
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final Duration LAST_USED_WINDOW = Duration.ofMinutes(1);
    private static final long LAST_USED_FLUSH_SECONDS = 5;
    private static final long CHANGE_FEED_MILLIS = 1000;
    private static final String FINGERPRINT_LABEL = "tdk_key_fingerprint";

    private final TokenDeskConfig config;
    private final Clock clock;
    private final Database database;
    private final ChangeEvents events;
    private final RoleService roles;
    private final UserService users;
    private final TokenService tokens;
    private final JwtService jwt;
    private final Authenticator authenticator;
    private final CredentialCache credentialCache;
    private final ContentService content;
    private final LastUsedRecorder lastUsed;
    private final AuditLog audit;
    private final AuthFailureCounter authFailures;
    private final ChangeFeed changeFeed;
    private final ScheduledExecutorService background;
    private final boolean tokenKeyMatches;
    private final AtomicBoolean pushScheduled = new AtomicBoolean();
    private PostgresChangeListener changeListener;
    private final BackupService backups;

    private TokenDesk(TokenDeskConfig config, Clock clock, Map<String, String> env, Actor actor, boolean scheduleBackgroundTasks) {
        this.config = config;
        this.clock = clock;
        Consumer<RuntimeException> logFailure = e -> LOG.error("Background task failed", e);

        // Checked before the pool opens the database for writing, so a rejected installation keeps every byte.
        Database.checkExisting(config);
        Path tokenKeyFile = config.dataDir().resolve("keys").resolve("token-hmac.key");
        byte[] tokenKey = KeyFiles.loadOrCreate(tokenKeyFile, TOKEN_KEY_VARIABLE, env, () -> rejectNewTokenKey(config, tokenKeyFile));
        Path jwtKeyFile = config.dataDir().resolve("keys").resolve("jwt-secret.key");
        byte[] jwtSecret = KeyFiles.loadOrCreate(jwtKeyFile, JWT_SECRET_VARIABLE, env, () -> warnNewJwtKey(config, jwtKeyFile));

        this.database = Database.open(config, Entities.ALL);
        TokenHasher tokenHasher = new TokenHasher(tokenKey);
        this.tokenKeyMatches = KeyFingerprints.matchesOrStore(database, "token-hmac", tokenHasher.hash(FINGERPRINT_LABEL));
        if (!tokenKeyMatches) {
            LOG.warn("The token HMAC key of this instance differs from the key of the instance that first used {}: "
                    + "tokens issued by the other instances are rejected here with 401 and the other way round. "
                    + "Set {} to the same value on every instance.", config.usesEmbeddedDatabase() ? config.dataDir() : config.dbUrl(),
                    TOKEN_KEY_VARIABLE);
        }
        this.events = new ChangeEvents(logFailure);
        this.audit = new AuditLog(database, clock, actor);
        this.authFailures = new AuthFailureCounter(database, clock, logFailure);
        this.changeFeed = new ChangeFeed(database, events, logFailure);
        this.roles = new RoleService(database, events, audit);
        PasswordHasher passwordHasher = new PasswordHasher();
        this.users = new UserService(database, events, audit, passwordHasher, clock);
        this.credentialCache = new CredentialCache(events);
        this.tokens = new TokenService(database, events, audit, new TokenFormat(new SecureRandom()), tokenHasher, clock, credentialCache);
        this.jwt = new JwtService(jwtSecret, clock, config.jwtLifetime());
        this.authenticator = new Authenticator(tokens, jwt, users, roles, credentialCache);
        this.content = new ContentService(database, events, clock, passwordHasher);
        this.lastUsed = new LastUsedRecorder(tokens, clock, LAST_USED_WINDOW, logFailure);

        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tokendesk-background");
            thread.setDaemon(true);
            return thread;
        });
        this.backups = new BackupService(database, clock, tokenKey, jwtSecret, this::flushPendingWrites);
        if (scheduleBackgroundTasks) {
            background.scheduleWithFixedDelay(this::flushCounters, LAST_USED_FLUSH_SECONDS, LAST_USED_FLUSH_SECONDS, TimeUnit.SECONDS);
            background.scheduleWithFixedDelay(changeFeed::synchronize, CHANGE_FEED_MILLIS, CHANGE_FEED_MILLIS, TimeUnit.MILLISECONDS);
            if (database.isPostgres()) {
                events.subscribe(this::pushPromptly);
                this.changeListener = new PostgresChangeListener(database, changeFeed::synchronize, logFailure);
            }
        }
    }

    /**
     * Writes a local change to the change feed right away instead of at the next poll, so the
     * notification reaches the other instances within milliseconds. A burst of changes costs one
     * synchronization, because a push already scheduled takes all pending raises.
     */
    private void pushPromptly(ChangeEvent event) {
        if (event.origin() != ChangeEvent.Origin.THIS_PROCESS || !pushScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                pushScheduled.set(false);
                changeFeed.synchronize();
            });
        } catch (RejectedExecutionException e) {
            // Closing: close() synchronizes once more and writes the pending raise.
            pushScheduled.set(false);
        }
    }

    /**
     * Opens the installation described by {@code config}, creating the data directory, key files
     * and schema on first use.
     *
     * @throws dev.tokendesk.db.DatabaseUnavailableException when the database cannot be opened
     * @throws StartupRefusedException when the database file is damaged or foreign, the token key
     *     file is missing while tokens exist, a key file is readable by other users, or the data
     *     directory is not usable. Nothing in the data directory is changed then.
     */
    public static TokenDesk open(TokenDeskConfig config) {
        return open(config, Clock.systemUTC(), System.getenv());
    }

    /** Opens the installation with a given clock and environment, for tests and embedding. */
    public static TokenDesk open(TokenDeskConfig config, Clock clock, Map<String, String> env) {
        return open(config, clock, env, Actor.CONSOLE);
    }

    /**
     * Opens the installation; {@code actor} is recorded in the audit trail as the author of every
     * admin change made through this instance.
     */
    public static TokenDesk open(TokenDeskConfig config, Clock clock, Map<String, String> env, Actor actor) {
        return new TokenDesk(config, clock, env, actor, true);
    }

    /**
     * Opens the installation without the scheduled flushes of last-used times, failure counts and
     * the change feed; the caller runs {@link LastUsedRecorder#flush()} and
     * {@link ChangeFeed#synchronize()} itself. For tests that count the statements of one operation.
     */
    public static TokenDesk openWithoutBackgroundTasks(TokenDeskConfig config, Clock clock, Map<String, String> env) {
        return new TokenDesk(config, clock, env, Actor.CONSOLE, false);
    }

    /** Rejects a new token key while tokens exist, because every stored token hash would become unverifiable. */
    private static void rejectNewTokenKey(TokenDeskConfig config, Path keyFile) {
        long tokens = Database.countRowsWithoutWriting(config, "api_tokens");
        if (tokens > 0) {
            throw new StartupRefusedException("The token key file " + keyFile + " is missing, but the database contains " + tokens
                    + " API token(s) whose hashes were made with that key: without it they can no longer be verified. "
                    + "TokenDesk did not generate a new key. Put the original key file back, or set " + TOKEN_KEY_VARIABLE
                    + " to it. " + StartupRefusedException.RESTORE_HINT);
        }
    }

    private static void warnNewJwtKey(TokenDeskConfig config, Path keyFile) {
        if (Database.countRowsWithoutWriting(config, "users") > 0) {
            LOG.warn("The JWT key file {} was missing and a new key was generated: JWTs issued before are no longer valid, so users must log in again",
                    keyFile);
        }
    }

    private void flushCounters() {
        if (!database.hasRoomForWrites()) {
            // The counts stay pending in memory and are written once the disk has room again.
            LOG.warn("Skipped writing last-used times and failure counts: the disk of {} has {} bytes free, below {}",
                    config.dataDir(), database.freeBytes(), Database.MIN_FREE_BYTES);
            return;
        }
        if (lastUsed.flush() > 0) {
            events.publish(ChangeEvent.Kind.TOKEN_USE, null);
        }
        authFailures.flush();
    }

    public TokenDeskConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public ChangeEvents events() {
        return events;
    }

    public RoleService roles() {
        return roles;
    }

    public UserService users() {
        return users;
    }

    public TokenService tokens() {
        return tokens;
    }

    public JwtService jwt() {
        return jwt;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public CredentialCache credentialCache() {
        return credentialCache;
    }

    public ContentService content() {
        return content;
    }

    public LastUsedRecorder lastUsed() {
        return lastUsed;
    }

    public AuditLog audit() {
        return audit;
    }

    public AuthFailureCounter authFailures() {
        return authFailures;
    }

    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /**
     * Returns whether this instance's token HMAC key is the one the database was first used with.
     * When it is not, tokens issued by instances with the other key are rejected here.
     */
    public boolean tokenKeyMatches() {
        return tokenKeyMatches;
    }

    /** Returns the service that writes online backups of this installation, for the CLI and the console's Settings. */
    public BackupService backups() {
        return backups;
    }

    /** Writes the pending last-used times, failure counts and change versions now instead of at the next scheduled flush. */
    public void flushPendingWrites() {
        flushCounters();
        changeFeed.synchronize();
    }

    /**
     * Stops the background tasks, writes what is pending and closes the database. A background
     * task that is running is allowed to finish: interrupting it in the middle of a write would
     * close H2's file channel, and with it the database, before the pending writes.
     */
    @Override
    public void close() {
        if (changeListener != null) {
            changeListener.close();
        }
        background.shutdown();
        try {
            if (!background.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A background task still runs after {} s; writing the pending changes anyway", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushPendingWrites();
        database.close();
    }

    /** Runs {@code task} on the background thread, as the scheduled flushes run; for tests of {@link #close()}. */
    void runInBackground(Runnable task) {
        background.execute(task);
    }
}
