package org.lotkeeper.core.adjustments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A client key and the document it created. The key is the primary key, so two requests with
 * the same key cannot both create a document.
 */
@Entity
@Table(name = "submission_key")
public class SubmissionKey {

    @Id
    @Column(name = "client_key", length = 200)
    private String clientKey;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    protected SubmissionKey() {
    }

    public SubmissionKey(String clientKey, Long documentId, String requestHash) {
        this.clientKey = clientKey;
        this.documentId = documentId;
        this.requestHash = requestHash;
    }

    public String getClientKey() {
        return clientKey;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getRequestHash() {
        return requestHash;
    }
}
