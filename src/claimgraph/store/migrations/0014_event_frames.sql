-- Events placed and dated by their document-level frame (location_basis 'frame' or 'lead',
-- date_basis 'frame'): the bases are data, not a CHECK. `events` is rebuilt without the
-- check, keeping its rows; its arguments are set aside first so that dropping it cascades
-- to nothing. Quantities gain the magnitude slot they fill (killed, injured, missing,
-- displaced, arrested, sum), read again when their documents are built again.
CREATE TABLE events_rebuilt (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,                      -- the trigger word
    "end" INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    type TEXT NOT NULL,
    plover TEXT NOT NULL,
    mode TEXT,
    context TEXT,
    status TEXT NOT NULL CHECK (status IN ('happened', 'negated', 'planned', 'possible', 'conditional', 'denied', 'alleged')),
    location_basis TEXT,                         -- clause | sentence | context | frame | lead | document
    date_value TEXT,                             -- TIMEX3, from the sentence or its frame
    date_basis TEXT,                             -- sentence | frame
    quantity_id TEXT,                            -- size, sum or toll (a `quantities` row)
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    force TEXT,
    denies TEXT,
    background INTEGER NOT NULL DEFAULT 0,
    level_value REAL,
    level_qualifier TEXT,
    level_text TEXT,
    kind_words TEXT NOT NULL DEFAULT '[]',
    another INTEGER NOT NULL DEFAULT 0
);
INSERT INTO events_rebuilt SELECT id, doc_id, sentence, start, "end", trigger, type, plover, mode, context, status, location_basis,
    date_value, date_basis, quantity_id, fatalities_low, fatalities_best, fatalities_high, force, denies, background, level_value,
    level_qualifier, level_text, kind_words, another FROM events;
CREATE TEMP TABLE event_arguments_kept AS SELECT * FROM event_arguments;
DROP TABLE event_arguments;
DROP TABLE events;
ALTER TABLE events_rebuilt RENAME TO events;
CREATE INDEX events_doc ON events(doc_id, start);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_arguments (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'target', 'location')),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    type TEXT NOT NULL
);
INSERT INTO event_arguments SELECT * FROM event_arguments_kept;
CREATE INDEX event_arguments_event ON event_arguments(event_id);
DROP TABLE event_arguments_kept;
ALTER TABLE quantities ADD COLUMN slot TEXT;
