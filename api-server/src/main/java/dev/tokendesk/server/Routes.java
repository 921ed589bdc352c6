package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.role.Action;
import dev.tokendesk.server.content.ContentHandlers;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import dev.tokendesk.server.http.CorsHandler;
import dev.tokendesk.server.http.DiskSpaceHandler;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.server.http.ErrorHandler;
import dev.tokendesk.server.http.HttpLimits;
import dev.tokendesk.server.http.InFlightHandler;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestLimitsHandler;
import dev.tokendesk.server.http.SecurityHeadersHandler;
import dev.tokendesk.server.http.TrailingSlashHandler;
import dev.tokendesk.server.http.WorkerDispatchHandler;
import dev.tokendesk.server.openapi.OpenApiHandler;
import dev.tokendesk.server.requestlog.RequestLog;
import dev.tokendesk.server.requestlog.RequestLogHandler;
import dev.tokendesk.server.security.AuthenticationHandler;
import dev.tokendesk.server.security.FailureLimits;
import dev.tokendesk.server.security.PermissionHandler;
import dev.tokendesk.server.security.PermissionHandler.Requirement;
import dev.tokendesk.server.security.TrustedProxyHandler;
import dev.tokendesk.server.users.LoginHandler;
import dev.tokendesk.server.users.MeHandler;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table and the handler chain around it. Each route declares what it requires next to
 * its path; {@link PermissionHandler} enforces it.
 *
 * <pre>
 * SecurityHeaders → RequestLog → RequestLimits → CORS → in flight → trailing slash → worker thread → errors → /_health
 *                                                                                                    → Authentication → route → Permission → endpoint
 * </pre>
 */
final class Routes {

    private Routes() {
    }

    static Chain build(TokenDesk desk, RequestLog requestLog, CorsPolicy cors, HttpLimits httpLimits) {
        ContentHandlers content = new ContentHandlers(desk.content(), desk.events());
        FailureLimits limits = FailureLimits.defaults(desk.clock());
        // Content routes name the action for collection types, then for single types; null where the kind has no such route.
        RoutingHandler routes = new RoutingHandler(false);
        Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
        route(routes, methodsByTemplate, Methods.POST, "/api/auth/local", guard(desk, Requirement.ANYONE, new LoginHandler(desk, limits)));
        routeGetAndHead(routes, methodsByTemplate, "/api/users/me", guard(desk, Requirement.AUTHENTICATED, new MeHandler(desk)));
        routeGetAndHead(routes, methodsByTemplate, "/api/openapi.json", guard(desk, Requirement.ANYONE, new OpenApiHandler(desk.content())));
        routeGetAndHead(routes, methodsByTemplate, "/api/{name}", content(desk, Action.FIND, Action.FIND_ONE, content.read()));
        route(routes, methodsByTemplate, Methods.POST, "/api/{name}", content(desk, Action.CREATE, null, content.create()));
        route(routes, methodsByTemplate, Methods.PUT, "/api/{name}", content(desk, null, Action.UPDATE, content.putSingle()));
        route(routes, methodsByTemplate, Methods.DELETE, "/api/{name}", content(desk, null, Action.DELETE, content.delete()));
        routeGetAndHead(routes, methodsByTemplate, "/api/{name}/{documentId}", content(desk, Action.FIND_ONE, null, content.findOne()));
        route(routes, methodsByTemplate, Methods.PUT, "/api/{name}/{documentId}", content(desk, Action.UPDATE, null, content.update()));
        route(routes, methodsByTemplate, Methods.DELETE, "/api/{name}/{documentId}", content(desk, Action.DELETE, null, content.delete()));
        routes.setFallbackHandler(exchange -> ErrorMapper.send(exchange, ApiException.notFound("Not Found")))
                .setInvalidMethodHandler(exchange -> ErrorMapper.send(exchange, ApiException.methodNotAllowed(
                        exchange.getRequestMethod().toString(), exchange.getRequestPath(), allowedMethods(methodsByTemplate, exchange))));

        HttpHandler api = new AuthenticationHandler(desk.authenticator(), limits.tokenChecksByAddress(), desk.authFailures(), routes);
        HttpHandler paths = Handlers.path(api)
                .addExactPath("/_health", exchange -> {
                    if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
                        throw ApiException.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                                List.of("GET", "HEAD"));
                    }
                    Json.send(exchange, 200, Map.of("status", "ok"));
                });
        HttpHandler spaceChecked = new DiskSpaceHandler(desk.database(), paths);
        HttpHandler onWorker = new WorkerDispatchHandler(new ErrorHandler(spaceChecked));
        InFlightHandler inFlight = new InFlightHandler(new TrailingSlashHandler(onWorker));
        HttpHandler limited = new RequestLimitsHandler(httpLimits, new CorsHandler(cors, inFlight));
        HttpHandler logged = new SecurityHeadersHandler(new RequestLogHandler(requestLog, desk.clock(), limited));
        IpAllowList proxies = IpAllowList.parse(desk.config().trustedProxies());
        return new Chain(proxies.allowsAll() ? logged : new TrustedProxyHandler(proxies, logged), inFlight);
    }

    /** The handler chain of one server start: {@code root} receives every request, {@code inFlight} is its stop control. */
    record Chain(HttpHandler root, InFlightHandler inFlight) {
    }

    /** Registers {@code handler} for {@code method} on {@code template} and records the pair for the Allow header of a 405. */
    private static void route(RoutingHandler routes, Map<String, Set<String>> methodsByTemplate, HttpString method, String template,
            HttpHandler handler) {
        routes.add(method, template, handler);
        methodsByTemplate.computeIfAbsent(template, key -> new TreeSet<>()).add(method.toString());
    }

    /**
     * Registers {@code handler} for GET and HEAD on {@code template}. A HEAD runs the same checks and
     * endpoint as the GET, and Undertow sends the GET's status and headers, Content-Length included,
     * without the body.
     */
    private static void routeGetAndHead(RoutingHandler routes, Map<String, Set<String>> methodsByTemplate, String template,
            HttpHandler handler) {
        route(routes, methodsByTemplate, Methods.GET, template, handler);
        route(routes, methodsByTemplate, Methods.HEAD, template, handler);
    }

    /** Returns the methods of every registered template that matches the request's path. */
    private static Set<String> allowedMethods(Map<String, Set<String>> methodsByTemplate, HttpServerExchange exchange) {
        Set<String> allowed = new TreeSet<>();
        methodsByTemplate.forEach((template, methods) -> {
            if (PathTemplate.create(template).matches(exchange.getRelativePath(), new HashMap<>())) {
                allowed.addAll(methods);
            }
        });
        return allowed;
    }

    private static HttpHandler guard(TokenDesk desk, Requirement requirement, HttpHandler endpoint) {
        return new PermissionHandler(requirement, null, null, desk.content(), desk.lastUsed(), endpoint);
    }

    private static HttpHandler content(TokenDesk desk, Action collectionAction, Action singleAction, HttpHandler endpoint) {
        return new PermissionHandler(Requirement.CONTENT_PERMISSION, collectionAction, singleAction, desk.content(), desk.lastUsed(),
                endpoint);
    }
}
