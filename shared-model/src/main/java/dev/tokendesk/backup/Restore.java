package dev.tokendesk.backup;

import dev.tokendesk.config.DataDirectory;
import dev.tokendesk.db.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a file written by {@link BackupService} into a data directory that is empty or does
 * not exist yet. With {@code force}, the files already in the directory are moved into a
 * {@code replaced-<time>} subdirectory first, so a restore never deletes anything.
 *
 * <p>The backup is checked completely before the first file is written.
 */
public final class Restore {

    private static final Set<String> ENTRIES = Set.of(BackupFormat.MANIFEST, BackupFormat.DATABASE, BackupFormat.TOKEN_KEY, BackupFormat.JWT_KEY);
    private static final int MIN_KEY_BYTES = 32;
    private static final DateTimeFormatter REPLACED_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Restore() {
    }

    /**
     * Restores {@code backupFile} into {@code dataDir}.
     *
     * @return the directory that received the files the data directory contained before, or
     *     {@code null} when it was empty
     * @throws BackupException when the file is not a TokenDesk backup, the directory is not empty
     *     and {@code force} is false, the database in the directory is open, or a file cannot be written
     */
    public static Path restore(Path backupFile, Path dataDir, boolean force, Clock clock) {
        Map<String, byte[]> entries = read(backupFile);
        Path target = dataDir.toAbsolutePath().normalize();

        List<Path> existing = list(target);
        if (existing.stream().anyMatch(path -> path.getFileName().toString().endsWith(".lock.db"))) {
            throw new BackupException("The database in " + target + " is open (a .lock.db file exists): stop the console and every "
                    + "'serve' process that uses this data directory, then restore again");
        }
        if (!existing.isEmpty() && !force) {
            throw new BackupException("The data directory " + target + " is not empty (it contains " + names(existing)
                    + "): restore into an empty or new directory, or pass --force to move its files into a replaced-<time> subdirectory first");
        }

        try {
            Path replaced = existing.isEmpty() ? null : moveAside(target, existing, clock);
            write(entries, target);
            return replaced;
        } catch (IOException e) {
            throw new BackupException("Cannot restore into " + target + ": " + e, e);
        }
    }

    private static Map<String, byte[]> read(Path backupFile) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backupFile))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!ENTRIES.contains(entry.getName())) {
                    throw notBackup(backupFile, "unexpected entry '" + entry.getName() + "'");
                }
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new BackupException("The backup file " + backupFile + " does not exist", e);
        } catch (IOException e) {
            throw notBackup(backupFile, e.toString());
        }
        for (String name : ENTRIES) {
            if (!entries.containsKey(name)) {
                throw notBackup(backupFile, "entry '" + name + "' is missing");
            }
        }
        checkManifest(backupFile, entries.get(BackupFormat.MANIFEST));
        checkKey(backupFile, BackupFormat.TOKEN_KEY, entries.get(BackupFormat.TOKEN_KEY));
        checkKey(backupFile, BackupFormat.JWT_KEY, entries.get(BackupFormat.JWT_KEY));
        return entries;
    }

    private static void checkManifest(Path backupFile, byte[] content) {
        Properties manifest = new Properties();
        try (InputStream in = new ByteArrayInputStream(content)) {
            manifest.load(in);
        } catch (IOException e) {
            throw notBackup(backupFile, "the manifest cannot be read");
        }
        if (!BackupFormat.VERSION.equals(manifest.getProperty("format"))) {
            throw notBackup(backupFile, "format '" + manifest.getProperty("format") + "' is not supported; expected " + BackupFormat.VERSION);
        }
        if (!"h2".equals(manifest.getProperty("database"))) {
            throw notBackup(backupFile, "database '" + manifest.getProperty("database") + "' is not supported; expected h2");
        }
    }

    private static void checkKey(Path backupFile, String name, byte[] content) {
        try {
            byte[] key = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            if (key.length < MIN_KEY_BYTES) {
                throw notBackup(backupFile, "entry '" + name + "' contains " + key.length + " bytes, expected at least " + MIN_KEY_BYTES);
            }
        } catch (IllegalArgumentException e) {
            throw notBackup(backupFile, "entry '" + name + "' is not valid base64");
        }
    }

    private static BackupException notBackup(Path backupFile, String reason) {
        return new BackupException("The file " + backupFile + " is not a usable TokenDesk backup: " + reason);
    }

    private static List<Path> list(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        if (!Files.isDirectory(directory)) {
            throw new BackupException("The data directory " + directory + " is a file, not a directory");
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new BackupException("Cannot list the data directory " + directory + ": " + e, e);
        }
    }

    private static String names(List<Path> paths) {
        List<String> names = new ArrayList<>();
        for (Path path : paths) {
            names.add(path.getFileName().toString());
        }
        return String.join(", ", names);
    }

    private static Path moveAside(Path dataDir, List<Path> existing, Clock clock) throws IOException {
        Path replaced = dataDir.resolve("replaced-" + REPLACED_SUFFIX.format(clock.instant()));
        Files.createDirectory(replaced);
        for (Path path : existing) {
            Files.move(path, replaced.resolve(path.getFileName()));
        }
        return replaced;
    }

    private static void write(Map<String, byte[]> entries, Path dataDir) throws IOException {
        DataDirectory.createPrivate(dataDir);
        DataDirectory.createPrivate(dataDir.resolve("keys"));
        writePrivate(dataDir.resolve(Database.H2_FILE_NAME + ".mv.db"), entries.get(BackupFormat.DATABASE));
        writePrivate(dataDir.resolve(BackupFormat.TOKEN_KEY), entries.get(BackupFormat.TOKEN_KEY));
        writePrivate(dataDir.resolve(BackupFormat.JWT_KEY), entries.get(BackupFormat.JWT_KEY));
    }

    /** Writes to a temporary file first, so a failed restore leaves no half-written database under the real name. */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, content);
        DataDirectory.restrictFileToOwner(partial);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
