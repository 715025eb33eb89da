"""Present: the web app over a database (pages, JSON API, the analyst's corrections)."""
