package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends generated requests to the real server on loopback: random methods, paths, query strings,
 * headers and bodies, valid and hostile, over a real HTTP client and, for request lines and headers
 * that clients refuse to send, over raw sockets. Every response must be below 500, every error
 * from our handlers must have the JSON error shape, and no response may contain a secret that a
 * request carried.
 *
 * <p>Request {@code i} is generated from {@code seed + i} alone, so a failure names the seed and
 * the index that replay it. Set {@code -Dtokendesk.fuzz.seed=N} to replay a seed and
 * {@code -Dtokendesk.fuzz.requests=N} to change the count (10,000 by default). The loop stops at a
 * deadline of ten minutes so it always ends; reaching it fails the test with the count sent.
 */
class HttpFuzzTest {

    private static final long DEFAULT_SEED = 20261204L;
    private static final int DEFAULT_REQUESTS = 10_000;
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final int THREADS = 4;
    private static final String GADGET = "api::gadget.gadget";

    @TempDir
    Path dataDir;

    private final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    private TestServer api;
    private ApiFixture fixture;
    private RequestGenerator generator;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
        api.desk.content().importSchemas(Path.of(HttpFuzzTest.class.getResource("/schemas/gadget/schema.json").toURI()));
        api.desk.roles().grant("Authenticated", Set.of(new Permission(GADGET, Action.FIND), new Permission(GADGET, Action.CREATE),
                new Permission(GADGET, Action.FIND_ONE)));
        String jwt = api.desk.jwt().issue(fixture.bob);
        String documentId = api.get("/api/restaurants?pagination%5BpageSize%5D=1").json().at("/data/0/documentId").asText();
        generator = new RequestGenerator(new FuzzSecrets(fixture.tokenA, fixture.tokenB, jwt, ApiFixture.ALICE_PASSWORD), documentId);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void generatedRequestsNeverFailOrLeak() throws Exception {
        long seed = Long.getLong("tokendesk.fuzz.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("tokendesk.fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("HttpFuzzTest: seed " + seed + ", " + requests + " requests; replay with -Dtokendesk.fuzz.seed=" + seed);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < requests && System.nanoTime() < deadline && failures.size() < 20;
                     index = next.getAndIncrement()) {
                    FuzzRequest request = generator.generate(new SplittableRandom(seed + index));
                    String problem = check(request);
                    sent.incrementAndGet();
                    if (problem != null) {
                        failures.add("seed " + seed + ", request " + index + ": " + problem + "\n    request: " + request);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        System.out.println("HttpFuzzTest: " + sent.get() + " requests, responses by status (-1: closed without one): " + statuses);

        assertThat(failures).as("replay with -Dtokendesk.fuzz.seed=" + seed).isEmpty();
        assertThat(sent.get()).as("requests sent before the deadline of " + DEADLINE).isEqualTo(requests);
        assertThat(api.get("/_health").status()).isEqualTo(200);
    }

    /** Sends one request and returns what is wrong with its response, or null. */
    private String check(FuzzRequest request) {
        Outcome outcome;
        try {
            outcome = request.raw() ? sendRaw(request) : sendWithClient(request);
        } catch (IOException e) {
            return "no response: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        statuses.computeIfAbsent(outcome.status(), status -> new AtomicInteger()).incrementAndGet();
        if (outcome.status() < 0) {
            return request.malformed() ? null : "connection closed without a response";
        }
        if (outcome.status() >= 500) {
            return "status " + outcome.status() + ": " + outcome.text();
        }
        for (String secret : generator.secrets().fragments()) {
            if (outcome.text().contains(secret)) {
                return "response contains the secret fragment " + secret.substring(0, 6) + "…: " + outcome.text();
            }
        }
        if (outcome.status() >= 400 && !request.method().equals("HEAD")) {
            return errorShapeProblem(request, outcome);
        }
        return null;
    }

    private static String errorShapeProblem(FuzzRequest request, Outcome outcome) {
        if (outcome.body().isEmpty() && request.malformed() && outcome.status() == 400) {
            // Undertow's parser rejected the request before our handlers ran, and it sends no body.
            return null;
        }
        JsonNode body;
        try {
            body = Json.parse(outcome.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "error body is not JSON: " + outcome.text();
        }
        boolean shaped = body.isObject() && body.has("data") && body.get("data").isNull()
                && body.path("error").path("status").asInt() == outcome.status()
                && body.path("error").path("name").isTextual()
                && body.path("error").path("message").isTextual()
                && body.path("error").path("details").isObject();
        return shaped ? null : "error body has not the error shape: " + outcome.text();
    }

    private Outcome sendWithClient(FuzzRequest request) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.server.baseUrl() + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), body);
        for (Map.Entry<String, String> header : request.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        StringBuilder text = new StringBuilder();
        response.headers().map().forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
        text.append('\n').append(response.body());
        return new Outcome(response.statusCode(), response.body(), text.toString());
    }

    private Outcome sendRaw(FuzzRequest request) {
        RawHttp.Result result = RawHttp.send(api.server.port(), request.rawBytes());
        return new Outcome(result.status(), result.body(), result.text());
    }

    private record Outcome(int status, String body, String text) {
    }
}
