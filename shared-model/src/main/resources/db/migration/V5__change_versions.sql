-- One counter per kind of record, raised after every committed change, so other processes on
-- the same database (the CLI next to the console, or several servers) notice changes by polling
-- this small table instead of the data itself.
CREATE TABLE change_versions (
    kind    VARCHAR(20) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
);

INSERT INTO change_versions (kind, version) VALUES ('USER', 0);
INSERT INTO change_versions (kind, version) VALUES ('ROLE', 0);
INSERT INTO change_versions (kind, version) VALUES ('TOKEN', 0);
INSERT INTO change_versions (kind, version) VALUES ('CONTENT_TYPE', 0);
INSERT INTO change_versions (kind, version) VALUES ('ENTRY', 0);
