package dev.tokendesk.server.security;

import io.undertow.server.HttpServerExchange;

/** Address of the client, as reported by the server's socket. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * Returns the literal peer address, such as {@code 127.0.0.1} or {@code ::1}.
     *
     * <p>NOTE: forwarding headers such as {@code X-Forwarded-For} are ignored, so behind a proxy
     * every request has the proxy's address.
     */
    public static String of(HttpServerExchange exchange) {
        return exchange.getSourceAddress().getAddress().getHostAddress();
    }
}
