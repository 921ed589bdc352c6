package dev.tokendesk.console.settings;

import dev.tokendesk.backup.BackupService;
import dev.tokendesk.backup.Restore;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.task.BackgroundExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore on the Settings screen. {@link #backup()} writes an online backup of the open
 * installation to a file the admin chooses. {@link #restore()} restores a backup into a new, empty
 * folder and shows the command that opens it. It never restores over the console's own data
 * directory, because the console keeps that database open.
 *
 * <p>Not thread-safe: use it on the UI thread. The file work runs in the {@link BackgroundExecutor}.
 */
public final class BackupViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(BackupViewModel.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupService backups;
    private final Path dataDir;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper openCommand = new ReadOnlyStringWrapper("");

    /**
     * Creates the view model.
     *
     * @param dataDir the data directory the console uses; restore rejects it as a target
     */
    public BackupViewModel(BackupService backups, Path dataDir, BackgroundExecutor executor, DialogService dialogs, Clock clock) {
        this.backups = backups;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    /** Asks where to save the backup, then writes it in the background and reports the file and its size. */
    public void backup() {
        if (busy.get()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseZipSaveFile("Save a backup of TokenDesk",
                "tokendesk-backup-" + FILE_TIME.format(clock.instant()) + ".zip");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get().toAbsolutePath().normalize();
        start("Writing the backup to " + file + "…");
        executor.submit(() -> {
            backups.backup(file);
            return Files.size(file);
        }, size -> {
            finish();
            message.set("Backup written to " + file + " (" + sizeText(size) + "). It contains the token and JWT keys: "
                    + "keep it as safe as the data directory.");
        }, failure -> {
            finish();
            LOG.error("The backup to {} failed: {}", file, failure.getMessage());
            error.set("The backup failed: " + failure.getMessage());
        });
    }

    /**
     * Asks for a backup file and an empty folder, explains what happens, then restores the backup
     * into that folder in the background. On success, {@link #openCommandProperty()} contains the
     * command that starts the console on the restored data.
     */
    public void restore() {
        if (busy.get()) {
            return;
        }
        Optional<Path> backupFile = dialogs.chooseZipFile("Choose a TokenDesk backup to restore");
        if (backupFile.isEmpty()) {
            return;
        }
        Optional<Path> folder = dialogs.chooseFolder("Choose an empty folder for the restored data");
        if (folder.isEmpty()) {
            return;
        }
        Path file = backupFile.get().toAbsolutePath().normalize();
        Path target = folder.get().toAbsolutePath().normalize();

        message.set("");
        openCommand.set("");
        if (target.equals(dataDir) || dataDir.startsWith(target)) {
            error.set("Cannot restore into " + target + ": the console uses " + dataDir
                    + " while it runs. Choose an empty folder elsewhere.");
            return;
        }

        boolean confirmed = dialogs.confirm("Restore a backup",
                "TokenDesk writes the database and keys of " + file + " into " + target
                        + ", which must be empty. The data this console shows (" + dataDir + ") stays as it is. "
                        + "Afterwards, close the console and start it with --data-dir " + target + " to use the restored data.",
                "Restore");
        if (!confirmed) {
            return;
        }

        start("Restoring " + file + " into " + target + "…");
        executor.submit(() -> Restore.restore(file, target, false, clock), replaced -> {
            finish();
            message.set("Restored " + file + " into " + target + ". Close this console and start it on the restored data with:");
            openCommand.set(openCommand(target));
        }, failure -> {
            finish();
            LOG.error("The restore of {} into {} failed: {}", file, target, failure.getMessage());
            error.set("The restore failed: " + failure.getMessage());
        });
    }

    private void start(String what) {
        busy.set(true);
        progress.set(what);
        message.set("");
        error.set("");
        openCommand.set("");
    }

    private void finish() {
        busy.set(false);
        progress.set("");
    }

    /** Returns the shell command that opens the console on {@code dataDir}, with the path quoted for a POSIX shell. */
    static String openCommand(Path dataDir) {
        return "java -jar tokendesk.jar --data-dir '" + dataDir.toString().replace("'", "'\\''") + "'";
    }

    /** Returns a size such as {@code 812 bytes}, {@code 40.2 KB} or {@code 3.1 MB} (1 KB = 1024 bytes). */
    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double kilobytes = bytes / 1024.0;
        if (kilobytes < 1024) {
            return String.format(Locale.ROOT, "%.1f KB", kilobytes);
        }
        return String.format(Locale.ROOT, "%.1f MB", kilobytes / 1024.0);
    }

    /** Returns whether a backup or restore is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Returns what runs while {@link #busyProperty()} is true, otherwise empty. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Returns the outcome of the last backup or restore that succeeded, otherwise empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns why the last backup or restore failed, otherwise empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Returns the command that opens the console on the data restored last, otherwise empty. */
    public ReadOnlyStringProperty openCommandProperty() {
        return openCommand.getReadOnlyProperty();
    }
}
