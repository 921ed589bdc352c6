package dev.tokendesk.token;

import dev.tokendesk.role.PermissionSet;

/** An accepted API token with what authorization needs from it and its owner. */
public record VerifiedToken(long tokenId, long ownerId, String ownerUsername, long ownerRoleId,
                            TokenScope scope, PermissionSet customPermissions) {
}
