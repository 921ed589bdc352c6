package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.TokenDeskException;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.server.requestlog.RequestLog;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
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

    private final TokenDesk desk;
    private final RequestLog requestLog;
    private final CorsPolicy cors;
    private Undertow undertow;
    private int port;

    /** Creates a server that allows cross-origin calls from local development servers ({@link CorsPolicy#LOCAL_DEVELOPMENT}). */
    public ApiServer(TokenDesk desk) {
        this(desk, CorsPolicy.LOCAL_DEVELOPMENT);
    }

    /** Creates a server that allows cross-origin calls from the origins that {@code cors} allows. */
    public ApiServer(TokenDesk desk, CorsPolicy cors) {
        this.desk = desk;
        this.requestLog = new RequestLog(1000);
        this.cors = cors;
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
        String host = desk.config().bindAddress();
        HttpHandler handler = Routes.build(desk, requestLog, cors);
        Undertow server = Undertow.builder()
                .addHttpListener(desk.config().port(), host)
                // Above QueryLimits' parameter count, so the query parser reports an excess with a JSON error body.
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 10_000)
                .setHandler(handler)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw ServerStartException.from(host, desk.config().port(), e);
        }
        undertow = server;
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        LOG.info("TokenDesk API listening on {}", baseUrl());
    }

    /** Stops listening and lets in-flight requests end; does nothing when not running. */
    public synchronized void stop() {
        if (undertow == null) {
            return;
        }
        undertow.stop();
        undertow = null;
        LOG.info("TokenDesk API stopped");
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
        String host = desk.config().bindAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
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
