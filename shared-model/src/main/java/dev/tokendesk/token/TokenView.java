package dev.tokendesk.token;

import dev.tokendesk.role.PermissionSet;
import java.time.Instant;

/**
 * Detached, immutable description of a token for lists and audits; it carries the hint, never
 * the token.
 *
 * @param hint display form such as {@code tdk_…abcd}
 * @param expiresAt end of validity, or {@code null} for a token that never expires
 * @param status status at the time the view was made
 * @param allowedIps normalised IP allow-list, or the empty string when every address may use the token
 * @param regeneratedAt last regeneration, or {@code null}
 * @param previousValidUntil end of the grace period of the value before the last regeneration,
 *     or {@code null} when no previous value is valid any more
 */
public record TokenView(
        long id,
        String name,
        String description,
        long ownerId,
        String ownerUsername,
        String hint,
        TokenScope scope,
        PermissionSet customPermissions,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        TokenStatus status,
        String allowedIps,
        Instant regeneratedAt,
        Instant previousValidUntil) {
}
