package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A component as stored: its uid and its schema as JSON text. */
@Entity
@Table(name = "content_components")
public class ComponentRecord {

    @Id
    @Column(nullable = false, length = 200)
    private String uid;

    @Column(nullable = false, length = 100)
    private String category;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "schema_json", nullable = false, length = 1_000_000)
    private String schemaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ComponentRecord() {
    }

    ComponentRecord(ComponentView component, String schemaJson, Instant now) {
        this.uid = component.uid();
        this.createdAt = now;
        update(component, schemaJson, now);
    }

    void update(ComponentView component, String schemaJson, Instant now) {
        this.category = component.category();
        this.displayName = component.displayName();
        this.schemaJson = schemaJson;
        this.updatedAt = now;
    }

    String getUid() {
        return uid;
    }

    String getCategory() {
        return category;
    }

    String getSchemaJson() {
        return schemaJson;
    }
}
