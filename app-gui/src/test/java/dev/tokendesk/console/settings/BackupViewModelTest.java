package dev.tokendesk.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.backup.Restore;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import dev.tokendesk.user.NewUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore of the Settings screen without a window, on a real H2 file (and PostgreSQL for the rejection). */
class BackupViewModelTest {

    @TempDir
    Path work;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Path dataDir;
    private TokenDesk desk;
    private BackupViewModel model;

    @BeforeEach
    void open() {
        dataDir = work.resolve("data");
        desk = TokenDesk.open(TestDesks.h2Config(dataDir), Clock.systemUTC(), Map.of());
        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null));
        model = new BackupViewModel(desk.backups(), desk.config().dataDir(), new InlineExecutor(), dialogs, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void backupRestoresWithEarlierUser() {
        Path backup = work.resolve("backups/console.zip");
        dialogs.replyToPathChoices(backup);

        model.backup();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Backup written to " + backup + " (").contains(" KB)");
        Path restored = work.resolve("restored");
        Restore.restore(backup, restored, false, Clock.systemUTC());
        try (TokenDesk copy = TokenDesk.open(TestDesks.h2Config(restored), Clock.systemUTC(), Map.of())) {
            assertThat(copy.users().findByIdentifier("carol").email()).isEqualTo("carol@example.com");
        }
    }

    @Test
    void backupSuggestsTimestampedZipName() {
        model.backup();

        assertThat(dialogs.pathQuestions).containsExactly("Save a backup of TokenDesk");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void backupOverExistingFileFails() throws IOException {
        Path existing = Files.writeString(work.resolve("old.zip"), "older backup");
        dialogs.replyToPathChoices(existing);

        model.backup();

        assertThat(model.errorProperty().get()).isEqualTo("The backup failed: The backup file " + existing
                + " already exists: choose another name or delete it first");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(Files.readString(existing)).isEqualTo("older backup");
    }

    @Test
    void restoreIntoEmptyFolder() {
        Path backup = work.resolve("b.zip");
        desk.backups().backup(backup);
        Path target = work.resolve("new-data");
        dialogs.queuePathReplies(backup, target);

        model.restore();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0)).contains(backup.toString(), target.toString(), "must be empty", "--data-dir");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Restored " + backup + " into " + target
                + ". Close this console and start it on the restored data with:");
        assertThat(model.openCommandProperty().get()).isEqualTo("java -jar tokendesk.jar --data-dir '" + target + "'");
        try (TokenDesk copy = TokenDesk.open(TestDesks.h2Config(target), Clock.systemUTC(), Map.of())) {
            assertThat(copy.users().findByIdentifier("carol").username()).isEqualTo("carol");
        }
    }

    @Test
    void declinedRestoreWritesNothing() {
        Path backup = work.resolve("b.zip");
        desk.backups().backup(backup);
        Path target = work.resolve("new-data");
        dialogs.queuePathReplies(backup, target);
        dialogs.replyToConfirmations(false);

        model.restore();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(target).doesNotExist();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.openCommandProperty().get()).isEmpty();
    }

    @Test
    void restoreRejectsOwnDataDirectory() {
        Path backup = work.resolve("b.zip");
        desk.backups().backup(backup);
        dialogs.queuePathReplies(backup, dataDir);

        model.restore();

        assertThat(dialogs.confirmations).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Cannot restore into " + desk.config().dataDir() + ": the console uses");
        assertThat(desk.users().findByIdentifier("carol").username()).isEqualTo("carol");
    }

    @Test
    void restoreIntoNonEmptyFolderFails() throws IOException {
        Path backup = work.resolve("b.zip");
        desk.backups().backup(backup);
        Path target = Files.createDirectories(work.resolve("busy"));
        Files.writeString(target.resolve("notes.txt"), "keep me");
        dialogs.queuePathReplies(backup, target);

        model.restore();

        assertThat(model.errorProperty().get()).startsWith("The restore failed: The data directory " + target + " is not empty");
        assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("keep me");
        assertThat(model.openCommandProperty().get()).isEmpty();
    }

    @Test
    void restoreOfForeignFileFails() throws IOException {
        Path notBackup = Files.writeString(work.resolve("notes.zip"), "not a zip");
        dialogs.queuePathReplies(notBackup, work.resolve("new-data"));

        model.restore();

        assertThat(model.errorProperty().get()).startsWith("The restore failed: The file " + notBackup
                + " is not a usable TokenDesk backup");
        assertThat(work.resolve("new-data")).doesNotExist();
    }

    @Test
    void openCommandQuotesPath() {
        assertThat(BackupViewModel.openCommand(Path.of("/tmp/it's here")))
                .isEqualTo("java -jar tokendesk.jar --data-dir '/tmp/it'\\''s here'");
    }

    @Test
    void sizeTextUnits() {
        assertThat(BackupViewModel.sizeText(1)).isEqualTo("1 byte");
        assertThat(BackupViewModel.sizeText(1023)).isEqualTo("1023 bytes");
        assertThat(BackupViewModel.sizeText(41_165)).isEqualTo("40.2 KB");
        assertThat(BackupViewModel.sizeText(3_250_586)).isEqualTo("3.1 MB");
    }

    @Test
    void postgresBackupPointsToPgDump() {
        String url = TestPostgres.createMigratedDatabase();
        Path postgresData = work.resolve("pg-data");
        try (TokenDesk postgres = TokenDesk.open(TestDesks.h2Config(postgresData).withDatabase(url, TestPostgres.USER, null),
                Clock.systemUTC(), Map.of())) {
            BackupViewModel onPostgres = new BackupViewModel(postgres.backups(), postgres.config().dataDir(), new InlineExecutor(),
                    dialogs, Clock.systemUTC());
            Path backup = work.resolve("pg.zip");
            dialogs.replyToPathChoices(backup);

            onPostgres.backup();

            assertThat(onPostgres.errorProperty().get()).contains("uses PostgreSQL", "pg_dump");
            assertThat(onPostgres.busyProperty().get()).isFalse();
            assertThat(backup).doesNotExist();
        }
    }
}
