-- Claims an analyst has reviewed in the web app (the app's only write besides entity corrections).
CREATE TABLE claim_reviews (
    claim_id TEXT PRIMARY KEY,
    reviewed_at TEXT NOT NULL
);
