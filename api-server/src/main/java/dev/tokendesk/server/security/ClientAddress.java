package dev.tokendesk.server.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.net.InetSocketAddress;

/** Address of the client, as reported by the server's socket or by a trusted proxy. */
public final class ClientAddress {

    /** Set on the exchange when a trusted proxy named the client. */
    private static final AttachmentKey<String> FORWARDED = AttachmentKey.create(String.class);
    /** Kept on the connection: every request of a keep-alive connection comes from the same peer. */
    private static final AttachmentKey<String> PEER = AttachmentKey.create(String.class);

    private ClientAddress() {
    }

    /**
     * Returns the literal client address, such as {@code 127.0.0.1} or {@code ::1}: the one a
     * trusted proxy named for this request, or else the peer of the connection, formatted once
     * per connection.
     *
     * <p>Forwarding headers such as {@code X-Forwarded-For} count only from a trusted proxy:
     * {@link TrustedProxyHandler}, the first handler, then calls {@link #forwarded}. Without
     * one, every request behind a proxy has the proxy's address.
     */
    public static String of(HttpServerExchange exchange) {
        String forwarded = exchange.getAttachment(FORWARDED);
        if (forwarded != null) {
            return forwarded;
        }
        ServerConnection connection = exchange.getConnection();
        String peer = connection.getAttachment(PEER);
        if (peer == null) {
            peer = connection.getPeerAddress(InetSocketAddress.class).getAddress().getHostAddress();
            connection.putAttachment(PEER, peer);
        }
        return peer;
    }

    /** Records that a trusted proxy named {@code client} as the client of this request. */
    static void forwarded(HttpServerExchange exchange, InetSocketAddress client) {
        exchange.setSourceAddress(client);
        exchange.putAttachment(FORWARDED, client.getAddress().getHostAddress());
    }
}
