"""Language-keyed lexicons: `data/<lang>/<name>.json` beside the extract code.

Every lexicon is looked up by the language of the article it serves; a second language
adds a folder of files, not branches in the code. A missing file is a clear error naming
the language and the file.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from claimgraph.errors import ModelNotAvailable

DEFAULT_LANGUAGE = "en"


def load_lexicon_data(name: str, lang: str = DEFAULT_LANGUAGE) -> Any:
    """The parsed JSON of lexicon `name` ("events", "attribution", ...) for language `lang`."""
    path = resources.files("claimgraph.extract").joinpath(f"data/{lang}/{name}.json")
    if not path.is_file():
        raise ModelNotAvailable(f"no {name!r} lexicon for language {lang!r} (extract/data/{lang}/{name}.json)")
    return json.loads(path.read_text("utf-8"))


def languages_with(name: str) -> tuple[str, ...]:
    """The languages that have lexicon `name`."""
    folder = resources.files("claimgraph.extract").joinpath("data")
    return tuple(sorted(entry.name for entry in folder.iterdir() if entry.is_dir() and entry.joinpath(f"{name}.json").is_file()))
