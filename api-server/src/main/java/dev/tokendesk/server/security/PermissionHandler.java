package dev.tokendesk.server.security;

import dev.tokendesk.auth.Principal;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.role.Action;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.UnauthorizedException;
import dev.tokendesk.server.query.TargetAccess;
import dev.tokendesk.token.LastUsedRecorder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.PathTemplateMatch;
import java.util.Collection;
import java.util.Map;

/**
 * Enforces what a route requires, the only place where permissions are decided. For content
 * routes it resolves the {@code {name}} path segment to a content type: a collection type's plural
 * name or a single type's singular name (404 when neither matches). The route declares the action
 * for each kind; a kind without one is a 405. The caller needs that action on the type: 403 when
 * missing, for anonymous callers too, as Strapi does.
 *
 * <p>Relation targets that a query reaches through filters or populate are checked by the
 * {@link TargetAccess} attached under {@link #TARGET_ACCESS}: the caller needs {@code find} on each
 * target, otherwise the request is a 403 naming the parameter and the target.
 *
 * <p>A token's last use is recorded only once the request is allowed, so a 403 does not count.
 */
public final class PermissionHandler implements HttpHandler {

    /** The content type of a content route, resolved from the path. */
    public static final AttachmentKey<ContentTypeView> CONTENT_TYPE = AttachmentKey.create(ContentTypeView.class);
    /** The permission check for relation targets of the request's caller. */
    public static final AttachmentKey<TargetAccess> TARGET_ACCESS = AttachmentKey.create(TargetAccess.class);

    /** The condition a route sets on its callers. */
    public enum Requirement {
        ANYONE,
        AUTHENTICATED,
        CONTENT_PERMISSION
    }

    private final Requirement requirement;
    private final Action collectionAction;
    private final Action singleAction;
    private final Map<ContentKind, ? extends Collection<String>> allowedMethods;
    private final ContentService content;
    private final LastUsedRecorder lastUsed;
    private final HttpHandler next;

    /**
     * Creates the check for one route; {@code collectionAction} and {@code singleAction} are the
     * actions a content route performs on a collection type and on a single type, or null where
     * the route does not serve that kind. {@code allowedMethods} lists, for each kind, the methods
     * that the route's path takes, for the Allow header of the 405 where the action is null.
     * Routes without content permissions never read it.
     */
    public PermissionHandler(Requirement requirement, Action collectionAction, Action singleAction,
            Map<ContentKind, ? extends Collection<String>> allowedMethods, ContentService content, LastUsedRecorder lastUsed,
            HttpHandler next) {
        this.requirement = requirement;
        this.collectionAction = collectionAction;
        this.singleAction = singleAction;
        this.allowedMethods = allowedMethods;
        this.content = content;
        this.lastUsed = lastUsed;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Principal principal = exchange.getAttachment(AuthenticationHandler.PRINCIPAL);
        switch (requirement) {
            case ANYONE -> {
                // Open to every caller, for example the login endpoint.
            }
            case AUTHENTICATED -> {
                if (!principal.isAuthenticated()) {
                    throw new UnauthorizedException("This endpoint needs a credential: send ?token= or Authorization: Bearer", false);
                }
            }
            case CONTENT_PERMISSION -> {
                ContentTypeView type = contentType(content, exchange);
                Action action = type.kind() == ContentKind.SINGLE_TYPE ? singleAction : collectionAction;
                if (action == null) {
                    throw ApiException.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                            allowedMethods.get(type.kind()));
                }
                if (!principal.allows(type.uid(), action)) {
                    throw ApiException.forbidden();
                }
                exchange.putAttachment(CONTENT_TYPE, type);
            }
        }
        exchange.putAttachment(TARGET_ACCESS, new RelationTargetAccess(principal));
        if (principal.tokenId() != null) {
            lastUsed.record(principal.tokenId(), ClientAddress.of(exchange));
        }
        next.handleRequest(exchange);
    }

    /**
     * Returns the content type that the {@code {name}} segment of a content route's path names: a
     * collection type's plural name, or on a path without a documentId also a single type's
     * singular name.
     *
     * @throws ApiException 404 when no content type has that route name
     */
    public static ContentTypeView contentType(ContentService content, HttpServerExchange exchange) {
        Map<String, String> parameters = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters();
        String name = parameters.get("name");
        boolean entryPath = parameters.containsKey("documentId");
        return content.findByRouteName(name, entryPath).orElseThrow(() -> {
            if (entryPath && content.findByRouteName(name, false).isPresent()) {
                return ApiException.notFound("'" + name + "' is a single type, which has no entries by documentId: use the path /api/" + name);
            }
            return ApiException.notFound("No content type with the route name '" + name + "'");
        });
    }

    /** Allows a relation target when the caller's effective permissions include {@code find} on it. */
    private record RelationTargetAccess(Principal principal) implements TargetAccess {

        @Override
        public void requireFind(String targetUid, String parameter) {
            if (!mayFind(targetUid)) {
                throw new ApiException(403, "ForbiddenError", "Forbidden: " + parameter + " reaches " + targetUid
                        + ", which this caller may not find");
            }
        }

        @Override
        public boolean mayFind(String targetUid) {
            return principal.allows(targetUid, Action.FIND);
        }
    }
}
