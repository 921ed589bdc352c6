package dev.tokendesk.console.tokens;

import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.token.TokenScope;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks a collection type that a new token can list, for the ready URL in the token dialog.
 * Stateless and thread-safe.
 */
final class ReadableCollections {

    private ReadableCollections() {
    }

    /**
     * Returns the collection type, first by plural name, on which both the owner's role and the
     * token's scope allow {@code find}; empty when there is none.
     */
    static Optional<ContentTypeSummary> firstReadable(List<ContentTypeSummary> types, PermissionSet rolePermissions,
                                                      TokenScope scope, PermissionSet customPermissions) {
        return types.stream()
                .filter(ContentTypeSummary::collection)
                .filter(type -> rolePermissions.allows(type.uid(), Action.FIND))
                .filter(type -> scope != TokenScope.CUSTOM || customPermissions.allows(type.uid(), Action.FIND))
                .min(Comparator.comparing(ContentTypeSummary::pluralName));
    }
}
