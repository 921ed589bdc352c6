package dev.tokendesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends mixed traffic to a running {@code serve} on loopback for a fixed time and prints, once a
 * minute, the requests, unexpected responses, 401 and 429 counts, latency percentiles and the
 * server's heap and RSS. The mix: lists and single reads with an API token and with a JWT, entry
 * creations, invalid tokens, failed logins, and a token that the {@code token} CLI issues and
 * revokes every {@code ROTATE} seconds while the server runs.
 *
 * <p>Usage: {@code java bench/src/main/java/dev/tokendesk/bench/Soak.java BASE_URL DATA_DIR TOKENDESK_JAR SERVER_PID MINUTES RATE},
 * where {@code RATE} is the target number of requests per second over all workers and
 * {@code DATA_DIR/bench/} contains the files {@code token}, {@code jwt} and {@code document-id}.
 * {@code bench/soak.sh} prepares all of that. It uses only the JDK, so it runs as a single source
 * file without a build. Exits with 1 when any response was unexpected. Every loop ends at the
 * deadline; only loopback hosts are accepted.
 */
public final class Soak {

    private static final int WORKERS = 8;
    private static final Duration ROTATE = Duration.ofSeconds(20);
    /**
     * Time after the CLI's revoke exits during which 200 is still expected: the server learns of
     * changes made by another process from its change feed, which it reads once a second.
     */
    private static final Duration PROPAGATION = Duration.ofMillis(1500);
    private static final Pattern TOKEN_ID = Pattern.compile("\\(id (\\d+)\\)");

    private final String base;
    private final Path dataDir;
    private final Path jar;
    private final long serverPid;
    private final String token;
    private final String jwt;
    private final String documentId;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<Rotating> rotating = new AtomicReference<>();
    private final Map<String, AtomicLong> unexpectedSamples = new ConcurrentHashMap<>();
    private volatile Minute minute = new Minute();

    private Soak(String base, Path dataDir, Path jar, long serverPid) throws IOException {
        this.base = base;
        this.dataDir = dataDir;
        this.jar = jar;
        this.serverPid = serverPid;
        this.token = Files.readString(dataDir.resolve("bench/token")).trim();
        this.jwt = Files.readString(dataDir.resolve("bench/jwt")).trim();
        this.documentId = Files.readString(dataDir.resolve("bench/document-id")).trim();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("Usage: Soak BASE_URL DATA_DIR TOKENDESK_JAR SERVER_PID MINUTES RATE");
            System.exit(2);
        }
        String host = URI.create(args[0]).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            System.err.println("Soak sends traffic to loopback only, not to " + host);
            System.exit(2);
        }
        Soak soak = new Soak(args[0], Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
        boolean clean = soak.run(Duration.ofMinutes(Long.parseLong(args[4])), Integer.parseInt(args[5]));
        System.exit(clean ? 0 : 1);
    }

    private boolean run(Duration length, int rate) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        // Each worker starts at most one request per pause, so together they send at most about RATE per second.
        long pauseNanos = TimeUnit.SECONDS.toNanos(1) * WORKERS / Math.max(1, rate);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            threads.add(startThread("soak-" + i, () -> work(deadline, pauseNanos)));
        }
        threads.add(startThread("soak-cli", () -> rotateTokens(deadline)));

        System.out.println("| minute | requests | unexpected | 401 | 429 | p50 ms | p95 ms | p99 ms | max ms | heap used MB | RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        long totalRequests = 0;
        long totalUnexpected = 0;
        int number = 0;
        while (System.nanoTime() < deadline) {
            long untilMinute = Math.min(TimeUnit.MINUTES.toNanos(1), deadline - System.nanoTime());
            TimeUnit.NANOSECONDS.sleep(Math.max(0, untilMinute));
            Minute finished = minute;
            minute = new Minute();
            number++;
            totalRequests += finished.requests.get();
            totalUnexpected += finished.unexpected.get();
            System.out.println(finished.row(number, heapUsedMegabytes(), rssMegabytes()));
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        System.out.println();
        System.out.println("Total: " + totalRequests + " requests, " + totalUnexpected + " unexpected responses.");
        unexpectedSamples.forEach((sample, count) -> System.out.println("  " + count + " × " + sample));
        return totalUnexpected == 0;
    }

    private static Thread startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }

    private void work(long deadline, long pauseNanos) {
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            try {
                oneRequest();
            } catch (IOException e) {
                record(started, -1, Set.of(), "I/O failure: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long rest = pauseNanos - (System.nanoTime() - started);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void oneRequest() throws IOException, InterruptedException {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 30) {
            send("list with token", get("/api/restaurants?pagination%5BpageSize%5D=10&sort=name%3Adesc&token=" + token), Set.of(200));
        } else if (dice < 50) {
            send("list with JWT", get("/api/restaurants?filters%5Bseats%5D%5B%24gte%5D=100&pagination%5BpageSize%5D=10")
                    .header("Authorization", "Bearer " + jwt), Set.of(200));
        } else if (dice < 62) {
            send("find one with token", get("/api/restaurants/" + documentId + "?token=" + token), Set.of(200));
        } else if (dice < 72) {
            String body = "{\"data\":{\"name\":\"Soak " + System.nanoTime() + "\",\"seats\":" + ThreadLocalRandom.current().nextInt(200) + "}}";
            send("create", post("/api/restaurants", body).header("Authorization", "Bearer " + token), Set.of(201));
        } else if (dice < 82) {
            // A well-formed prefix with a wrong checksum: 401, or 429 once the address has used up its failures.
            send("invalid token", get("/api/restaurants?token=tdk_" + "A".repeat(49)), Set.of(401, 429));
        } else if (dice < 88) {
            send("failed login", post("/api/auth/local", "{\"identifier\":\"bench\",\"password\":\"wrong-password\"}"), Set.of(400, 429));
        } else {
            Rotating current = rotating.get();
            if (current == null) {
                send("list with token", get("/api/restaurants?pagination%5BpageSize%5D=10&token=" + token), Set.of(200));
            } else {
                Set<Integer> expected = switch (current.state) {
                    case ACTIVE -> Set.of(200);
                    case REVOKING -> Set.of(200, 401, 429);
                    case REVOKED -> Set.of(401, 429);
                };
                send("CLI-issued token (" + current.state + ")", get("/api/restaurants?pagination%5BpageSize%5D=5&token=" + current.token), expected);
            }
        }
    }

    /** Issues a token with the CLI, uses it for half of {@link #ROTATE}, revokes it with the CLI, and repeats until the deadline. */
    private void rotateTokens(long deadline) {
        int round = 0;
        while (System.nanoTime() < deadline - ROTATE.toNanos()) {
            try {
                round++;
                Cli issued = cli("token", "create", "--data-dir", dataDir.toString(), "--user", "bench", "--name", "soak " + round,
                        "--scope", "full", "--expires", "never");
                Matcher id = TOKEN_ID.matcher(issued.err);
                if (issued.exit != 0 || !id.find()) {
                    recordCli("token create failed with exit " + issued.exit + ": " + issued.err.strip());
                    TimeUnit.NANOSECONDS.sleep(ROTATE.toNanos());
                    continue;
                }
                Rotating current = new Rotating(issued.out.strip());
                rotating.set(current);
                TimeUnit.NANOSECONDS.sleep(ROTATE.toNanos() / 2);
                current.state = State.REVOKING;
                Cli revoked = cli("token", "revoke", "--data-dir", dataDir.toString(), id.group(1));
                if (revoked.exit != 0) {
                    recordCli("token revoke failed with exit " + revoked.exit + ": " + revoked.err.strip());
                }
                TimeUnit.NANOSECONDS.sleep(PROPAGATION.toNanos());
                current.state = State.REVOKED;
                TimeUnit.NANOSECONDS.sleep(ROTATE.toNanos() / 2 - PROPAGATION.toNanos());
            } catch (IOException e) {
                recordCli("CLI could not run: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Cli cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path err = Files.createTempFile("soak-cli", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String errText = Files.readString(err);
        Files.delete(err);
        return new Cli(process.exitValue(), out, errText);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private void send(String kind, HttpRequest.Builder request, Set<Integer> expected) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        record(started, response.statusCode(), expected, kind + " → " + response.statusCode() + " "
                + body.substring(0, Math.min(160, body.length())));
    }

    private void record(long started, int status, Set<Integer> expected, String sample) {
        Minute current = minute;
        current.latencies.add(System.nanoTime() - started);
        current.requests.incrementAndGet();
        if (status == 401) {
            current.unauthorized.incrementAndGet();
        } else if (status == 429) {
            current.rateLimited.incrementAndGet();
        }
        if (!expected.contains(status)) {
            current.unexpected.incrementAndGet();
            if (unexpectedSamples.size() < 50) {
                unexpectedSamples.computeIfAbsent(sample.replaceAll("\\d{6,}", "N"), key -> new AtomicLong()).incrementAndGet();
                System.err.println("unexpected: " + sample);
            }
        }
    }

    private void recordCli(String problem) {
        minute.unexpected.incrementAndGet();
        unexpectedSamples.computeIfAbsent(problem, key -> new AtomicLong()).incrementAndGet();
    }

    /** Returns the server's used heap from {@code jstat -gc}, or -1 when jstat is unavailable. */
    private long heapUsedMegabytes() {
        try {
            Process process = new ProcessBuilder("jstat", "-gc", Long.toString(serverPid)).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            process.waitFor(30, TimeUnit.SECONDS);
            if (lines.size() < 2) {
                return -1;
            }
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            double usedKilobytes = 0;
            for (int i = 0; i < names.length && i < values.length; i++) {
                if (Set.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                    usedKilobytes += Double.parseDouble(values[i]);
                }
            }
            return Math.round(usedKilobytes / 1024);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Returns the server's resident set size from {@code /proc}, or -1 where there is none. */
    private long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private enum State { ACTIVE, REVOKING, REVOKED }

    private static final class Rotating {
        final String token;
        volatile State state = State.ACTIVE;

        Rotating(String token) {
            this.token = token;
        }
    }

    private record Cli(int exit, String out, String err) {
    }

    /** Counters and latencies of one minute. Workers add to the current one and the reporter replaces it each minute. */
    private static final class Minute {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
        final AtomicLong rateLimited = new AtomicLong();
        final java.util.Queue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();

        String row(int number, long heapMegabytes, long rssMegabytes) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return "| " + number + " | " + requests + " | " + unexpected + " | " + unauthorized + " | " + rateLimited + " | "
                    + millis(sorted, 0.50) + " | " + millis(sorted, 0.95) + " | " + millis(sorted, 0.99) + " | " + millis(sorted, 1.0)
                    + " | " + heapMegabytes + " | " + rssMegabytes + " |";
        }

        private static String millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return "-";
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
        }
    }
}
