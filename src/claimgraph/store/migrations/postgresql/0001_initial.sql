-- PostgreSQL's part of 0001_initial.sql (run after it, in the same transaction; the SQLite
-- full-text table and its triggers are left out there). Documents keep their insertion
-- order in `rowid`, as SQLite's rowid gives it; their words, split and folded as the search
-- reads them (store/text_index.py), are indexed with PostgreSQL's own text search.
ALTER TABLE documents ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX documents_rowid ON documents (rowid);
ALTER TABLE documents ADD COLUMN search_words TEXT;
ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', COALESCE(search_words, ''))) STORED;
CREATE INDEX documents_search ON documents USING GIN (search_vector);
-- The tables, as SQLite's catalog lists them (read where a table may not exist yet).
CREATE VIEW sqlite_master AS SELECT CAST('table' AS TEXT) AS type, CAST(table_name AS TEXT) AS name, CAST(table_name AS TEXT) AS tbl_name
    FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE';
