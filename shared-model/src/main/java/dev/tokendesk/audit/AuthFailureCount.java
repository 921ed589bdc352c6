package dev.tokendesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Stored number of authentication failures for one reason. */
@Entity
@Table(name = "auth_failure_counts")
public class AuthFailureCount {

    @Id
    @Column(length = 40)
    private String reason;

    @Column(nullable = false)
    private long failures;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    protected AuthFailureCount() {
    }

    AuthFailureCount(String reason) {
        this.reason = reason;
    }

    void add(long count, Instant when) {
        failures += count;
        if (lastFailure == null || when.isAfter(lastFailure)) {
            lastFailure = when;
        }
    }

    public String getReason() {
        return reason;
    }

    public long getFailures() {
        return failures;
    }

    public Instant getLastFailure() {
        return lastFailure;
    }
}
