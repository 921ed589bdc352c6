package dev.tokendesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TableSnapshot;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("h2-only")
class BackupRestoreTest {

    @TempDir
    Path work;

    private String populate(TokenDesk desk) {
        Path countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, work.resolve("countries"));
        desk.content().importSchemas(countries);
        desk.content().importEntries("country", countries.resolve("countries.json"), false);
        long alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null)).id();
        desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-12", null));
        return desk.tokens().issue(TokenRequest.of(alice, "ci", TokenScope.READ_ONLY, Expiry.NEVER)).token();
    }

    @Test
    void restoredCopyHasEveryRowAndVerifiesTokens() throws Exception {
        Path source = work.resolve("source");
        Path backup = work.resolve("backups/tokendesk.zip");
        Path restored = work.resolve("restored");
        String token;
        try (TokenDesk desk = TestDesks.open(source)) {
            token = populate(desk);
            desk.backups().backup(backup);
        }

        Path replaced = Restore.restore(backup, restored, false, Clock.systemUTC());

        assertThat(replaced).isNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        Map<String, List<String>> before = TableSnapshot.ofH2(source);
        Map<String, List<String>> after = TableSnapshot.ofH2(restored);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(before.get("USERS")).hasSize(2);
        assertThat(before.get("API_TOKENS")).hasSize(1);
        assertThat(before.get("AUDIT_EVENTS")).isNotEmpty();
        assertThat(before.get("CONTENT_ENTRIES")).hasSize(250);
        try (TokenDesk desk = TestDesks.open(restored)) {
            assertThat(desk.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("alice");
        }
    }

    @Test
    void restoreRejectsNonEmptyDirectory() throws IOException {
        Path backup = work.resolve("tokendesk.zip");
        try (TokenDesk desk = TestDesks.open(work.resolve("source"))) {
            desk.backups().backup(backup);
        }
        Path target = Files.createDirectories(work.resolve("target"));
        Path note = Files.writeString(target.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> Restore.restore(backup, target, false, Clock.systemUTC()))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("is not empty")
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("--force");
        assertThat(Files.readString(note)).isEqualTo("keep me");
        assertThat(target.resolve("tokendesk.mv.db")).doesNotExist();
    }

    @Test
    void forcedRestoreMovesOldFilesAside() throws IOException {
        Path backup = work.resolve("tokendesk.zip");
        try (TokenDesk desk = TestDesks.open(work.resolve("source"))) {
            desk.backups().backup(backup);
        }
        Path target = Files.createDirectories(work.resolve("target"));
        Files.writeString(target.resolve("notes.txt"), "keep me");

        Path replaced = Restore.restore(backup, target, true, Clock.systemUTC());

        assertThat(replaced.getParent()).isEqualTo(target);
        assertThat(Files.readString(replaced.resolve("notes.txt"))).isEqualTo("keep me");
        assertThat(target.resolve("tokendesk.mv.db")).exists();
        assertThat(target.resolve("keys/token-hmac.key")).exists();
    }

    @Test
    void backupRejectsExistingFile() throws IOException {
        Path backup = Files.writeString(work.resolve("tokendesk.zip"), "older backup");

        try (TokenDesk desk = TestDesks.open(work.resolve("source"))) {
            assertThatThrownBy(() -> desk.backups().backup(backup))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("already exists");
        }
        assertThat(Files.readString(backup)).isEqualTo("older backup");
    }

    @Test
    void restoreRejectsForeignZip() throws IOException {
        Path zipFile = work.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            zip.putNextEntry(new ZipEntry("../escape.txt"));
            zip.write(1);
            zip.closeEntry();
        }

        assertThatThrownBy(() -> Restore.restore(zipFile, work.resolve("target"), false, Clock.systemUTC()))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not a usable TokenDesk backup")
                .hasMessageContaining("../escape.txt");
        assertThat(work.resolve("target")).doesNotExist();
        assertThat(work.resolve("escape.txt")).doesNotExist();
    }
}
