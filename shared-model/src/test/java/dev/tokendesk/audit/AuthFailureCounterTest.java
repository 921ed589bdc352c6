package dev.tokendesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthFailureCounterTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void concurrentCountsWrittenExactlyOnce() throws Exception {
        AuthFailureCounter counter = desk.authFailures();
        int threads = 4;
        int perThread = 25_000;
        AtomicBoolean counting = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> counters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counters.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        counter.count(i % 5 == 0 ? "EXPIRED_JWT" : "UNKNOWN_TOKEN");
                        if (i % 500 == 0) {
                            // Without the pauses, counting could end before the first flush.
                            Thread.sleep(1);
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> flusher = pool.submit(() -> {
                start.await();
                int flushes = 0;
                do {
                    counter.flush();
                    flushes++;
                } while (counting.get() && flushes < 10_000);
                return flushes;
            });
            start.countDown();
            for (Future<?> future : counters) {
                future.get(60, TimeUnit.SECONDS);
            }
            counting.set(false);
            assertThat(flusher.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        long expired = threads * (perThread / 5L);
        long unknown = threads * (long) perThread - expired;
        assertThat(counter.totals()).containsEntry("EXPIRED_JWT", expired).containsEntry("UNKNOWN_TOKEN", unknown);
        counter.flush();
        assertThat(counter.totals()).containsEntry("EXPIRED_JWT", expired).containsEntry("UNKNOWN_TOKEN", unknown);
    }
}
