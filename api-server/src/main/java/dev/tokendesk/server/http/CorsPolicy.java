package dev.tokendesk.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The browser origins allowed to call the API from another page. Each pattern is an exact origin
 * such as {@code https://app.example.com}, or an origin whose port is {@code *}, such as
 * {@code http://localhost:*}, which matches that scheme and host on any port or none. Immutable.
 */
public final class CorsPolicy {

    /** Local development servers: {@code http://localhost:*} and {@code http://127.0.0.1:*}. */
    public static final CorsPolicy LOCAL_DEVELOPMENT = new CorsPolicy(List.of("http://localhost:*", "http://127.0.0.1:*"));

    private final List<String> patterns;

    /**
     * Creates a policy from origin patterns.
     *
     * @throws IllegalArgumentException naming a pattern that is not scheme://host or scheme://host:port with a numeric port or *
     */
    public CorsPolicy(List<String> patterns) {
        for (String pattern : patterns) {
            if (parse(pattern.replace(":*", ":1")) == null) {
                throw new IllegalArgumentException("Invalid CORS origin '" + pattern + "': write scheme://host, scheme://host:port "
                        + "or scheme://host:*");
            }
        }
        this.patterns = patterns.stream().map(pattern -> pattern.toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Returns whether a request with this {@code Origin} header may read the response. */
    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        URI uri = parse(origin.toLowerCase(Locale.ROOT));
        if (uri == null) {
            return false;
        }
        String base = uri.getScheme() + "://" + uri.getHost();
        String exact = uri.getPort() < 0 ? base : base + ":" + uri.getPort();
        return patterns.contains(exact) || patterns.contains(base + ":*");
    }

    /** Returns the origin as a URI when it is only a scheme, a host and an optional port, otherwise null. */
    private static URI parse(String origin) {
        try {
            URI uri = new URI(origin);
            boolean bare = uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return bare ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
