package dev.tokendesk.token;

import dev.tokendesk.role.PermissionSet;

/**
 * An accepted API token with what authorization needs from it and its owner, read in the same
 * transaction as the token.
 *
 * @param rolePermissions what the owner's role grants at the time of the check
 */
public record VerifiedToken(long tokenId, long ownerId, String ownerUsername, long ownerRoleId,
                            TokenScope scope, PermissionSet customPermissions, PermissionSet rolePermissions) {
}
