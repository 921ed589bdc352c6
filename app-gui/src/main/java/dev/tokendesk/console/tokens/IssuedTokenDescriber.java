package dev.tokendesk.console.tokens;

import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a freshly issued or regenerated token into the content of the token dialog: the token,
 * and a ready URL and curl command for a collection the token can list, or the reason why there is
 * none. It reads the database, so call it from background work only. Thread-safe.
 */
final class IssuedTokenDescriber {

    private static final Logger LOG = LoggerFactory.getLogger(IssuedTokenDescriber.class);

    private final UserService userService;
    private final RoleService roleService;
    private final ContentCatalog catalog;

    IssuedTokenDescriber(UserService userService, RoleService roleService, ContentCatalog catalog) {
        this.userService = userService;
        this.roleService = roleService;
        this.catalog = catalog;
    }

    /**
     * Describes {@code issued} for the dialog.
     *
     * @param serverUrl base URL of the running server, or {@code null} or empty when it is not running
     */
    IssuedTokenDetails describe(IssuedToken issued, String serverUrl) {
        TokenView view = issued.view();
        if (serverUrl == null || serverUrl.isEmpty()) {
            return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                    "The API server is not running, so there is no URL yet. Start it on the Dashboard.");
        }
        try {
            Optional<ContentTypeSummary> readable = readableCollection(view);
            if (readable.isEmpty()) {
                return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                        "No ready URL: the role of " + view.ownerUsername() + " grants find on no collection type"
                                + " that this token may read. Grant it under Roles & permissions;"
                                + " the token works as soon as the role allows it.");
            }
            return IssuedTokenDetails.withCollection(view.name(), view.ownerUsername(), issued.token(), serverUrl,
                    readable.get().pluralName());
        } catch (RuntimeException e) {
            // The token exists now and is never shown again, so a failed look-up must not hide it.
            LOG.warn("Could not find a readable collection for token {}", view.id(), e);
            return IssuedTokenDetails.withoutUrl(view.name(), view.ownerUsername(), issued.token(),
                    "No ready URL: the content types could not be read (" + e.getMessage() + ").");
        }
    }

    private Optional<ContentTypeSummary> readableCollection(TokenView view) {
        Optional<UserView> owner = userService.find(view.ownerId());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        PermissionSet rolePermissions = roleService.permissionsOf(owner.get().roleId());
        return ReadableCollections.firstReadable(catalog.listTypes(), rolePermissions, view.scope(), view.customPermissions());
    }
}
