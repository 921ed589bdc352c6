package dev.tokendesk.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients that create restaurants over HTTP until stopped, until the server stops responding, or
 * until each has sent its maximum number of requests; records the name of every entry whose
 * creation was acknowledged with a 2xx status.
 */
final class WriteLoad implements AutoCloseable {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Integer> unexpectedStatuses = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private final CountDownLatch firstWrites;

    WriteLoad(String baseUrl, String authorization, int clientCount, int maxRequestsPerClient, int acknowledgedToWaitFor) {
        this.firstWrites = new CountDownLatch(acknowledgedToWaitFor);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread thread = new Thread(() -> write(http, baseUrl, authorization, client, maxRequestsPerClient), "write-load-" + c);
            clients.add(thread);
            thread.start();
        }
    }

    private void write(HttpClient http, String baseUrl, String authorization, int client, int maxRequests) {
        for (int i = 0; i < maxRequests && !stopped.get(); i++) {
            String name = "load-" + client + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/restaurants"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"name\":\"" + name + "\",\"seats\":" + i + "}}"))
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    acknowledged.add(name);
                    firstWrites.countDown();
                } else if (status != 503) {
                    synchronized (unexpectedStatuses) {
                        unexpectedStatuses.add(status);
                    }
                }
            } catch (IOException e) {
                // The server stopped or was killed: writes not acknowledged do not count.
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until the number of acknowledged writes given to the constructor is reached or every client has ended. */
    void awaitFirstWrites() throws InterruptedException {
        while (!firstWrites.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (clients.stream().noneMatch(Thread::isAlive)) {
                return;
            }
        }
    }

    /** Stops the clients and waits for them; returns the names of the acknowledged entries. */
    Set<String> finish() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : clients) {
            thread.join(60_000);
        }
        return Set.copyOf(acknowledged);
    }

    List<Integer> unexpectedStatuses() {
        synchronized (unexpectedStatuses) {
            return List.copyOf(unexpectedStatuses);
        }
    }

    @Override
    public void close() throws InterruptedException {
        finish();
    }
}
