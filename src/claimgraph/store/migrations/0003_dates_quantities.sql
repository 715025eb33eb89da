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

-- Quantities: a number, what it counts, its unit and how exact it is.
CREATE TABLE quantities (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'up_to', 'about', 'more_than', 'range')),
    about TEXT NOT NULL
);
CREATE INDEX quantities_doc ON quantities(doc_id, start);

-- Documents stored before dates and quantities existed are analysed again by the next build.
UPDATE inputs SET fingerprint = NULL WHERE status = 'document';
