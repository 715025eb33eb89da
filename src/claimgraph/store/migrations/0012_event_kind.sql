-- Which one an event is, as its noun says: the nouns that name its kind ("a gas deal": gas,
-- "an arms deal": arms) and whether it is told as another of its kind ("a new deal", "another
-- deal"), so that a deal planned is not taken for a different deal concluded. Events stored
-- before this migration have neither until their documents are built again.
ALTER TABLE events ADD COLUMN kind_words TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN another INTEGER NOT NULL DEFAULT 0;
