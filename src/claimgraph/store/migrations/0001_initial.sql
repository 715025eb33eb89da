-- Documents, the inputs they came from, their sentences and entity mentions.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    language TEXT NOT NULL,
    published_value TEXT,
    published_basis TEXT NOT NULL DEFAULT 'unknown',
    published_not_before TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',          -- JSON list of removed lines
    duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
    similarity REAL,                             -- estimated Jaccard with duplicate_of
    added_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);

-- One row per input unit (file, or record of a JSON/JSONL file): what became of it.
CREATE TABLE inputs (
    key TEXT PRIMARY KEY,
    fingerprint TEXT,                            -- sha256 of its bytes; NULL when unreadable
    status TEXT NOT NULL CHECK (status IN ('document', 'skipped')),
    reason TEXT,
    document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_key ON mentions(key);

-- Entities are rebuilt from the mentions after each build (resolve stage).
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]'           -- JSON list
);
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, type)
) WITHOUT ROWID;

-- Near-duplicate lookup: MinHash signature and its band keys.
CREATE TABLE minhashes (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    hash BLOB NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, doc_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_doc ON minhash_bands(doc_id);

-- Key/value state, e.g. whether entities must be resolved again.
CREATE TABLE state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text search over titles and texts, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
