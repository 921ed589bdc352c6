package dev.tokendesk.server.http;

import dev.tokendesk.server.error.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.PathTemplateMatcher;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes a request by its whole path first and its method second, ignoring the relative path of
 * any path handler before it. The most specific path template that matches the path decides,
 * whatever the method, so {@code GET /api/auth/local} reaches the login route and gets a 405
 * instead of falling through to a template that takes GET.
 *
 * <p>A path that no template matches gets a 404 naming the path. A method that the matched
 * template does not take gets a 405 whose Allow header lists the methods that the template's
 * {@link AllowedMethods} returns, and a plain {@code OPTIONS} gets 204 with that Allow header.
 * The handlers after this one find the {@link PathTemplateMatch} attached to the exchange.
 *
 * <p>Immutable once built and thread-safe.
 */
public final class RouteHandler implements HttpHandler {

    /** The methods that a path takes, for the Allow header of a 405 and of an OPTIONS response. */
    @FunctionalInterface
    public interface AllowedMethods {

        /**
         * Returns the methods that the matched path of {@code exchange} takes.
         *
         * @throws ApiException when the path names nothing that exists, for example a 404 for an unknown content type
         */
        Collection<String> of(HttpServerExchange exchange);
    }

    private record Route(Map<HttpString, HttpHandler> handlers, AllowedMethods allowed) {
    }

    private final PathTemplateMatcher<Route> matcher;
    private RouteHandler(PathTemplateMatcher<Route> matcher) {
        this.matcher = matcher;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        PathTemplateMatcher.PathMatchResult<Route> match = matcher.match(exchange.getRequestPath());
        if (match == null) {
            throw ApiException.notFound("No route matches the path '" + exchange.getRequestPath() + "'");
        }
        exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY, match);

        Route route = match.getValue();
        HttpHandler handler = route.handlers().get(exchange.getRequestMethod());
        if (handler != null) {
            handler.handleRequest(exchange);
            return;
        }

        Collection<String> allowed = route.allowed().of(exchange);
        if (!exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            throw ApiException.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath(), allowed);
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", new TreeSet<>(allowed)));
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    /** Collects the routes; not thread-safe. */
    public static final class Builder {

        private final Map<String, Map<HttpString, HttpHandler>> handlersByTemplate = new LinkedHashMap<>();
        private final Map<String, AllowedMethods> allowedByTemplate = new HashMap<>();

        private Builder() {
        }

        /**
         * Registers {@code handler} for {@code method} on {@code template}.
         *
         * @throws IllegalArgumentException when the template already has a handler for the method
         */
        public Builder add(HttpString method, String template, HttpHandler handler) {
            HttpHandler previous = handlersByTemplate.computeIfAbsent(template, key -> new HashMap<>()).putIfAbsent(method, handler);
            if (previous != null) {
                throw new IllegalArgumentException(method + " " + template + " is registered twice");
            }
            return this;
        }

        /** Sets the methods that {@code template} reports in its Allow header. */
        public Builder allowedMethods(String template, AllowedMethods allowed) {
            allowedByTemplate.put(template, allowed);
            return this;
        }

        /**
         * Builds the handler.
         *
         * @throws IllegalStateException naming a template that has handlers but no allowed methods
         */
        public RouteHandler build() {
            PathTemplateMatcher<Route> matcher = new PathTemplateMatcher<>();
            handlersByTemplate.forEach((template, handlers) -> {
                AllowedMethods allowed = allowedByTemplate.get(template);
                if (allowed == null) {
                    throw new IllegalStateException("No allowed methods for the template " + template);
                }
                matcher.add(template, new Route(Map.copyOf(handlers), allowed));
            });
            return new RouteHandler(matcher);
        }
    }
}
