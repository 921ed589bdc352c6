-- Index tables that let filters, sorting and paging of entries run in SQL without JSON functions.
-- Both are written with the entry in the same transaction and hold only non-null values.
-- Portable SQL: every statement here runs unchanged on H2 2.x and PostgreSQL 14+.

-- One scalar attribute value of one entry, in the typed column that compares it correctly:
-- text (also dates, times and enumerations), number, boolean, or a datetime as an instant.
-- Private and password attributes are not indexed because they are never filtered or sorted on.
CREATE TABLE content_values (
    entry_id      BIGINT        NOT NULL,
    attribute     VARCHAR(100)  NOT NULL,
    text_value    VARCHAR(1000000),
    number_value  NUMERIC(38, 12),
    boolean_value BOOLEAN,
    time_value    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_content_values PRIMARY KEY (entry_id, attribute),
    CONSTRAINT fk_content_values_entry FOREIGN KEY (entry_id) REFERENCES content_entries (id) ON DELETE CASCADE
);

CREATE INDEX ix_content_values_number ON content_values (attribute, number_value);
CREATE INDEX ix_content_values_time ON content_values (attribute, time_value);

-- One relation target of one entry. The target is named by its documentId because relations may
-- point at users, which live in their own table; position keeps the order of to-many relations.
CREATE TABLE content_links (
    entry_id           BIGINT       NOT NULL,
    attribute          VARCHAR(100) NOT NULL,
    position           INTEGER      NOT NULL,
    target_document_id VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_content_links PRIMARY KEY (entry_id, attribute, position),
    CONSTRAINT fk_content_links_entry FOREIGN KEY (entry_id) REFERENCES content_entries (id) ON DELETE CASCADE
);

CREATE INDEX ix_content_links_target ON content_links (target_document_id, attribute);
