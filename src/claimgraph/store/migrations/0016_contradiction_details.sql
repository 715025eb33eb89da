-- What a contradiction says differs, for the analyst to filter and rank by: the slot (a
-- figure's: killed, missing, ...; or date, blame, denial), the two values told, the caveat
-- that may explain the difference (time, scope, precision) and its strength (0 to 1: 1 for
-- a plain conflict, lower as a caveat may explain it). Rebuilt by the cross-source stage.
ALTER TABLE contradictions ADD COLUMN slot TEXT;
ALTER TABLE contradictions ADD COLUMN value_a TEXT;
ALTER TABLE contradictions ADD COLUMN value_b TEXT;
ALTER TABLE contradictions ADD COLUMN caveat TEXT;
ALTER TABLE contradictions ADD COLUMN strength REAL;
