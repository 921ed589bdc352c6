package dev.tokendesk.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last-used times written by several installations on one database, as several servers behind a load balancer write them. */
class LastUsedInstancesTest {

    @TempDir
    Path dataDir;

    @Test
    void olderFlushDoesNotOverwriteNewerTime() {
        MutableClock firstClock = new MutableClock(TestDesks.START.plus(Duration.ofMinutes(2)));
        MutableClock secondClock = new MutableClock(TestDesks.START.plus(Duration.ofMinutes(1)));
        try (TokenDesk first = TestDesks.openQuiet(dataDir, firstClock); TokenDesk second = TestDesks.openQuiet(dataDir, secondClock)) {
            long tokenId = issueToken(first);

            first.lastUsed().record(tokenId, "10.0.0.2");
            first.lastUsed().flush();
            second.lastUsed().record(tokenId, "10.0.0.1");
            second.lastUsed().flush();

            TokenView view = view(first, tokenId);
            assertThat(view.lastUsedAt()).isEqualTo(firstClock.instant());
            assertThat(view.lastUsedIp()).isEqualTo("10.0.0.2");
        }
    }

    @Test
    void concurrentFlushesKeepLatestTime() throws Exception {
        int instances = 4;
        int rounds = 20;
        List<TokenDesk> desks = new ArrayList<>();
        List<MutableClock> clocks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int i = 0; i < instances; i++) {
                MutableClock clock = new MutableClock(TestDesks.START);
                clocks.add(clock);
                desks.add(TestDesks.openQuiet(dataDir, clock));
            }
            long tokenId = issueToken(desks.get(0));
            Instant latest = TestDesks.START;

            for (int round = 1; round <= rounds; round++) {
                List<Callable<Integer>> flushes = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    // Instance i is i seconds ahead, so instance 0 is the oldest and the last one the newest in every round.
                    Instant when = TestDesks.START.plus(Duration.ofMinutes(2L * round)).plusSeconds(i);
                    clocks.get(i).set(when);
                    latest = when;
                    TokenDesk desk = desks.get(i);
                    String ip = "10.0." + round + "." + i;
                    desk.lastUsed().record(tokenId, ip);
                    flushes.add(() -> desk.lastUsed().flush());
                }
                for (Future<Integer> flush : pool.invokeAll(flushes)) {
                    assertThat(flush.get()).isEqualTo(1);
                }

                TokenView view = view(desks.get(0), tokenId);
                assertThat(view.lastUsedAt()).as("round %d", round).isEqualTo(latest);
                assertThat(view.lastUsedIp()).as("round %d", round).isEqualTo("10.0." + round + "." + (instances - 1));
            }
        } finally {
            pool.shutdownNow();
            desks.forEach(TokenDesk::close);
        }
    }

    private static TokenView view(TokenDesk desk, long tokenId) {
        return desk.tokens().list().stream().filter(token -> token.id() == tokenId).findFirst().orElseThrow();
    }

    private static long issueToken(TokenDesk desk) {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        return desk.tokens().issue(TokenRequest.of(alice.id(), "shared", TokenScope.FULL, Expiry.NEVER)).view().id();
    }
}
