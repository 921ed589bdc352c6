package dev.tokendesk.server.security;

import dev.tokendesk.auth.Principal;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.role.Action;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.error.UnauthorizedException;
import dev.tokendesk.token.LastUsedRecorder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.PathTemplateMatch;

/**
 * Enforces what a route requires, the only place where permissions are checked. For content
 * routes it resolves {@code {pluralName}} to a content type (404 when there is none) and checks
 * the caller's effective permission: 403 when missing, for anonymous callers too, as Strapi does.
 *
 * <p>A token's last use is recorded only once the request is allowed, so a 403 does not count.
 */
public final class PermissionHandler implements HttpHandler {

    /** The content type of a content route, resolved from the path. */
    public static final AttachmentKey<ContentTypeView> CONTENT_TYPE = AttachmentKey.create(ContentTypeView.class);

    /** What a route requires. */
    public enum Requirement {
        ANYONE,
        AUTHENTICATED,
        CONTENT_PERMISSION
    }

    private final Requirement requirement;
    private final Action action;
    private final ContentService content;
    private final LastUsedRecorder lastUsed;
    private final HttpHandler next;

    public PermissionHandler(Requirement requirement, Action action, ContentService content, LastUsedRecorder lastUsed, HttpHandler next) {
        this.requirement = requirement;
        this.action = action;
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
                ContentTypeView type = resolveType(exchange);
                if (!principal.allows(type.uid(), action)) {
                    throw ApiException.forbidden();
                }
                exchange.putAttachment(CONTENT_TYPE, type);
            }
        }
        if (principal.tokenId() != null) {
            lastUsed.record(principal.tokenId(), exchange.getSourceAddress().getAddress().getHostAddress());
        }
        next.handleRequest(exchange);
    }

    private ContentTypeView resolveType(HttpServerExchange exchange) {
        String pluralName = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("pluralName");
        // Plugin types such as the users-permissions user are served by their own endpoints, not here.
        return content.findByPluralName(pluralName)
                .filter(type -> !type.pluginManaged())
                .orElseThrow(() -> ApiException.notFound("No content type with plural name '" + pluralName + "'"));
    }
}
