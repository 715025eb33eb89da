-- Whose figure a count of harm is told as ("the ministry's toll of 90", "their toll
-- of 64"): such a count repeats that party's figure, and counting a fact's origins takes it
-- for that party's, not for the source that repeats it.
ALTER TABLE quantities ADD COLUMN owner TEXT;
