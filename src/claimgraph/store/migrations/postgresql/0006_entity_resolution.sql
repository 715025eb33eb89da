-- PostgreSQL's part of 0006_entity_resolution.sql: merge reasons keep the order they were
-- written in (`rowid`, as SQLite's).
ALTER TABLE entity_merges ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
