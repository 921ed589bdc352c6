package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.role.Action;
import dev.tokendesk.server.content.ContentHandlers;
import dev.tokendesk.server.http.CorsHandler;
import dev.tokendesk.server.http.CorsPolicy;
import dev.tokendesk.server.http.DiskSpaceHandler;
import dev.tokendesk.server.http.ErrorHandler;
import dev.tokendesk.server.http.HttpLimits;
import dev.tokendesk.server.http.InFlightHandler;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestLimitsHandler;
import dev.tokendesk.server.http.RouteHandler;
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
import dev.tokendesk.token.IpAllowList;
import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

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
        List<Route> table = List.of(
                fixed(Methods.POST, "/api/auth/local", Requirement.ANYONE, new LoginHandler(desk, limits)),
                fixed(Methods.GET, "/api/users/me", Requirement.AUTHENTICATED, new MeHandler(desk)),
                fixed(Methods.GET, "/api/openapi.json", Requirement.ANYONE, new OpenApiHandler(desk.content())),
                content(Methods.GET, "/api/{name}", Action.FIND, Action.FIND_ONE, content.read()),
                content(Methods.POST, "/api/{name}", Action.CREATE, null, content.create()),
                content(Methods.PUT, "/api/{name}", null, Action.UPDATE, content.putSingle()),
                content(Methods.DELETE, "/api/{name}", null, Action.DELETE, content.delete()),
                content(Methods.GET, "/api/{name}/{documentId}", Action.FIND_ONE, null, content.findOne()),
                content(Methods.PUT, "/api/{name}/{documentId}", Action.UPDATE, null, content.update()),
                content(Methods.DELETE, "/api/{name}/{documentId}", Action.DELETE, null, content.delete()));
        RouteHandler routes = register(RouteHandler.builder(), table, desk.content(),
                (route, allowedByKind) -> new PermissionHandler(route.requirement(), route.collectionAction(), route.singleAction(),
                        allowedByKind, desk.content(), desk.lastUsed(), route.endpoint()))
                .build();

        HttpHandler api = new AuthenticationHandler(desk.authenticator(), limits.tokenChecksByAddress(), desk.authFailures(), routes);
        // The health check runs before authentication, so a bad credential cannot make it fail.
        List<Route> health = List.of(fixed(Methods.GET, "/_health", Requirement.ANYONE,
                exchange -> Json.send(exchange, 200, Map.of("status", "ok"))));
        RouteHandler healthRoutes = register(RouteHandler.builder(), health, desk.content(), (route, allowedByKind) -> route.endpoint())
                .build();
        // One string comparison first, so that API requests pay for neither a second template match nor a path handler.
        HttpHandler paths = exchange -> (exchange.getRequestPath().equals("/_health") ? healthRoutes : api).handleRequest(exchange);
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

    /**
     * Registers every route of {@code table} with the handler that {@code wrap} makes of it, a GET
     * route also for HEAD, and the methods that each template takes for its Allow header. On a
     * content template those depend on the kind of the content type that the path names.
     */
    private static RouteHandler.Builder register(RouteHandler.Builder routes, List<Route> table, ContentService content,
            BiFunction<Route, Map<ContentKind, Set<String>>, HttpHandler> wrap) {
        Map<String, Map<ContentKind, Set<String>>> allowedByTemplate = new LinkedHashMap<>();
        for (Route route : table) {
            allowedByTemplate.computeIfAbsent(route.template(), template -> allowedMethods(table, template));
        }
        for (Route route : table) {
            Map<ContentKind, Set<String>> allowedByKind = allowedByTemplate.get(route.template());
            HttpHandler handler = wrap.apply(route, allowedByKind);
            routes.add(route.method(), route.template(), handler);
            if (route.method().equals(Methods.GET)) {
                // A HEAD runs the same checks and endpoint as the GET, and Undertow sends the GET's
                // status and headers, Content-Length included, without the body.
                routes.add(Methods.HEAD, route.template(), handler);
            }
        }
        allowedByTemplate.forEach((template, allowedByKind) -> {
            boolean contentTemplate = table.stream()
                    .anyMatch(route -> route.template().equals(template) && route.requirement() == Requirement.CONTENT_PERMISSION);
            Set<String> fixedAllowed = allowedByKind.get(ContentKind.COLLECTION_TYPE);
            routes.allowedMethods(template, contentTemplate
                    ? exchange -> allowedByKind.get(PermissionHandler.contentType(content, exchange).kind())
                    : exchange -> fixedAllowed);
        });
        return routes;
    }

    /**
     * Returns, for each content kind, the methods that {@code template} takes: those of its
     * routes that serve the kind, HEAD wherever GET is one of them, and OPTIONS, to which
     * {@link RouteHandler} responds with 204 and the Allow header.
     */
    private static Map<ContentKind, Set<String>> allowedMethods(List<Route> table, String template) {
        Map<ContentKind, Set<String>> allowedByKind = new EnumMap<>(ContentKind.class);
        for (ContentKind kind : ContentKind.values()) {
            Set<String> allowed = new TreeSet<>(Set.of(Methods.OPTIONS_STRING));
            for (Route route : table) {
                if (route.template().equals(template) && route.serves(kind)) {
                    allowed.add(route.method().toString());
                    if (route.method().equals(Methods.GET)) {
                        allowed.add(Methods.HEAD_STRING);
                    }
                }
            }
            allowedByKind.put(kind, Collections.unmodifiableSet(allowed));
        }
        return allowedByKind;
    }

    private static Route fixed(HttpString method, String template, Requirement requirement, HttpHandler endpoint) {
        return new Route(method, template, requirement, null, null, endpoint);
    }

    private static Route content(HttpString method, String template, Action collectionAction, Action singleAction,
            HttpHandler endpoint) {
        return new Route(method, template, Requirement.CONTENT_PERMISSION, collectionAction, singleAction, endpoint);
    }

    /**
     * One row of the route table: a method on a path template, what the caller needs, and the
     * endpoint. A content route names the action it performs on a collection type and on a single
     * type, null where it does not serve that kind. A GET route also serves HEAD.
     */
    private record Route(HttpString method, String template, Requirement requirement, Action collectionAction, Action singleAction,
            HttpHandler endpoint) {

        /** Returns whether the route serves a path that names content of {@code kind}. A route without content permissions serves every path it matches. */
        boolean serves(ContentKind kind) {
            if (requirement != Requirement.CONTENT_PERMISSION) {
                return true;
            }
            return (kind == ContentKind.SINGLE_TYPE ? singleAction : collectionAction) != null;
        }
    }
}
