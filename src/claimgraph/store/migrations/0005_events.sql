-- Events: what a sentence reports happening (or not, or not yet), typed with PLOVER.
CREATE TABLE events (
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
    location_basis TEXT CHECK (location_basis IN ('clause', 'sentence', 'context', 'document')),
    date_value TEXT,                             -- TIMEX3, from the sentence only
    date_basis TEXT,
    quantity_id TEXT,                            -- size, sum or toll (a `quantities` row)
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER
);
CREATE INDEX events_doc ON events(doc_id, start);
CREATE INDEX events_type ON events(type);

-- Actors, targets and the place of an event, as mentions; their entities are found through
-- the mention key once entities are resolved.
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
CREATE INDEX event_arguments_event ON event_arguments(event_id);

-- Documents stored before events existed are analysed again by the next build.
UPDATE inputs SET fingerprint = NULL WHERE status = 'document';
