package dev.tokendesk.console.audit;

import dev.tokendesk.audit.AuditEntry;
import dev.tokendesk.console.display.DisplayTime;

/**
 * One line of the audit table, ready to display. Immutable.
 *
 * @param actor {@code console}, {@code cli} or {@code api}
 * @param action such as {@code token.revoked}
 * @param target target type and label, such as {@code user bob}
 */
public record AuditRow(long id, String time, String actor, String action, String target, String details) {

    static AuditRow of(AuditEntry entry) {
        String label = entry.targetLabel() != null ? entry.targetLabel() : entry.targetId() == null ? "" : "#" + entry.targetId();
        return new AuditRow(entry.id(), DisplayTime.formatSeconds(entry.occurredAt()), entry.actor(), entry.action(),
                (entry.targetType() + " " + label).strip(), entry.details() == null ? "" : entry.details());
    }
}
