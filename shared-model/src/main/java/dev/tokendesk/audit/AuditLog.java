package dev.tokendesk.audit;

import dev.tokendesk.db.Database;
import java.time.Clock;
import java.util.List;
import org.hibernate.Session;

/**
 * The audit trail of admin actions. Services call {@link #record} inside the transaction of the
 * change, so an event is stored exactly when the change commits. Events never contain a secret:
 * tokens appear by id and hint, passwords not at all.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {

    private final Database database;
    private final Clock clock;
    private final Actor actor;

    public AuditLog(Database database, Clock clock, Actor actor) {
        this.database = database;
        this.clock = clock;
        this.actor = actor;
    }

    /** Adds an event to the caller's transaction. */
    public void record(Session session, AuditAction action, Object targetId, String targetLabel, String details) {
        session.persist(new AuditEvent(clock.instant(), actor, action, targetId == null ? null : targetId.toString(), targetLabel, details));
    }

    /**
     * Returns the newest events first.
     *
     * @param limit maximum number of events, 1 to 10,000
     * @param targetType only events about {@code user}, {@code token} or {@code role}, or {@code null} for all
     */
    public List<AuditEntry> list(int limit, String targetType) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, got " + limit);
        }
        return database.inTransaction(session -> {
            String where = targetType == null ? "" : " where targetType = :type";
            var query = session.createSelectionQuery("from AuditEvent" + where + " order by id desc", AuditEvent.class);
            if (targetType != null) {
                query.setParameter("type", targetType);
            }
            return query.setMaxResults(limit).getResultList().stream().map(AuditEvent::toEntry).toList();
        });
    }

    public Actor actor() {
        return actor;
    }
}
