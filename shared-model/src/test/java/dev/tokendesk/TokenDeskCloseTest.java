package dev.tokendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenDeskCloseTest {

    @TempDir
    Path dataDir;

    @Test
    void closeLetsRunningBackgroundWriteFinish() throws Exception {
        long tokenId;
        int writes = 500;
        AtomicInteger written = new AtomicInteger();
        AtomicReference<RuntimeException> backgroundFailure = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            tokenId = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).view().id();
            desk.lastUsed().record(tokenId, "10.0.0.7");
            CountDownLatch started = new CountDownLatch(1);
            // A background task that commits many small writes, as flushes under load do. It
            // sleeps between writes, so an interrupt from close() ends a sleep and is seen.
            desk.runInBackground(() -> {
                started.countDown();
                try {
                    for (int i = 0; i < writes; i++) {
                        desk.authFailures().count("UNKNOWN_TOKEN");
                        desk.authFailures().flush();
                        written.incrementAndGet();
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    backgroundFailure.set(e);
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(interrupted).isFalse();
        assertThat(backgroundFailure.get()).isNull();
        assertThat(written.get()).isEqualTo(writes);
        try (TokenDesk reopened = TestDesks.open(dataDir)) {
            TokenView token = reopened.tokens().list().stream().filter(view -> view.id() == tokenId).findFirst().orElseThrow();
            assertThat(token.lastUsedAt()).isNotNull();
            assertThat(token.lastUsedIp()).isEqualTo("10.0.0.7");
            assertThat(reopened.authFailures().totals()).containsEntry("UNKNOWN_TOKEN", (long) writes);
        }
    }
}
