-- Date expressions with TIMEX3 values, anchored to the document date when known.
CREATE TABLE dates (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    type TEXT NOT NULL,                          -- DATE | DURATION
    anchor TEXT NOT NULL CHECK (anchor IN ('absolute', 'document', 'unknown')),
    future INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dates_doc ON dates(doc_id, start);
CREATE INDEX dates_value ON dates(value);

-- Documents stored before dates existed are analysed again by the next build.
UPDATE inputs SET fingerprint = NULL WHERE status = 'document';
