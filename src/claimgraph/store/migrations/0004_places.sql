-- How the text relates place mentions ("X near Y", "X, in Y"): read by the place resolver.
CREATE TABLE place_cues (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('near', 'in', 'comma', 'at')),
    anchor_start INTEGER NOT NULL,
    anchor_end INTEGER NOT NULL
);
CREATE INDEX place_cues_doc ON place_cues(doc_id);

-- Geocoded place entities, rebuilt with the entities.
CREATE TABLE entity_places (
    entity_id TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    gazetteer_id TEXT,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    kind TEXT NOT NULL,
    precision TEXT NOT NULL CHECK (precision IN ('town', 'near_town', 'region', 'country'))
);
