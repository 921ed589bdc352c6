package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only modes of the data directory, the H2 file and the key files. Tagged h2-only because PostgreSQL needs no H2 file. */
@Tag("h2-only")
class DataDirectoryPermissionsTest {

    @TempDir
    Path parent;

    @Test
    void newDataDirectoryIsPrivate() throws IOException {
        Path dataDir = parent.resolve("tokendesk");

        try (TokenDesk desk = TestDesks.open(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tokendesk.mv.db")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/token-hmac.key")))).isEqualTo("rw-------");
        }
    }
}
