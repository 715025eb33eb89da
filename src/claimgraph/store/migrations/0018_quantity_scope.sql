-- The part a count of harm is limited to, as the text tells it ("in the north", "from Ruvia",
-- "elsewhere", "a day"): two counts of different scopes count different people, and the
-- comparison of accounts says so rather than setting them against each other.
ALTER TABLE quantities ADD COLUMN scope TEXT;
