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
 * <p>Thread-safe. Every call reads the current state from the database, so a revocation, block,
 * deletion or role change that has committed applies to the next call.
 */
public final class Authenticator {

    private final TokenService tokens;
    private final JwtService jwt;
    private final UserService users;
    private final RoleService roles;

    public Authenticator(TokenService tokens, JwtService jwt, UserService users, RoleService roles) {
        this.tokens = tokens;
        this.jwt = jwt;
        this.users = users;
        this.roles = roles;
    }

    /** Returns the principal of a caller that presents no credential: the Public role. */
    public Principal anonymous() {
        return new Principal(Principal.Kind.PUBLIC, null, null, null, roles.publicRole().permissions());
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
        UserView user = users.find(claims.userId()).orElseThrow(() -> new CredentialRejectedException(Reason.USER_NOT_FOUND));
        if (user.blocked()) {
            throw new CredentialRejectedException(Reason.USER_BLOCKED);
        }
        if (user.credentialVersion() != claims.credentialVersion()) {
            throw new CredentialRejectedException(Reason.OUTDATED_JWT);
        }
        return new Principal(Principal.Kind.JWT, user.id(), user.username(), null, roles.permissionsOf(user.roleId()));
    }
}
