package dev.tokendesk.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void keepsTheLastEntriesOldestFirst() {
        RequestLog log = new RequestLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(entry("/" + i));
        }

        assertThat(paths(log.snapshot())).containsExactly("/3", "/4", "/5");
        assertThat(log.total()).isEqualTo(5);
    }

    @Test
    void cursorSkipsSeenAndDropped() {
        RequestLog log = new RequestLog(3);
        log.add(entry("/1"));
        log.add(entry("/2"));
        RequestLog.Batch first = log.entriesAfter(0);
        for (int i = 3; i <= 7; i++) {
            log.add(entry("/" + i));
        }
        RequestLog.Batch second = log.entriesAfter(first.total());

        assertThat(paths(first.entries())).containsExactly("/1", "/2");
        assertThat(first.total()).isEqualTo(2);
        assertThat(paths(second.entries())).containsExactly("/5", "/6", "/7");
        assertThat(second.total()).isEqualTo(7);
        assertThat(log.entriesAfter(second.total()).entries()).isEmpty();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new RequestLog(0)).hasMessage("capacity must be at least 1, got 0");
    }

    @Test
    void concurrentEntriesReadOnce() throws Exception {
        int writers = 4;
        int perWriter = 20_000;
        RequestLog log = new RequestLog(writers * perWriter);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<RequestLogEntry> seen = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "/w" + w + "/";
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        log.add(entry(writer + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            long cursor = 0;
            // Bounded: stops once every entry is read, or after 30 seconds.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < writers * perWriter && System.nanoTime() < deadline) {
                RequestLog.Batch next = log.entriesAfter(cursor);
                seen.addAll(next.entries());
                cursor = next.total();
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize(writers * perWriter);
        assertThat(paths(seen)).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String writer = "/w" + w + "/";
            List<String> own = paths(seen).stream().filter(path -> path.startsWith(writer)).toList();
            // Each writer's entries keep the order in which it added them.
            assertThat(own).hasSize(perWriter).isSortedAccordingTo((a, b) -> Integer.compare(indexOf(a), indexOf(b)));
        }
    }

    private static RequestLogEntry entry(String path) {
        return new RequestLogEntry(Instant.parse("2026-12-05T10:00:00Z"), "GET", path, "", 200, "Public", "127.0.0.1", 10);
    }

    private static List<String> paths(List<RequestLogEntry> entries) {
        return entries.stream().map(RequestLogEntry::path).toList();
    }

    private static int indexOf(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }
}
