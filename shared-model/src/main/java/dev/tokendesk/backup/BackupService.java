package dev.tokendesk.backup;

import dev.tokendesk.config.DataDirectory;
import dev.tokendesk.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes an online backup of the open installation to one ZIP file: the H2 database file and
 * both keys (the token HMAC key and the JWT signing secret), so that tokens issued before the
 * backup still verify after a restore.
 *
 * <p>The database part comes from H2's {@code BACKUP TO}, which copies the file while the server
 * keeps running and is transactionally consistent because H2 reads a committed version of every
 * page (MVCC). A PostgreSQL database is not copied: use {@code pg_dump} for it.
 *
 * <p>Thread-safe. The backup file contains the keys in clear text, so it is created readable by its
 * owner only.
 */
public final class BackupService {

    private final Database database;
    private final Clock clock;
    private final byte[] tokenKey;
    private final byte[] jwtSecret;
    private final Runnable flushPendingWrites;

    /**
     * Creates the service for an open database and the keys that the installation uses;
     * {@code flushPendingWrites} runs before each copy, so writes that are buffered in memory
     * (such as last-used times) are part of the backup.
     */
    public BackupService(Database database, Clock clock, byte[] tokenKey, byte[] jwtSecret, Runnable flushPendingWrites) {
        this.database = database;
        this.clock = clock;
        this.tokenKey = tokenKey.clone();
        this.jwtSecret = jwtSecret.clone();
        this.flushPendingWrites = flushPendingWrites;
    }

    /**
     * Writes a backup to {@code target}, which must not exist yet.
     *
     * @throws BackupException when the database is PostgreSQL, {@code target} exists, or the
     *     backup cannot be written; a partly written file is removed
     */
    public void backup(Path target) {
        if (database.isPostgres()) {
            throw new BackupException("The backup command copies only the embedded H2 database; this installation uses PostgreSQL. "
                    + "Back up the database with pg_dump and copy the keys directory of the data directory.");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new BackupException("The backup file " + absolute + " already exists: choose another name or delete it first");
        }

        Path work = null;
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            work = Files.createTempDirectory(parent, ".tokendesk-backup-");
            Path h2Zip = work.resolve("h2.zip");
            flushPendingWrites.run();
            copyDatabase(h2Zip);
            Path partial = work.resolve("backup.zip");
            writeBackup(h2Zip, partial);
            moveIntoPlace(partial, absolute);
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup file " + absolute + ": " + e, e);
        } finally {
            deleteQuietly(work);
        }
    }

    private void copyDatabase(Path h2Zip) {
        // BACKUP TO runs in the process that owns the H2 file, which may be another process on this
        // machine when this one connected through AUTO_SERVER; the absolute path works in both.
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("BACKUP TO ?")) {
            statement.setString(1, h2Zip.toString());
            statement.execute();
        } catch (SQLException e) {
            throw new BackupException("Cannot copy the database for the backup: " + e.getMessage(), e);
        }
    }

    private void writeBackup(Path h2Zip, Path partial) throws IOException {
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
            restrictToOwner(partial);
            zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
            manifest().store(zip, "TokenDesk backup");
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(BackupFormat.DATABASE));
            copyDatabaseEntry(h2Zip, zip);
            zip.closeEntry();

            writeKey(zip, BackupFormat.TOKEN_KEY, tokenKey);
            writeKey(zip, BackupFormat.JWT_KEY, jwtSecret);
        }
    }

    private Properties manifest() {
        Properties manifest = new Properties();
        manifest.setProperty("format", BackupFormat.VERSION);
        manifest.setProperty("database", "h2");
        manifest.setProperty("created", clock.instant().toString());
        return manifest;
    }

    private static void copyDatabaseEntry(Path h2Zip, OutputStream out) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2Zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".mv.db")) {
                    in.transferTo(out);
                    return;
                }
            }
        }
        throw new IOException("H2's BACKUP TO produced no .mv.db entry in " + h2Zip);
    }

    private static void writeKey(ZipOutputStream zip, String name, byte[] key) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException("The backup file " + target + " appeared while the backup ran: choose another name", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        DataDirectory.restrictFileToOwner(file);
    }

    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory takes space but does no harm.
        }
    }
}
