-- What a reduction or withdrawal leaves, as the text gives it ("reduce the force by half":
-- half its size; "to around 3,000"; "withdraws its troops": none), with the qualifier of
-- the figure it comes from, so that a planned level can be compared with another source's.
-- Events stored before this migration have none until their documents are built again.
ALTER TABLE events ADD COLUMN level_value REAL;
ALTER TABLE events ADD COLUMN level_qualifier TEXT;
ALTER TABLE events ADD COLUMN level_text TEXT;
