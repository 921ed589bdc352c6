package dev.tokendesk.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Anonymous GET clients that read one URL until stopped or until each has sent 100,000 requests. */
final class ReadLoad {

    private static final int MAX_REQUESTS_PER_CLIENT = 100_000;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger ok = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private final CountDownLatch firstReads = new CountDownLatch(10);

    ReadLoad(String url, int clientCount) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int c = 0; c < clientCount; c++) {
            Thread thread = new Thread(() -> read(http, url), "read-load-" + c);
            clients.add(thread);
            thread.start();
        }
    }

    private void read(HttpClient http, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stopped.get(); i++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    ok.incrementAndGet();
                    firstReads.countDown();
                } else {
                    recordFailure("status " + status);
                }
            } catch (IOException e) {
                recordFailure(e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void recordFailure(String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    void awaitFirstReads() throws InterruptedException {
        while (!firstReads.await(100, TimeUnit.MILLISECONDS)) {
            if (clients.stream().noneMatch(Thread::isAlive)) {
                return;
            }
        }
    }

    /** Stops the clients and waits for them. */
    void finish() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : clients) {
            thread.join(60_000);
        }
    }

    int okCount() {
        return ok.get();
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
