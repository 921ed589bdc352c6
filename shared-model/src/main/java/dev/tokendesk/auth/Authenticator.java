package dev.tokendesk.auth;

import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.jwt.JwtService;
import dev.tokendesk.jwt.JwtService.JwtClaims;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.VerifiedToken;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;

/**
 * Resolves a credential to a {@link Principal} with its effective permissions: the role's
 * permissions, intersected with the token's scope for API tokens.
 *
 * <p>Thread-safe. What a call reads from the database is kept in a {@link CredentialCache}, which
 * every committed change to users, roles and tokens empties before the changing call returns, so
 * a revocation, block, deletion or role change applies to the next call. Changes made by another
 * process apply once the change feed notices them, within about a second.
 */
public final class Authenticator {

    private final TokenService tokens;
    private final JwtService jwt;
    private final UserService users;
    private final RoleService roles;
    private final CredentialCache cache;

    public Authenticator(TokenService tokens, JwtService jwt, UserService users, RoleService roles, CredentialCache cache) {
        this.cache = cache;
        this.tokens = tokens;
        this.jwt = jwt;
        this.users = users;
        this.roles = roles;
    }

    /** Returns the principal of a caller that presents no credential: the Public role. */
    public Principal anonymous() {
        PermissionSet permissions = cache.publicRole(PermissionSet.class);
        if (permissions == null) {
            long generation = cache.generation();
            permissions = roles.publicRole().permissions();
            cache.putPublicRole(generation, permissions);
        }
        return new Principal(Principal.Kind.PUBLIC, null, null, null, permissions);
    }

    /**
     * Authenticates an API token used from {@code clientAddress}.
     *
     * @throws CredentialRejectedException when the token is malformed, unknown, revoked, expired, or its owner is blocked
     * @throws AddressNotAllowedException when the token's IP allow-list excludes {@code clientAddress}
     */
    public Principal withApiToken(String token, String clientAddress) {
        VerifiedToken verified = tokens.verify(token, clientAddress);
        PermissionSet rolePermissions = verified.rolePermissions();
        PermissionSet effective = switch (verified.scope()) {
            case FULL -> rolePermissions;
            case READ_ONLY -> rolePermissions.filter(permission -> permission.action().isRead());
            case CUSTOM -> rolePermissions.intersect(verified.customPermissions());
        };
        return new Principal(Principal.Kind.API_TOKEN, verified.ownerId(), verified.ownerUsername(), verified.tokenId(), effective);
    }

    /**
     * Authenticates a JWT from the login endpoint.
     *
     * @throws CredentialRejectedException when the JWT is invalid or expired, its user is gone or
     *     blocked, or it was issued before the user's credential version changed
     */
    public Principal withJwt(String token) {
        JwtClaims claims = jwt.verify(token);
        JwtUser user = cache.user(claims.userId(), JwtUser.class);
        if (user == null) {
            long generation = cache.generation();
            UserView found = users.find(claims.userId()).orElseThrow(() -> new CredentialRejectedException(Reason.USER_NOT_FOUND));
            user = new JwtUser(found, roles.permissionsOf(found.roleId()));
            cache.putUser(claims.userId(), generation, user);
        }
        if (user.view().blocked()) {
            throw new CredentialRejectedException(Reason.USER_BLOCKED);
        }
        if (user.view().credentialVersion() != claims.credentialVersion()) {
            throw new CredentialRejectedException(Reason.OUTDATED_JWT);
        }
        return new Principal(Principal.Kind.JWT, user.view().id(), user.view().username(), null, user.permissions());
    }

    /** Cached value for the user of a JWT: the user as read and their role's permissions. */
    private record JwtUser(UserView view, PermissionSet permissions) {
    }
}
