package dev.tokendesk.console.roles;

import dev.tokendesk.console.content.ContentCatalog;
import dev.tokendesk.console.content.ContentTypeSummary;
import dev.tokendesk.db.Page;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.TokenQuery;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out what a user may do through the API. A JWT gets the permissions of their role, and each
 * active API token gets the role's permissions narrowed by the token's scope. It reads the
 * database, so call it from background work only. Thread-safe.
 */
final class EffectivePermissions {

    private final UserService userService;
    private final RoleService roleService;
    private final TokenService tokenService;
    private final ContentCatalog catalog;

    EffectivePermissions(UserService userService, RoleService roleService, TokenService tokenService, ContentCatalog catalog) {
        this.userService = userService;
        this.roleService = roleService;
        this.tokenService = tokenService;
        this.catalog = catalog;
    }

    /**
     * Describes the user with user name or email {@code identifier}.
     *
     * @throws dev.tokendesk.NotFoundException when no user matches
     */
    Result describe(String identifier) {
        UserView user = userService.findByIdentifier(identifier);
        PermissionSet role = roleService.permissionsOf(user.roleId());
        Map<String, String> names = catalog.listTypes().stream()
                .collect(Collectors.toMap(ContentTypeSummary::uid, ContentTypeSummary::displayName, (first, second) -> first));

        List<EffectiveRow> rows = new ArrayList<>(rowsOf("Role " + user.roleName() + " (JWT)", role, names));
        // Active tokens only: the API rejects expired and revoked ones whatever they grant.
        Page<TokenView> tokens = tokenService.page(new TokenQuery(user.id(), "", TokenStatus.ACTIVE, null, 1, Page.MAX_PAGE_SIZE));
        for (TokenView token : tokens.items()) {
            PermissionSet effective = token.scope().effective(role, token.customPermissions());
            rows.addAll(rowsOf("Token " + token.name() + " (" + token.scope().apiName() + ")", effective, names));
        }

        String summary = user.username() + " has the role " + user.roleName() + " and " + tokens.total()
                + (tokens.total() == 1 ? " active API token." : " active API tokens.");
        if (user.blocked()) {
            summary = summary + " " + user.username() + " is blocked, so the API rejects all of their JWTs and tokens now.";
        }
        return new Result(summary, rows);
    }

    private static List<EffectiveRow> rowsOf(String credential, PermissionSet permissions, Map<String, String> names) {
        if (permissions.isEmpty()) {
            return List.of(new EffectiveRow(credential, "\u2014", "nothing"));
        }
        Map<String, List<Action>> byType = new TreeMap<>();
        for (Permission permission : permissions.asSet()) {
            byType.computeIfAbsent(permission.contentTypeUid(), uid -> new ArrayList<>()).add(permission.action());
        }
        Function<String, String> name = uid -> names.getOrDefault(uid, uid);
        return byType.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((left, right) -> name.apply(left).compareToIgnoreCase(name.apply(right))))
                .map(entry -> new EffectiveRow(credential, name.apply(entry.getKey()), actionList(entry.getValue())))
                .toList();
    }

    private static String actionList(List<Action> actions) {
        return Arrays.stream(Action.values()).filter(actions::contains).map(Action::apiName).collect(Collectors.joining(", "));
    }

    /** A one-line summary of the user and one row per credential and content type. */
    record Result(String summary, List<EffectiveRow> rows) {
    }
}
