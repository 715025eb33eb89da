-- The kinds of contradictions and the statuses of facts are data (the comparators that
-- report them are found through a registry, resolve/comparators/), not a CHECK that a new
-- kind would need a table rebuild for: `facts` and `contradictions` are rebuilt without
-- theirs, keeping their rows. The tables that refer to `facts` are set aside first, so that
-- dropping it cascades to nothing, and put back after.
CREATE TABLE facts_rebuilt (
    id TEXT PRIMARY KEY,
    about TEXT NOT NULL,
    status TEXT NOT NULL,                        -- corroborated | single_source | contested
    origins TEXT NOT NULL DEFAULT '[]'           -- JSON list of independent origins
);
INSERT INTO facts_rebuilt (id, about, status, origins) SELECT id, about, status, origins FROM facts;
CREATE TABLE contradictions_rebuilt (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,                          -- the kind its comparator reports
    a TEXT NOT NULL,                             -- claim ids
    b TEXT NOT NULL,
    explanation TEXT NOT NULL,
    fact_id TEXT
);
INSERT INTO contradictions_rebuilt (id, type, a, b, explanation, fact_id) SELECT id, type, a, b, explanation, fact_id FROM contradictions;
CREATE TEMP TABLE fact_claims_kept AS SELECT fact_id, claim_id, position FROM fact_claims;
CREATE TEMP TABLE fact_events_kept AS SELECT fact_id, event_id FROM fact_events;
DROP TABLE fact_claims;
DROP TABLE fact_events;
DROP TABLE contradictions;
DROP TABLE facts;
ALTER TABLE facts_rebuilt RENAME TO facts;
ALTER TABLE contradictions_rebuilt RENAME TO contradictions;
CREATE TABLE fact_claims (
    fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO fact_claims (fact_id, claim_id, position) SELECT fact_id, claim_id, position FROM fact_claims_kept;
CREATE INDEX fact_claims_fact ON fact_claims(fact_id);
CREATE INDEX fact_claims_claim ON fact_claims(claim_id);
CREATE TABLE fact_events (
    fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL
);
INSERT INTO fact_events (fact_id, event_id) SELECT fact_id, event_id FROM fact_events_kept;
CREATE INDEX fact_events_fact ON fact_events(fact_id);
DROP TABLE fact_claims_kept;
DROP TABLE fact_events_kept;
