-- Whose figure a count of harm is told as ("its initial toll of 500", "the ministry's count
-- of 300"): such a count repeats that party's figure, and counting a fact's origins takes it
-- for that party's, not for the source that repeats it.
ALTER TABLE quantities ADD COLUMN owner TEXT;
