package dev.tokendesk.token;

import dev.tokendesk.role.Permission;
import java.util.Set;

/**
 * Settings an admin chooses when issuing a token.
 *
 * @param ownerId id of the user the token acts as
 * @param name label shown in lists, 1 to 100 characters
 * @param description optional note, or {@code null}
 * @param scope what the token may do within the owner's role
 * @param customPermissions permissions of a {@link TokenScope#CUSTOM} token; empty for other scopes
 * @param expiry when the token stops working
 * @param allowedIps addresses the token may be used from
 */
public record TokenRequest(long ownerId, String name, String description, TokenScope scope,
                           Set<Permission> customPermissions, Expiry expiry, IpAllowList allowedIps) {

    public TokenRequest {
        customPermissions = customPermissions == null ? Set.of() : Set.copyOf(customPermissions);
        allowedIps = allowedIps == null ? IpAllowList.any() : allowedIps;
    }

    /** Creates a request usable from every address. */
    public TokenRequest(long ownerId, String name, String description, TokenScope scope,
                        Set<Permission> customPermissions, Expiry expiry) {
        this(ownerId, name, description, scope, customPermissions, expiry, IpAllowList.any());
    }

    /** Creates a request with no description and no custom permissions. */
    public static TokenRequest of(long ownerId, String name, TokenScope scope, Expiry expiry) {
        return new TokenRequest(ownerId, name, null, scope, Set.of(), expiry, IpAllowList.any());
    }
}
