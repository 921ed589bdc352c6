package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances on one database noticing that their token HMAC keys differ. */
class KeyFingerprintsTest {

    @TempDir
    Path dataDir;

    private static Map<String, String> tokenKey(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Map.of(TokenDesk.TOKEN_KEY_VARIABLE, Base64.getEncoder().encodeToString(key));
    }

    @Test
    void sameKeyMatches() {
        try (TokenDesk first = TokenDesk.open(TestDesks.config(dataDir), Clock.systemUTC(), tokenKey(1));
             TokenDesk second = TokenDesk.open(TestDesks.config(dataDir), Clock.systemUTC(), tokenKey(1))) {
            assertThat(first.tokenKeyMatches()).isTrue();
            assertThat(second.tokenKeyMatches()).isTrue();
        }
    }

    @Test
    void otherKeyIsDetected() {
        try (TokenDesk first = TokenDesk.open(TestDesks.config(dataDir), Clock.systemUTC(), tokenKey(1));
             TokenDesk second = TokenDesk.open(TestDesks.config(dataDir), Clock.systemUTC(), tokenKey(2))) {
            assertThat(first.tokenKeyMatches()).isTrue();
            assertThat(second.tokenKeyMatches()).isFalse();
        }
    }

    @Test
    void fingerprintDoesNotContainKey() {
        Map<String, String> env = tokenKey(7);
        try (TokenDesk desk = TokenDesk.open(TestDesks.config(dataDir), Clock.systemUTC(), env)) {
            String stored = desk.database().inTransaction(session -> session
                    .createNativeQuery("SELECT fingerprint FROM installation_keys WHERE name = 'token-hmac'", String.class)
                    .getSingleResult());

            assertThat(stored).hasSize(43);
            assertThat(stored).doesNotContain(env.get(TokenDesk.TOKEN_KEY_VARIABLE));
        }
    }
}
