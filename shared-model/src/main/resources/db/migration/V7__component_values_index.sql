-- Index the scalar values inside components, so filters such as
-- filters[information][description][$containsi]=... run in SQL like filters on attributes.
-- A component value is indexed under its dotted path (information.description), and a repeatable
-- component has one row per item, numbered by item (0 for attributes and single components).
-- Entries stored before this migration get their component rows when they are next written.
-- Portable SQL: every statement here runs unchanged on H2 2.x and PostgreSQL 14+.
ALTER TABLE content_values ADD COLUMN item INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE content_values DROP CONSTRAINT pk_content_values;
ALTER TABLE content_values ADD CONSTRAINT pk_content_values PRIMARY KEY (entry_id, attribute, item);
