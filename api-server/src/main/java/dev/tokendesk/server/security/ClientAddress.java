package dev.tokendesk.server.security;

import io.undertow.util.AttachmentKey;

import io.undertow.server.HttpServerExchange;

/** Address of the client, as reported by the server's socket. */
public final class ClientAddress {

    private static final AttachmentKey<String> LITERAL = AttachmentKey.create(String.class);

    private ClientAddress() {
    }

    /**
     * Returns the literal peer address, such as {@code 127.0.0.1} or {@code ::1}, formatted once
     * per request.
     *
     * <p>Forwarding headers such as {@code X-Forwarded-For} count only from a trusted proxy:
     * {@link TrustedProxyHandler}, the first handler, then replaces the source address. Without
     * one, every request behind a proxy has the proxy's address.
     */
    public static String of(HttpServerExchange exchange) {
        String literal = exchange.getAttachment(LITERAL);
        if (literal == null) {
            literal = exchange.getSourceAddress().getAddress().getHostAddress();
            exchange.putAttachment(LITERAL, literal);
        }
        return literal;
    }
}
