package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A content type as stored: its names for lookups and its schema as JSON text. */
@Entity
@Table(name = "content_types")
public class ContentTypeRecord {

    @Id
    @Column(nullable = false, length = 200)
    private String uid;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "singular_name", nullable = false, length = 100)
    private String singularName;

    @Column(name = "plural_name", nullable = false, length = 100)
    private String pluralName;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "draft_and_publish", nullable = false)
    private boolean draftAndPublish;

    @Column(name = "schema_json", nullable = false, length = 1_000_000)
    private String schemaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContentTypeRecord() {
    }

    ContentTypeRecord(ContentTypeView type, String schemaJson, Instant now) {
        this.uid = type.uid();
        this.createdAt = now;
        update(type, schemaJson, now);
    }

    void update(ContentTypeView type, String schemaJson, Instant now) {
        this.kind = type.kind().schemaName();
        this.singularName = type.singularName();
        this.pluralName = type.pluralName();
        this.displayName = type.displayName();
        this.draftAndPublish = type.draftAndPublish();
        this.schemaJson = schemaJson;
        this.updatedAt = now;
    }

    String getUid() {
        return uid;
    }

    String getSchemaJson() {
        return schemaJson;
    }
}
