"""What every command shares: exit codes, opening a database, failing with a message, the
checked choices of filters, and JSON lines output.

Internal: part of the console script.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from claimgraph.errors import ClaimgraphError
from claimgraph.query import Store, StoreStats

EXIT_OK = 0
EXIT_ERROR = 1  # a fatal error: no model, unusable database, unwritable output
EXIT_USAGE = 2  # bad usage: click's own errors (an unknown option or value), and a correction the library refuses
EXIT_NOTHING_BUILT = 3  # no input could be read at all


def fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def refuse(message: str) -> NoReturn:
    """Fail as bad usage (exit status 2), with the message."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def open_store(db_path: Path | str) -> Store:
    """An existing claimgraph database (read-only when its medium is); an empty file or
    another program's SQLite file is refused with a message, untouched."""
    try:
        return Store.open(db_path, create=False)
    except ClaimgraphError as exc:
        fail(str(exc))


def warn_if_unresolved(store: Store, db_path: Path | str) -> None:
    """Say so when the last build stopped before its cross-source stage finished: what is
    read may lack entities, places, facts and contradictions."""
    from claimgraph.query import resolution_pending

    if resolution_pending(store):
        click.echo(f"Warning: the last build of {db_path} did not finish its cross-source stage: entities, places, facts and "
                   f"contradictions may be missing or stale. Run `claimgraph build` again (with any input) to finish it.", err=True)


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Database(click.ParamType):
    """--db: an SQLite file, or a PostgreSQL database by URL (kept as given: a path would fold
    its double slash)."""

    name = "database"

    def __init__(self, *, exists: bool) -> None:
        self._file = click.Path(exists=exists, dir_okay=False, path_type=Path)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "FILE|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path | str:
        if isinstance(value, str) and value.startswith(POSTGRES_SCHEMES):
            return value
        converted: Path = self._file.convert(value, param, ctx)
        return converted


db_option = click.option("--db", "db_path", required=True, type=Database(exists=True),
                         help="claimgraph database: an SQLite file, or postgresql://user@host/name.")

json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print JSON lines, one record per line, in the shape of the web API's records.")

gazetteer_option = click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
                                help="Gazetteer file [default: $CLAIMGRAPH_GAZETTEER, else the user cache].")


class LazyChoice(click.Choice[str]):
    """A choice of values that come from data (the taxonomy, the registered exporters), read
    when a value is checked or the help is shown, not when the CLI starts. An unknown value
    is an error (exit status 2) that lists the valid ones as they are spelled."""

    def __init__(self, load: Callable[[], Iterable[str]], *, metavar: str | None = None, case_sensitive: bool = True) -> None:
        super().__init__((), case_sensitive=case_sensitive)
        self._load = load
        self._metavar = metavar

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        return tuple(self._load())

    @choices.setter
    def choices(self, _: Any) -> None:
        pass

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        """`metavar` when given (a long list is better in the help text), else [a|b|c]."""
        return self._metavar or super().get_metavar(param, ctx)

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of {', '.join(map(repr, self.choices))}."


class ListedChoiceOption(click.Option):
    """An option with a `LazyChoice`, whose help ends with the valid values (read at help time)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None or not isinstance(self.type, LazyChoice):
            return record
        return record[0], f"{record[1]} One of: {', '.join(self.type.choices)}."


def emit_json(record: Mapping[str, Any]) -> None:
    """One record as one line of JSON (UTF-8, not escaped)."""
    click.echo(json.dumps(record, ensure_ascii=False))


def stats_record(stats: StoreStats) -> dict[str, Any]:
    """The summary `claimgraph stats` prints, as one JSON record."""
    return {
        "kind": "stats",
        "documents": stats.documents,
        "duplicates": stats.duplicates,
        "languages": dict(stats.languages),
        "entities": stats.entities,
        "mentions": stats.mentions,
        "claims": stats.claims,
        "attributed_claims": stats.attributed_claims,
        "denials": stats.denials,
        "dates": stats.dates,
        "quantities": stats.quantities,
        "events": stats.events,
        "skipped": stats.skipped,
        "skipped_inputs": [{"key": key, "reason": reason} for key, reason in stats.skip_reasons],
        "top_entities": [{"name": name, "type": kind, "mentions": count} for name, kind, count in stats.top_entities],
    }


def search_record(doc: str, title: str | None, snippet: str) -> dict[str, Any]:
    """A search hit as the API's /api/search lists it."""
    return {"doc": doc, "title": title, "snippet": snippet}


class Bars:
    """Progress as the CLI shows it (claimgraph.progress): on a terminal a bar per step with
    its total, rate and ETA (tqdm), left on screen when done; otherwise one line per step
    when it ends ("parsing and extracting: 2225 inputs in 143.2 s, 15.5/s"). `--quiet` uses
    claimgraph.progress.SILENT instead."""

    def __init__(self, *, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._terminal = self._stream.isatty()
        self._bars: dict[str, Any] = {}
        self._started: dict[str, tuple[float, str]] = {}
        self._done: dict[str, int] = {}

    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        self._started[step], self._done[step] = (time.monotonic(), unit), 0
        if self._terminal:
            from tqdm import tqdm  # type: ignore[import-untyped]

            self._bars[step] = tqdm(desc=step, total=total, unit=f" {unit}" if unit else "it", file=self._stream,
                                    position=len(self._bars), leave=True, dynamic_ncols=True)

    def advance(self, step: str, done: int = 1) -> None:
        self._done[step] = self._done.get(step, 0) + done
        if (bar := self._bars.get(step)) is not None:
            if bar.total is not None and bar.n + done > bar.total:  # an estimate passed (a feed's entries): grow it
                bar.total = bar.n + done
            bar.update(done)

    def finish(self, step: str) -> None:
        if (bar := self._bars.pop(step, None)) is not None:
            bar.close()
            return
        started, unit = self._started.pop(step, (time.monotonic(), ""))
        elapsed, done = time.monotonic() - started, self._done.pop(step, 0)
        rate = f", {done / elapsed:.1f}/s" if unit and unit != "step" and elapsed > 0.05 and done else ""
        count = f"{done} {unit}{'s' if done != 1 else ''} in " if unit else ""
        click.echo(f"{step}: {count}{elapsed:.1f} s{rate}", err=True)


class CountingWriter:
    """A text stream that counts the lines written through it, for an export's progress."""

    def __init__(self, out: TextIO, on_lines: Callable[[int], None]) -> None:
        self._out, self._on_lines = out, on_lines

    def write(self, text: str) -> int:
        if lines := text.count("\n"):
            self._on_lines(lines)
        return self._out.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)
