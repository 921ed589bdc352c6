package dev.tokendesk.audit;

import java.time.Instant;

/**
 * Detached copy of an audit event.
 *
 * @param actor {@code console}, {@code cli} or {@code api}
 * @param action such as {@code token.revoked}
 * @param targetType {@code user}, {@code token} or {@code role}
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType,
                         String targetId, String targetLabel, String details) {
}
