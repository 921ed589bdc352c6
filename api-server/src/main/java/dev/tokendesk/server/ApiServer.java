package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.TokenDeskException;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.server.http.HttpLimits;
import dev.tokendesk.server.http.InFlightHandler;
import dev.tokendesk.server.requestlog.RequestLog;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API server: Undertow on the configured address and port, serving the content API
 * with the services of one {@link TokenDesk}.
 *
 * <p>Thread-safe. {@link #start()} and {@link #stop()} may be called from any thread; a stopped
 * server can be started again, for example on another port.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Time that requests in flight get to finish once {@link #stop()} begins. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);
    /**
     * Time, in milliseconds, that worker threads get after the in-flight wait before Undertow
     * interrupts them. It bounds a stop that a request still running would otherwise hold, for
     * example one whose client stopped sending in the middle of the body.
     */
    private static final int SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final TokenDesk desk;
    private final RequestLog requestLog;
    private final long inFlightWaitMillis;

    private CorsPolicy cors;
    private final HttpLimits limits;
    private Undertow undertow;
    /** Read without the lock, so that {@link #requestsInFlight} returns while {@link #stop} waits. */
    private volatile InFlightHandler inFlight;
    private int port;
    private String bindAddress;
    private int configuredPort;

    /**
     * Creates a server that allows cross-origin calls from the configured origins.
     *
     * @throws IllegalArgumentException naming a configured origin that is not scheme://host[:port]
     */
    public ApiServer(TokenDesk desk) {
        this(desk, new CorsPolicy(desk.config().corsOrigins()));
    }

    /** Creates a server that allows cross-origin calls from the origins that {@code cors} allows. */
    public ApiServer(TokenDesk desk, CorsPolicy cors) {
        this(desk, cors, HttpLimits.DEFAULT);
    }

    /** Creates a server with the given CORS policy and limits on the URL and headers of each request. */
    public ApiServer(TokenDesk desk, CorsPolicy cors, HttpLimits limits) {
        this(desk, cors, limits, IN_FLIGHT_WAIT);
    }

    /** Creates a server whose {@link #stop()} gives requests in flight {@code inFlightWait} to finish; for tests. */
    ApiServer(TokenDesk desk, CorsPolicy cors, HttpLimits limits, Duration inFlightWait) {
        this.inFlightWaitMillis = inFlightWait.toMillis();
        this.desk = desk;
        this.requestLog = new RequestLog(1000);
        this.cors = cors;
        this.limits = limits;
        this.bindAddress = desk.config().bindAddress();
        this.configuredPort = desk.config().port();
    }

    /**
     * Sets the address and port the next {@link #start()} listens on, replacing the configured ones.
     *
     * @throws IllegalStateException when the server is running
     */
    public synchronized void listenOn(String newBindAddress, int newPort) {
        if (undertow != null) {
            throw new IllegalStateException("Stop the server before changing its address");
        }
        if (newPort < 0 || newPort > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + newPort);
        }
        this.bindAddress = newBindAddress;
        this.configuredPort = newPort;
    }

    /**
     * Sets the browser origins the next {@link #start()} allows, replacing the configured ones.
     *
     * @throws IllegalStateException when the server is running
     */
    public synchronized void allowOrigins(CorsPolicy newCors) {
        if (undertow != null) {
            throw new IllegalStateException("Stop the server before changing its CORS origins");
        }
        this.cors = newCors;
    }

    /** Returns the origin patterns the server allows, or will allow at the next start. */
    public synchronized List<String> corsOrigins() {
        return cors.patterns();
    }

    /**
     * Starts listening on the configured bind address and port; port 0 picks a free port, which
     * {@link #port()} returns afterwards.
     *
     * @throws ServerStartException when the port is in use or the address cannot be bound
     */
    public synchronized void start() {
        if (undertow != null) {
            return;
        }
        String host = bindAddress;
        Routes.Chain chain = Routes.build(desk, requestLog, cors, limits);
        Undertow server = Undertow.builder()
                .addHttpListener(configuredPort, host)
                // Above QueryLimits' parameter count, so the query parser reports an excess with a JSON error body.
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 10_000)
                // Above the limits that RequestLimitsHandler reports with a JSON body; beyond these
                // Undertow's parser responds with 400 and closes the connection.
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.parserMaxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, limits.parserMaxHeaders())
                .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS)
                .setHandler(chain.root())
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw ServerStartException.from(host, configuredPort, e);
        }
        undertow = server;
        inFlight = chain.inFlight();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        LOG.info("TokenDesk API listening on {}", baseUrl());
    }

    /**
     * Stops the server: new requests get 503 with a JSON body at once, requests in flight get up
     * to 10 seconds to finish, then the listener and their connections close. Worker threads
     * still busy get at most 2 seconds more before they are interrupted, so a stalled client
     * cannot hold the stop. Does nothing when not running.
     */
    public synchronized void stop() {
        if (undertow == null) {
            return;
        }
        inFlight.stopAccepting();
        try {
            if (!inFlight.awaitIdle(inFlightWaitMillis)) {
                LOG.warn("{} request(s) still running after {} ms; stopping the API server anyway, which closes their connections "
                        + "and interrupts their threads within {} ms",
                        inFlight.inFlight(), inFlightWaitMillis, SHUTDOWN_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for requests in flight; stopping the API server now");
        }
        undertow.stop();
        undertow = null;
        inFlight = null;
        LOG.info("TokenDesk API stopped");
    }

    /** Returns the number of requests that have started and not finished; 0 when the server is not running. */
    public long requestsInFlight() {
        InFlightHandler current = inFlight;
        return current == null ? 0 : current.inFlight();
    }

    public synchronized boolean isRunning() {
        return undertow != null;
    }

    /** Returns the port the server listens on; only meaningful while running. */
    public synchronized int port() {
        return port;
    }

    /** Returns the base URL such as {@code http://127.0.0.1:1337}, with IPv6 addresses in brackets. */
    public synchronized String baseUrl() {
        String host = bindAddress;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    /** Returns the address the server listens on, or will listen on at the next start. */
    public synchronized String bindAddress() {
        return bindAddress;
    }

    /** Returns the port asked for at the next start, 0 meaning any free port; {@link #port()} is the one in use. */
    public synchronized int configuredPort() {
        return configuredPort;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    @Override
    public void close() {
        stop();
    }

    /** The server could not start; the message names the address and port and what to do. */
    public static final class ServerStartException extends TokenDeskException {

        private ServerStartException(String message, Throwable cause) {
            super(message, cause);
        }

        static ServerStartException from(String host, int port, RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                return new ServerStartException("Cannot listen on " + host + ":" + port + ": " + cause.getMessage()
                        + ". Another program may use the port; choose another with --port (0 picks a free one).", e);
            }
            return new ServerStartException("Cannot start the API server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
