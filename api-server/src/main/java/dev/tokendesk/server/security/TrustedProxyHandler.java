package dev.tokendesk.server.security;

import dev.tokendesk.token.IpAllowList;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the client's address from {@code X-Forwarded-For} when the connection comes from a
 * trusted reverse proxy, so that rate limits, IP allow-lists, last-used addresses and the request
 * log see the client instead of the proxy.
 *
 * <p>The header is read from right to left: each proxy appends the address it received the
 * request from, so the rightmost entry that is not itself a trusted proxy is the client. Entries
 * to the left of it were written by the client and are never used. A connection from an
 * untrusted address keeps its socket address whatever the header contains, and so does a request
 * whose header contains anything but literal addresses.
 */
public final class TrustedProxyHandler implements HttpHandler {

    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final IpAllowList proxies;
    private final HttpHandler next;

    /**
     * @param proxies addresses and ranges of trusted proxies; must not be {@link IpAllowList#allowsAll()},
     *                because that would let every client choose its own address
     */
    public TrustedProxyHandler(IpAllowList proxies, HttpHandler next) {
        if (proxies.allowsAll()) {
            throw new IllegalArgumentException("An empty list of trusted proxies would trust every client");
        }
        this.proxies = proxies;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetSocketAddress peer = exchange.getSourceAddress();
        if (peer != null && peer.getAddress() != null && proxies.allows(peer.getAddress().getHostAddress())) {
            InetAddress client = forwardedClient(exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR));
            if (client != null) {
                ClientAddress.forwarded(exchange, new InetSocketAddress(client, peer.getPort()));
            }
        }
        next.handleRequest(exchange);
    }

    private InetAddress forwardedClient(HeaderValues values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                hops.add(part.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress address = literal(hops.get(i));
            if (address == null) {
                return null;
            }
            if (!proxies.allows(address.getHostAddress())) {
                return address;
            }
        }
        return null;
    }

    /** Parses a literal IPv4 or IPv6 address without a DNS look-up; anything else gives null. */
    private static InetAddress literal(String text) {
        // Only dotted quads and texts with a colon reach InetAddress, so it never looks up a name
        // and never reads legacy forms such as 10.1 as an address.
        if (text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
