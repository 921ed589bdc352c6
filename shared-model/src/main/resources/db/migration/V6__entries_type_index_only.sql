-- H2 backs a foreign key with an index of its own on content_type_uid and prefers it to
-- ix_content_entries_type (content_type_uid, id), so listing a page sorted every entry of the
-- type. Without the foreign key the composite index serves both the filter and the order.
-- ContentService checks that a type exists before it writes an entry of it.
ALTER TABLE content_entries DROP CONSTRAINT fk_content_entries_type;
