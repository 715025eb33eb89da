"""What every command shares: exit codes, opening a database, failing with a message.

Internal: part of the console script.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from claimgraph.errors import ClaimgraphError
from claimgraph.query import Store

EXIT_OK = 0
EXIT_ERROR = 1  # a fatal error: no model, unusable database, unwritable output
EXIT_USAGE = 2  # bad usage: click's own errors, and a correction the library refuses
EXIT_NOTHING_BUILT = 3  # no input could be read at all


def fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def refuse(message: str) -> NoReturn:
    """Fail as bad usage (exit status 2), with the message."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def open_store(db_path: Path) -> Store:
    """An existing claimgraph database (read-only when its medium is); an empty file or
    another program's SQLite file is refused with a message, untouched."""
    try:
        return Store.open(db_path, create=False)
    except ClaimgraphError as exc:
        fail(str(exc))


def warn_if_unresolved(store: Store, db_path: Path) -> None:
    """Say so when the last build stopped before its cross-source stage finished: what is
    read may lack entities, places, facts and contradictions."""
    from claimgraph.query import resolution_pending

    if resolution_pending(store):
        click.echo(f"Warning: the last build of {db_path} did not finish its cross-source stage: entities, places, facts and "
                   f"contradictions may be missing or stale. Run `claimgraph build` again (with any input) to finish it.", err=True)


db_option = click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                         help="claimgraph database.")
