-- Ties between parties that a sentence states or denies ("with ties to", "financed by",
-- "has nothing to do with"): no events, so kept apart from them. A party is a mention
-- (its key and type; its entity is found through the key once entities are resolved) or a
-- kind of force named by kind ('private': "these private firms"). Documents stored before
-- this migration have no relations until they are built again.
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,                      -- the word stating the tie
    "end" INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    kind TEXT NOT NULL,
    polarity TEXT NOT NULL CHECK (polarity IN ('asserted', 'denied')),
    subject_text TEXT NOT NULL,
    subject_key TEXT,
    subject_type TEXT,
    subject_force TEXT,
    object_text TEXT,
    object_key TEXT,
    object_type TEXT,
    object_force TEXT,
    quoted INTEGER NOT NULL DEFAULT 0            -- stated inside a quotation: the speaker's own words
);
CREATE INDEX relations_doc ON relations(doc_id, start);
