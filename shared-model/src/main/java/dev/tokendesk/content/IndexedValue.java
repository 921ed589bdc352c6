package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One scalar attribute value of one entry in the query index; exactly one of the value columns is
 * set, as {@link dev.tokendesk.content.query.ValueColumn} chooses.
 */
@Entity
@Table(name = "content_values")
@IdClass(IndexedValue.Key.class)
public class IndexedValue {

    @Id
    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Id
    @Column(nullable = false, length = 100)
    private String attribute;

    /** Item of a repeatable component that the value belongs to, or 0 for attributes and single components. */
    @Id
    @Column(nullable = false)
    private int item;

    @Column(name = "text_value", length = 1_000_000)
    private String text;

    @Column(name = "number_value", precision = 38, scale = 12)
    private BigDecimal number;

    @Column(name = "boolean_value")
    private Boolean bool;

    @Column(name = "time_value")
    private Instant time;

    protected IndexedValue() {
    }

    IndexedValue(long entryId, String attribute, int item, Object value) {
        this.entryId = entryId;
        this.attribute = attribute;
        this.item = item;
        if (value instanceof String string) {
            this.text = string;
        } else if (value instanceof BigDecimal decimal) {
            this.number = decimal;
        } else if (value instanceof Boolean flag) {
            this.bool = flag;
        } else if (value instanceof Instant instant) {
            this.time = instant;
        } else {
            throw new IllegalArgumentException("Cannot index a value of " + value.getClass());
        }
    }

    /** Composite primary key of an indexed value. */
    public record Key(long entryId, String attribute, int item) implements Serializable {
    }
}
