-- Facts (claims of one or more documents stating the same thing) and contradictions between
-- claims; rebuilt with the entities, which they are grouped by.
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    about TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('corroborated', 'single_source', 'contested')),
    origins TEXT NOT NULL DEFAULT '[]'           -- JSON list of independent origins
);
CREATE TABLE fact_claims (
    fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX fact_claims_fact ON fact_claims(fact_id);
CREATE INDEX fact_claims_claim ON fact_claims(claim_id);
CREATE TABLE fact_events (
    fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL
);
CREATE INDEX fact_events_fact ON fact_events(fact_id);
CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('numeric', 'assert_vs_deny', 'date', 'attribution')),
    a TEXT NOT NULL,                             -- claim ids
    b TEXT NOT NULL,
    explanation TEXT NOT NULL,
    fact_id TEXT
);

INSERT OR REPLACE INTO state (name, value) VALUES ('entities_stale', '1');
