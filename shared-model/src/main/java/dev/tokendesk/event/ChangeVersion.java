package dev.tokendesk.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Stored change counter of one kind of record. */
@Entity
@Table(name = "change_versions")
public class ChangeVersion {

    @Id
    @Column(length = 20)
    private String kind;

    @Column(nullable = false)
    private long version;

    protected ChangeVersion() {
    }

    public String getKind() {
        return kind;
    }

    public long getVersion() {
        return version;
    }
}
