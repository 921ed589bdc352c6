package dev.tokendesk.server;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.role.Action;
import dev.tokendesk.server.content.ContentHandlers;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.ErrorMapper;
import dev.tokendesk.server.http.ErrorHandler;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.SecurityHeadersHandler;
import dev.tokendesk.server.http.WorkerDispatchHandler;
import dev.tokendesk.server.requestlog.RequestLog;
import dev.tokendesk.server.requestlog.RequestLogHandler;
import dev.tokendesk.server.security.AuthenticationHandler;
import dev.tokendesk.server.security.FailureLimits;
import dev.tokendesk.server.security.PermissionHandler;
import dev.tokendesk.server.security.PermissionHandler.Requirement;
import dev.tokendesk.server.users.LoginHandler;
import dev.tokendesk.server.users.MeHandler;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Methods;
import java.util.Map;

/**
 * The route table and the handler chain around it. Each route declares what it requires next to
 * its path; {@link PermissionHandler} enforces it.
 *
 * <pre>
 * SecurityHeaders → RequestLog → worker thread → errors → /_health
 *                                                      → Authentication → route → Permission → endpoint
 * </pre>
 */
final class Routes {

    private Routes() {
    }

    static HttpHandler build(TokenDesk desk, RequestLog requestLog) {
        ContentHandlers content = new ContentHandlers(desk.content());
        FailureLimits limits = FailureLimits.defaults(desk.clock());
        RoutingHandler routes = new RoutingHandler(false)
                .post("/api/auth/local", guard(desk, Requirement.ANYONE, null, new LoginHandler(desk, limits)))
                .get("/api/users/me", guard(desk, Requirement.AUTHENTICATED, null, new MeHandler(desk)))
                .get("/api/{pluralName}", guard(desk, Requirement.CONTENT_PERMISSION, Action.FIND, content.find()))
                .post("/api/{pluralName}", guard(desk, Requirement.CONTENT_PERMISSION, Action.CREATE, content.create()))
                .get("/api/{pluralName}/{documentId}", guard(desk, Requirement.CONTENT_PERMISSION, Action.FIND_ONE, content.findOne()))
                .setFallbackHandler(exchange -> ErrorMapper.send(exchange, ApiException.notFound("Not Found")))
                .setInvalidMethodHandler(exchange -> ErrorMapper.send(exchange,
                        ApiException.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath())));

        HttpHandler api = new AuthenticationHandler(desk.authenticator(), limits.tokenChecksByAddress(), desk.authFailures(), routes);
        HttpHandler paths = Handlers.path(api)
                .addExactPath("/_health", exchange -> {
                    if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
                        throw ApiException.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath());
                    }
                    Json.send(exchange, 200, Map.of("status", "ok"));
                });
        HttpHandler onWorker = new WorkerDispatchHandler(new ErrorHandler(paths));
        return new SecurityHeadersHandler(new RequestLogHandler(requestLog, desk.clock(), onWorker));
    }

    private static HttpHandler guard(TokenDesk desk, Requirement requirement, Action action, HttpHandler endpoint) {
        return new PermissionHandler(requirement, action, desk.content(), desk.lastUsed(), endpoint);
    }
}
