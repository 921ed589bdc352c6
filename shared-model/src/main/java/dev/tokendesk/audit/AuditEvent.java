package dev.tokendesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One admin action as stored in the audit trail. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 20)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "target_type", nullable = false, length = 20)
    private String targetType;

    @Column(name = "target_id", length = 64)
    private String targetId;

    @Column(name = "target_label", length = 200)
    private String targetLabel;

    @Column(length = 1000)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, Actor actor, AuditAction action, String targetId, String targetLabel, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor.dbValue();
        this.action = action.dbValue();
        this.targetType = action.targetType();
        this.targetId = targetId;
        this.targetLabel = truncate(targetLabel, 200);
        this.details = truncate(details, 1000);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
    }

    public AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, actor, action, targetType, targetId, targetLabel, details);
    }
}
