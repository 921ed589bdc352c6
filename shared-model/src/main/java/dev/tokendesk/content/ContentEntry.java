package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An entry as stored: the attribute values of one document as a JSON object in text form. */
@Entity
@Table(name = "content_entries")
public class ContentEntry {

    /** Maximum length of an entry's JSON text, in UTF-16 code units, as the data column declares it. */
    static final int MAX_DATA_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false, length = 32)
    private String documentId;

    @Column(name = "content_type_uid", nullable = false, length = 200)
    private String typeUid;

    @Column(nullable = false, length = 1_000_000)
    private String data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected ContentEntry() {
    }

    ContentEntry(String documentId, String typeUid, String data, Instant now, boolean published) {
        this.documentId = documentId;
        this.typeUid = typeUid;
        this.data = data;
        this.createdAt = now;
        this.updatedAt = now;
        this.publishedAt = published ? now : null;
    }

    /** Replaces the stored attributes; a published entry gets {@code now} as its new publication time, a draft none. */
    void update(String newData, Instant now, boolean published) {
        this.data = newData;
        this.updatedAt = now;
        this.publishedAt = published ? now : null;
    }

    Long getId() {
        return id;
    }

    String getDocumentId() {
        return documentId;
    }

    String getData() {
        return data;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }
}
