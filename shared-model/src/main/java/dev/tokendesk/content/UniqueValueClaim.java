package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A value of a unique attribute taken by one entry. The primary key over type, attribute and
 * value hash lets the database reject a second entry with the same value.
 */
@Entity
@Table(name = "content_unique_values")
@IdClass(UniqueValueClaim.Key.class)
public class UniqueValueClaim {

    @Id
    @Column(name = "content_type_uid", nullable = false, length = 200)
    private String typeUid;

    @Id
    @Column(nullable = false, length = 100)
    private String attribute;

    @Id
    @Column(name = "value_hash", nullable = false, length = 64)
    private String valueHash;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    protected UniqueValueClaim() {
    }

    UniqueValueClaim(String typeUid, String attribute, String valueHash, long entryId) {
        this.typeUid = typeUid;
        this.attribute = attribute;
        this.valueHash = valueHash;
        this.entryId = entryId;
    }

    /** Composite primary key of a claim. */
    public record Key(String typeUid, String attribute, String valueHash) implements Serializable {
    }
}
