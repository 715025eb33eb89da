-- Why the keys of an entity were grouped: one row per union, rebuilt with the entities.
CREATE TABLE entity_merges (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    into_key TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX entity_merges_entity ON entity_merges(entity_id);

-- An analyst's corrections, on mention keys (stable across rebuilds): `merge` two keys into
-- one entity, or `split` them for good. Never deleted by a rebuild.
CREATE TABLE entity_corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    key TEXT NOT NULL,
    other_key TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL
);

-- Entities are resolved again with the new rules on the next build.
INSERT OR REPLACE INTO state (name, value) VALUES ('entities_stale', '1');
