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
    try:
        return Store.open(db_path)
    except ClaimgraphError as exc:
        fail(str(exc))


db_option = click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                         help="claimgraph database.")
