-- What a denial denies ('presence' or the denied event's type), and the kind of armed force
-- among an event's parties ('private': mercenaries, contractors, private military companies),
-- so that a denial can be compared with what other sources assert; and whether an event is
-- told only as the time of another ('after the coup'), which its speaker presupposes rather
-- than reports. Events stored before this migration have none of these until their
-- documents are built again.
ALTER TABLE events ADD COLUMN force TEXT;
ALTER TABLE events ADD COLUMN denies TEXT;
ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
