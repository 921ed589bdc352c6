package dev.tokendesk.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One relation target of one entry in the query index, named by the target's documentId. */
@Entity
@Table(name = "content_links")
@IdClass(IndexedLink.Key.class)
public class IndexedLink {

    @Id
    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Id
    @Column(nullable = false, length = 100)
    private String attribute;

    @Id
    @Column(nullable = false)
    private int position;

    @Column(name = "target_document_id", nullable = false, length = 32)
    private String targetDocumentId;

    protected IndexedLink() {
    }

    IndexedLink(long entryId, String attribute, int position, String targetDocumentId) {
        this.entryId = entryId;
        this.attribute = attribute;
        this.position = position;
        this.targetDocumentId = targetDocumentId;
    }

    /** Composite primary key of a link. */
    public record Key(long entryId, String attribute, int position) implements Serializable {
    }
}
