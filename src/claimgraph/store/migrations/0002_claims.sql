-- Claims: one statement in one document, attributed to whoever makes it.
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    source_name TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_start INTEGER,
    source_end INTEGER,
    source_key TEXT,                             -- mention key of the source's entity, if any
    source_type TEXT,
    cue TEXT,
    stance TEXT NOT NULL CHECK (stance IN ('assert', 'deny')),
    modality TEXT NOT NULL CHECK (modality IN ('fact', 'reported', 'alleged', 'speculative')),
    via TEXT NOT NULL DEFAULT '[]'               -- JSON list of relaying outlets
);
CREATE INDEX claims_doc ON claims(doc_id, start);
CREATE INDEX claims_source ON claims(source_key, source_type);
CREATE INDEX claims_stance ON claims(stance);

-- Documents stored before claims existed are analysed again by the next build.
UPDATE inputs SET fingerprint = NULL WHERE status = 'document';
