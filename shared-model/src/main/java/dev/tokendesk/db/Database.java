package dev.tokendesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tokendesk.config.DataDirectory;
import dev.tokendesk.config.TokenDeskConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import dev.tokendesk.config.StartupRefusedException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.tool.schema.Action;

/**
 * The process's one connection pool, with the schema migrated by Flyway and validated by
 * Hibernate.
 *
 * <p>Thread-safe. Every call of {@link #inTransaction} runs in its own session and transaction,
 * so callers never share a {@link Session} between threads.
 */
public final class Database implements AutoCloseable {

    /** File name, without H2's {@code .mv.db} suffix, of the embedded database in the data directory. */
    public static final String H2_FILE_NAME = "tokendesk";

    /**
     * Free space below which writes to the H2 file are skipped or rejected.
     *
     * <p>NOTE: an estimate of the room H2 needs to append and compact chunks, not a measured value.
     */
    public static final long MIN_FREE_BYTES = 32L * 1024 * 1024;

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final boolean postgres;
    private final Path h2DataDir;

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, boolean postgres, Path h2DataDir) {
        this.h2DataDir = h2DataDir;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.postgres = postgres;
    }

    /**
     * System property that makes every start compare the entities with the tables. Otherwise the
     * comparison runs only on a start that applied migrations: a schema that Flyway found up to
     * date is the one the previous start checked, and reading the tables' metadata again would
     * only slow the start.
     */
    public static final String VALIDATE_PROPERTY = "tokendesk.validateSchema";

    /**
     * Opens the database named by {@code config}, migrates it to the newest schema and, when a
     * migration ran or {@value #VALIDATE_PROPERTY} is set, checks that the entities match it.
     *
     * @throws DatabaseUnavailableException when the database cannot be opened, for example because
     *     another program has the H2 file open; the message names the data directory or URL
     */
    public static Database open(TokenDeskConfig config, List<Class<?>> entityClasses) {
        String url = jdbcUrl(config);
        String where = config.usesEmbeddedDatabase() ? "data directory " + config.dataDir() : "database " + url;
        // Hibernate's bootstrap reads the mappings before it requests a connection, and it reads no
        // table. So it starts before the pool opens the database and runs while Flyway migrates.
        // The comparison with the tables waits until both are done.
        CompletableFuture<HikariDataSource> poolOpened = new CompletableFuture<>();
        CompletableFuture<SessionFactory> bootstrap = new CompletableFuture<>();
        Thread bootstrapThread = new Thread(() -> {
            try {
                bootstrap.complete(buildSessionFactory(new OpenedPool(poolOpened), entityClasses));
            } catch (RuntimeException | Error e) {
                bootstrap.completeExceptionally(e);
            }
        }, "hibernate-bootstrap");
        bootstrapThread.setDaemon(true);
        bootstrapThread.start();
        HikariDataSource dataSource;
        try {
            dataSource = openPool(config, url, where);
        } catch (RuntimeException e) {
            poolOpened.completeExceptionally(e);
            bootstrap.thenAccept(SessionFactory::close);
            throw e;
        }
        poolOpened.complete(dataSource);
        try {
            MigrateResult migration;
            try {
                migration = Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                bootstrap.thenAccept(SessionFactory::close);
                throw e;
            }
            SessionFactory sessionFactory = awaitBootstrap(bootstrap);
            if (migration.migrationsExecuted > 0 || Boolean.getBoolean(VALIDATE_PROPERTY)) {
                try {
                    sessionFactory.getSchemaManager().validateMappedObjects();
                } catch (RuntimeException e) {
                    sessionFactory.close();
                    throw e;
                }
            }
            return new Database(dataSource, sessionFactory, url.startsWith("jdbc:postgresql:"),
                    config.usesEmbeddedDatabase() ? config.dataDir() : null);
        } catch (FlywayException e) {
            dataSource.close();
            if (e.getMessage() != null && e.getMessage().contains("without schema history table")) {
                throw new StartupRefusedException("The " + where + " is not a TokenDesk database: it contains tables but no TokenDesk "
                        + "schema history, and TokenDesk did not change it. Point TokenDesk at an empty database or at its own. "
                        + StartupRefusedException.RESTORE_HINT, e);
            }
            throw new DatabaseUnavailableException("Cannot prepare the " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("Cannot prepare the " + where + ": " + e.getMessage(), e);
        }
    }

    private static SessionFactory buildSessionFactory(DataSource dataSource, List<Class<?>> entityClasses) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                // Statistics are a handful of atomic counters; tests read them to prove how many writes a path makes.
                .applySetting(AvailableSettings.GENERATE_STATISTICS, true)
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, Action.NONE)
                // No generated classes. The entities load their associations eagerly and no code
                // requests a reference, so Hibernate needs no proxies, and reflection reads and writes
                // the fields. Generating proxy and accessor classes with Byte Buddy took about 40%
                // of the bootstrap's samples in a start-up profile.
                .addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl())
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entityClasses.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Returns the session factory that the bootstrap thread built, or throws what stopped it. */
    private static SessionFactory awaitBootstrap(CompletableFuture<SessionFactory> bootstrap) {
        try {
            return bootstrap.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Checks an existing data directory and H2 file without writing to them; does nothing for an
     * external database or a data directory that does not exist yet.
     *
     * @throws StartupRefusedException when the data directory is not usable, or the H2 file is
     *     damaged or belongs to another program
     */
    public static void checkExisting(TokenDeskConfig config) {
        if (!config.usesEmbeddedDatabase() || !Files.exists(config.dataDir())) {
            return;
        }
        DataDirectory.checkUsable(config.dataDir());
        DatabaseFileCheck.check(config.dataDir());
    }

    /**
     * Counts the rows of {@code table} without opening the database for writing: the H2 file is
     * opened read-only, or through the process that has it open. Returns 0 when the database, the
     * file or the table does not exist yet.
     *
     * @throws DatabaseUnavailableException when the database exists but cannot be read
     */
    public static long countRowsWithoutWriting(TokenDeskConfig config, String table) {
        return DatabaseFileCheck.countRows(config, table);
    }

    /** Returns the JDBC URL for {@code config}: its own URL, or the H2 file in the data directory. */
    public static String jdbcUrl(TokenDeskConfig config) {
        if (!config.usesEmbeddedDatabase()) {
            return config.dbUrl();
        }
        Path file = config.dataDir().resolve(H2_FILE_NAME).toAbsolutePath();
        // AUTO_SERVER lets a second process (the CLI while the console runs) open the same file
        // through a TCP server that the first process starts on loopback.
        // WRITE_DELAY=0 makes H2 write each commit to the file before the commit returns, so a killed
        // process loses no acknowledged write; the default (500 ms) loses the last half second.
        // NOTE: H2 does not fsync each commit, so a power failure can still lose the newest commits.
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private static HikariDataSource openPool(TokenDeskConfig config, String url, String where) {
        if (config.usesEmbeddedDatabase()) {
            createDataDirectory(config.dataDir());
            if (System.getProperty("h2.bindAddress") == null) {
                System.setProperty("h2.bindAddress", "127.0.0.1");
            }
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.usesEmbeddedDatabase() ? "sa" : config.dbUser());
        hikari.setPassword(config.usesEmbeddedDatabase() ? "" : config.dbPassword());
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("tokendesk");
        hikari.setAutoCommit(false);
        hikari.setExceptionOverrideClassName(ClosedDatabaseEviction.class.getName());
        try {
            HikariDataSource pool = new HikariDataSource(hikari);
            if (config.usesEmbeddedDatabase()) {
                restrictDatabaseFile(config.dataDir());
            }
            return pool;
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DatabaseUnavailableException("Cannot open the " + where + ": " + cause.getMessage()
                    + ". If another TokenDesk process uses it, wait for it to stop or point this one at another --data-dir.", e);
        }
    }

    private static void createDataDirectory(Path dataDir) {
        try {
            DataDirectory.createPrivate(dataDir);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        DataDirectory.checkUsable(dataDir);
    }

    /** Limits the H2 file to its owner; H2 creates it with the process's umask, often world-readable. */
    private static void restrictDatabaseFile(Path dataDir) {
        Path file = dataDir.resolve(H2_FILE_NAME + ".mv.db");
        if (Files.isRegularFile(file)) {
            try {
                restrictToOwner(file, "rw-------");
            } catch (IOException e) {
                // The database works either way; a file system without owner rights (or another owner) keeps its permissions.
            }
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // NOTE: on Windows the directory keeps the ACL inherited from the user's profile.
        }
    }

    /**
     * Returns the free bytes of the file system of the H2 file, or {@link Long#MAX_VALUE} for an
     * external database or when the file system does not report it.
     */
    public long freeBytes() {
        if (h2DataDir == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Files.getFileStore(h2DataDir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Returns whether the H2 file system has at least {@link #MIN_FREE_BYTES} free. H2 closes the
     * whole database when a write fails for lack of space, so callers skip or reject writes below
     * this, and reads keep working.
     */
    public boolean hasRoomForWrites() {
        return freeBytes() >= MIN_FREE_BYTES;
    }

    /**
     * Runs {@code work} in a new transaction, commits, and returns its result; rolls back if it
     * throws. Inside {@link NonBlocking#attempt} it throws {@link NonBlocking.WouldBlock} instead.
     */
    public <T> T inTransaction(Function<Session, T> work) {
        NonBlocking.checkBlockingAllowed();
        return sessionFactory.fromTransaction(work);
    }

    /** Runs {@code work} in a new transaction and commits; rolls back if it throws. As {@link #inTransaction}, it never runs inside {@link NonBlocking#attempt}. */
    public void run(Consumer<Session> work) {
        NonBlocking.checkBlockingAllowed();
        sessionFactory.inTransaction(work);
    }

    /**
     * Opens a connection outside the pool with the pool's URL and credentials, for work that holds
     * a connection for the life of the process, such as listening for notifications. The caller
     * closes it.
     */
    public Connection openUnpooledConnection() throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }

    /**
     * The pool, once {@link #open} has opened it. Hibernate's bootstrap gets this data source at its
     * start. A connection requested earlier waits for the pool, and fails with the pool's own
     * failure when the database cannot be opened.
     */
    private static final class OpenedPool implements DataSource {

        private final CompletableFuture<HikariDataSource> pool;

        OpenedPool(CompletableFuture<HikariDataSource> pool) {
            this.pool = pool;
        }

        private HikariDataSource pool() throws SQLException {
            try {
                return pool.join();
            } catch (CompletionException e) {
                throw new SQLException("The connection pool did not open: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pool().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return pool().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("The connection pool logs through SLF4J");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool().isWrapperFor(type);
        }
    }
}
