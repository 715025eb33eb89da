"""Present: the web app over a database (pages, JSON API, the analyst's corrections).

Internal: run it with `claimgraph serve`; its JSON API (/openapi.json) is the public interface.
"""
