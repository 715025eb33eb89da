"""The `claimgraph` command: a thin layer over the library (pipeline, query, export).

Internal: the console script's module; use the library (`import claimgraph`) from Python.
Heavy modules (the pipeline and spaCy, the gazetteer, the web app) are imported inside the
commands that need them, so that `claimgraph --help` starts at once.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from claimgraph import __version__
from claimgraph.cli_analysis import register_analysis_commands
from claimgraph.cli_outputs import register_output_commands
from claimgraph.cli_support import (
    EXIT_NOTHING_BUILT,
    Bars,
    CountingWriter,
    Database,
    LazyChoice,
    ListedChoiceOption,
    db_option,
    emit_json,
    gazetteer_option,
    json_option,
    search_record,
    stats_record,
    warn_if_unresolved,
)
from claimgraph.cli_support import fail as _fail
from claimgraph.cli_support import open_store as _open
from claimgraph.config import DEFAULT_MODEL, ENGINES, BuildOptions
from claimgraph.errors import ClaimgraphError
from claimgraph.records import EVENT_STATUSES, STANCES

if TYPE_CHECKING:
    from claimgraph.pipeline import BuildReport
    from claimgraph.query import Store, StoredClaim, StoredEvent

_defaults = BuildOptions()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def cli() -> None:
    """Build a sourced knowledge base from news articles: who did what, where and when,
    and according to whom. Runs fully offline.

    Exit status: 0 success, 1 error, 2 bad usage, 3 no input could be read.
    """


@cli.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", required=True, type=Database(exists=False),
              help="Database to create or add to: an SQLite file, or postgresql://user@host/name (an empty database or schema).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline: package name, path, or 'sm' / 'md'.")
@click.option("--batch-size", default=_defaults.batch_size, show_default=True, help="Documents per parse batch and per transaction.")
@click.option("--time-budget", default=_defaults.time_budget, show_default=True, help="Seconds one document may take before it is skipped.")
@click.option("--max-bytes", default=_defaults.max_bytes, show_default=True, help="Largest file (or JSONL line) read, in bytes.")
@click.option("--max-chars", default=_defaults.max_chars, show_default=True, help="Longest text parsed, in characters (longer is skipped, not cut).")
@click.option("--max-line-chars", default=_defaults.max_line_chars, show_default=True, help="Longest line of a text, in characters (longer is skipped, not cut).")
@click.option("--wait", "lock_wait", default=_defaults.lock_wait, show_default=True,
              help="Seconds to wait for another build of the same database (or another writer's lock) before giving up.")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer file [default: $CLAIMGRAPH_GAZETTEER, else the user cache; built on first use].")
@click.option("--workers", default=0, show_default=True, type=click.IntRange(min=0),
              help="Processes that parse and extract (0: one per core; 1: none besides the build's own). With --engine ray: Ray actors (0: one per CPU of the cluster).")
@click.option("--engine", type=click.Choice(ENGINES), default=_defaults.engine, show_default=True,
              help="Where parsing and extraction run: this machine's processes, or a Ray cluster (needs the ray extra).")
@click.option("--address", "ray_address", help="With --engine ray: the address of a running Ray cluster [default: start a local Ray instance].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the summary.")
def build_command(paths: tuple[Path, ...], db_path: Path | str, model: str, batch_size: int, time_budget: float, max_bytes: int, max_chars: int,
                  max_line_chars: int, lock_wait: float, gazetteer_path: Path | None, workers: int, engine: str, ray_address: str | None,
                  quiet: bool) -> None:
    """Read the articles under PATHS into the database: folders, text (.txt), HTML
    (.html/.htm), news records (.json, .jsonl), RSS and Atom feeds (.rss, .atom, .xml),
    PDF (.pdf) and Word (.docx) files, and - for standard input (JSON lines, or one
    plain-text article).

    Builds are incremental: unchanged inputs are passed over, changed ones replaced, and a
    killed build resumes where it stopped. A feed entry whose article is already stored
    (same link or same text) is not stored again. Inputs that cannot be read are reported
    with the reason and skipped; the rest of the run completes. A skip whose reason may
    have gone (a time budget overrun, a missing model, an internal error, a limit) is tried
    again by the next build (`claimgraph skipped` lists them). One build at a time writes
    to a database: another waits for it (--wait). An article whose publication date gives
    only its month is read again from the day another article gives the same happening,
    when the corpus settles one (its weekdays and "yesterday" then name days).
    """
    try:
        options = BuildOptions(model=model, batch_size=batch_size, time_budget=time_budget, max_bytes=max_bytes, max_chars=max_chars,
                               max_line_chars=max_line_chars, lock_wait=lock_wait, gazetteer=gazetteer_path, workers=workers, engine=engine,
                               ray_address=ray_address)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    from claimgraph.pipeline import build
    from claimgraph.progress import SILENT
    from claimgraph.query import Store

    try:
        with Store.open(db_path, wait=options.lock_wait) as store:
            report = build(paths, store=store, options=options, progress=SILENT if quiet else Bars(),
                           on_message=lambda message: click.echo(message, err=True))
    except ClaimgraphError as exc:
        _fail(str(exc))
    _print_summary(report)
    if report.added == 0 and report.unchanged == 0 and not report.already_stored:
        sys.exit(EXIT_NOTHING_BUILT)


@cli.command("stats")
@db_option
@click.option("--top", default=10, show_default=True, help="How many of the most-mentioned entities to list.")
@json_option
def stats_command(db_path: Path | str, top: int, as_json: bool) -> None:
    """Summarize a database: documents, languages, duplicates, entities, claims, dates, events,
    quantities, and every skipped input with its reason."""
    from claimgraph.query import store_stats

    with _open(db_path) as store:
        stats = store_stats(store, top=top)
    if as_json:
        emit_json(stats_record(stats))
        return
    click.echo(f"documents   {stats.documents}  (near-duplicates: {stats.duplicates})")
    click.echo("languages   " + (", ".join(f"{lang} {n}" for lang, n in stats.languages.items()) or "-"))
    click.echo(f"entities    {stats.entities}  ({stats.mentions} mentions)")
    click.echo(f"claims      {stats.claims}  ({stats.attributed_claims} attributed to a source, {stats.denials} denials)")
    click.echo(f"dates       {stats.dates}    quantities {stats.quantities}")
    click.echo(f"events      {stats.events}")
    click.echo(f"skipped     {stats.skipped} inputs")
    for key, reason in stats.skip_reasons:
        click.echo(f"  {key}: {reason}")
    if stats.top_entities:
        click.echo("most mentioned:")
        for name, kind, count in stats.top_entities:
            click.echo(f"  {count:5d}  {name} ({kind})")


def _export_format_names() -> tuple[str, ...]:
    """The registered export formats, looked up when first asked for (not at start-up)."""
    from claimgraph.export import export_formats

    return tuple(export_formats())


def _event_type_names() -> tuple[str, ...]:
    """The event types of the taxonomy (data/event_types.json)."""
    from claimgraph.taxonomy import load_taxonomy

    return load_taxonomy().names()


class _ExportFormatOption(click.Option):
    """--format, its help naming each registered format with its summary."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from claimgraph.export import export_formats

        formats = export_formats()
        order = ["jsonl", *(name for name in formats if name != "jsonl")]
        self.help = "; ".join(f"{name}: {formats[name].summary}" for name in order if name in formats) + " (see docs/export.md)."
        return super().get_help_record(ctx)


@cli.command("export")
@db_option
@click.option("--format", "fmt", cls=_ExportFormatOption, type=LazyChoice(_export_format_names), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=Path("-"), show_default=True,
              help="Output file, or - for standard output; a folder for the csv format.")
@click.option("--bom", is_flag=True, help="Begin each file with a UTF-8 byte-order mark (for Excel).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def export_command(db_path: Path | str, fmt: str, output: Path, bom: bool, quiet: bool) -> None:
    """Write the knowledge base in an interchange format (jsonl: the export contract; check
    a jsonl export with `claimgraph validate`)."""
    from claimgraph.export import OutputFolder, get_export_format

    found = get_export_format(fmt)
    encoding = "utf-8-sig" if bom else "utf-8"
    with _open(db_path) as store:
        warn_if_unresolved(store, db_path)
        try:
            if found.folder:
                if str(output) == "-":
                    raise click.UsageError(f"the {fmt} format writes a folder: give one with -o")
                counts = found.write(store, OutputFolder(output, encoding=encoding))
            elif str(output) == "-":
                if bom:
                    sys.stdout.write("\ufeff")
                counts = found.write(store, sys.stdout)
            else:
                with output.open("w", encoding=encoding, newline="") as out, _export_progress(store, fmt, quiet=quiet) as advance:
                    counts = found.write(store, CountingWriter(out, advance))
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing"
    click.echo(f"exported {summary}", err=True)


@contextlib.contextmanager
def _export_progress(store: Store, fmt: str, *, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A bar over the lines an export writes to a file: one per record in JSON lines (its total
    the records to write), lines of the format otherwise."""
    from claimgraph.progress import SILENT
    from claimgraph.query import record_counts

    bars = SILENT if quiet else Bars()
    step = f"exporting {fmt}"
    bars.start(step, total=sum(record_counts(store).values()) if fmt == "jsonl" else None, unit="record" if fmt == "jsonl" else "line")
    try:
        yield lambda lines: bars.advance(step, lines)
    finally:
        bars.finish(step)


@cli.command("skipped")
@db_option
@json_option
def skipped_command(db_path: Path | str, as_json: bool) -> None:
    """List the inputs that did not become documents, each with its reason, and whether the
    next build tries it again (the reason may have gone: a time budget overrun, a missing
    model, an internal error, a limit), then the inputs whose reading repaired something."""
    from claimgraph.query import iter_skipped_inputs, repaired_inputs

    with _open(db_path) as store:
        skipped = list(iter_skipped_inputs(store))
        repaired = list(repaired_inputs(store))
    for entry in skipped:
        if as_json:
            emit_json({"kind": "skipped", "key": entry.key, "reason": entry.reason, "retry": entry.retry})
        else:
            click.echo(f"{'retry' if entry.retry else 'final'}  {entry.key}: {entry.reason}")
    for key, note in repaired:
        if as_json:
            emit_json({"kind": "repaired", "key": key, "note": note})
        else:
            click.echo(f"repaired  {key}: {note}")
    retried = sum(entry.retry for entry in skipped)
    click.echo(f"{len(skipped)} skipped inputs ({retried} to retry on the next build), {len(repaired)} repaired", err=True)


@cli.command("events")
@db_option
@click.option("--type", "types", multiple=True, cls=ListedChoiceOption, type=LazyChoice(_event_type_names, metavar="TYPE", case_sensitive=False),
              help="Only events of this type (repeatable; any case).")
@click.option("--status", type=click.Choice(EVENT_STATUSES), help="Only events told this way.")
@click.option("--limit", default=0, show_default=True, help="Most events shown (0: all).")
@json_option
def events_command(db_path: Path | str, types: tuple[str, ...], status: str | None, limit: int, as_json: bool) -> None:
    """List events: type and PLOVER category, who did it to whom, where and when, as told."""
    from claimgraph.export.contract import event_record
    from claimgraph.query import iter_events

    with _open(db_path) as store:
        shown = 0
        events = (event for event in iter_events(store, types=list(types)) if not status or event.status == status)
        for event in islice(events, limit or None):
            if as_json:
                emit_json(event_record(event))
            else:
                _print_event(store, event)
            shown += 1
    click.echo(f"{shown} events", err=True)


def _print_event(store: Store, event: StoredEvent) -> None:
    from claimgraph.query import entity_briefs

    names = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    actors = ", ".join(names[i].name for i in event.actors if i in names) or "-"
    targets = ", ".join(names[i].name for i in event.targets if i in names) or "-"
    where = names[event.location].name if event.location in names else "-"
    click.echo(f"[{event.type}/{event.plover}{'/' + event.mode if event.mode else ''}] {event.status}  "
               f"{actors} -> {targets}  at {where}  on {event.date or '-'}")
    click.echo(f"    {event.text.strip()}")


@cli.command("claims")
@db_option
@click.option("--entity", "entity_name", help="Only claims by or about this entity (a name or alias).")
@click.option("--stance", type=click.Choice(STANCES), help="Only assertions or only denials.")
@click.option("--attributed", is_flag=True, help="Leave out claims in the outlet's own voice.")
@click.option("--limit", default=0, show_default=True, help="Most claims shown (0: all).")
@json_option
def claims_command(db_path: Path | str, entity_name: str | None, stance: str | None, attributed: bool, limit: int, as_json: bool) -> None:
    """List claims with who makes them: source, cue, stance, modality and relays."""
    from claimgraph.export.contract import claim_record
    from claimgraph.query import find_entity_ids, iter_claims

    with _open(db_path) as store:
        entity_ids = None
        if entity_name:
            entity_ids = find_entity_ids(store, entity_name)
            if not entity_ids:
                _fail(f"no entity named {entity_name!r} (see `claimgraph stats` for the most mentioned)")
        shown = 0
        titles: dict[str, str] = {}
        claims = (c for c in iter_claims(store, stance=stance, entity_ids=entity_ids) if not (attributed and c.source_kind == "outlet"))
        for claim in islice(claims, limit or None):
            if as_json:
                emit_json(claim_record(claim))
            else:
                _print_claim(store, claim, titles)
            shown += 1
    click.echo(f"{shown} claims", err=True)


def _print_claim(store: Store, claim: StoredClaim, titles: dict[str, str]) -> None:
    """A claim, its source and its article (`titles`: the articles' names so far, by id)."""
    from claimgraph.query import document_brief

    if claim.doc not in titles:
        document = document_brief(store, claim.doc)
        titles[claim.doc] = (document.title or document.file_name) if document else claim.doc
    via = f" via {', '.join(claim.via)}" if claim.via else ""
    cue = f' "{claim.cue}"' if claim.cue else ""
    click.echo(f"[{claim.stance}/{claim.modality}] {claim.source_name} ({claim.source_kind}){cue}{via}")
    click.echo(f"    {claim.text}")
    click.echo(f"    — {titles[claim.doc]}")


@cli.command("search")
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="Most results shown.")
@json_option
def search_command(query: str, db_path: Path | str, limit: int, as_json: bool) -> None:
    """Full-text search of titles and texts: documents holding every word and "phrase" typed
    (read as words, never as search syntax), best first; matches in [brackets]."""
    from claimgraph.query import bracketed
    from claimgraph.query.search_text import parse_terms, search_documents_page

    terms = parse_terms(query)
    if not terms.phrases:
        _fail("nothing to search for: type words or \"phrases\"")
    with _open(db_path) as store:
        hits, _ = search_documents_page(store, terms, limit=limit)
    for hit in hits:
        snippet = bracketed(hit.snippet)
        if as_json:
            emit_json(search_record(hit.id, hit.title, snippet))
        else:
            click.echo(f"{hit.id}  {hit.title or '(untitled)'}\n    {snippet}")
    if not hits:
        click.echo("no match", err=True)


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer that places are geocoded with (GeoNames data in SQLite)."""


@gazetteer_group.command("build")
@gazetteer_option
def gazetteer_build_command(gazetteer_path: Path | None) -> None:
    """Build the default gazetteer from packaged GeoNames data (replaces an existing one).

    Holds GeoNames cities500 (every place of 500 people or more), all countries with their
    names in 160 languages, provinces and states, continents, and common macro-regions
    (Horn of Africa, Balkans...).
    `claimgraph build` does this by itself the first time it needs a gazetteer."""
    from claimgraph.gazetteer import build_gazetteer, default_gazetteer_path

    path = gazetteer_path or default_gazetteer_path()
    try:
        report = build_gazetteer(path, progress=lambda message: click.echo(message, err=True), steps=Bars())
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    click.echo(f"{path}: {report.places:,} places, {report.names:,} names")


@gazetteer_group.command("load")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@gazetteer_option
def gazetteer_load_command(dump: Path, gazetteer_path: Path | None) -> None:
    """Add a GeoNames dump (allCountries.txt, a country file such as ML.txt, or its .zip
    from download.geonames.org/export/dump/) to the gazetteer: villages, districts and
    sites the packaged data lacks. Re-loading a file updates its places in place.
    Databases built before the load keep their places until their next build that resolves
    entities again."""
    from claimgraph.gazetteer import (
        build_gazetteer,
        default_gazetteer_path,
        load_geonames_file,
    )

    path = gazetteer_path or default_gazetteer_path()
    try:
        if not path.exists():
            click.echo(f"building the gazetteer at {path} first", err=True)
            build_gazetteer(path)
        report = load_geonames_file(path, dump)
    except (ClaimgraphError, OSError) as exc:
        _fail(str(exc))
    for problem in report.problems[:20]:
        click.echo(f"{dump}:{problem.line}: skipped: {problem.reason}", err=True)
    if len(report.problems) > 20:
        click.echo(f"... and {len(report.problems) - 20} more lines skipped", err=True)
    click.echo(f"{dump}: {report.places:,} places loaded, {len(report.problems)} lines skipped")
    if report.places == 0:
        sys.exit(EXIT_NOTHING_BUILT)


@gazetteer_group.command("lookup")
@click.argument("name")
@gazetteer_option
@click.option("--limit", default=10, show_default=True, help="Most places shown, biggest first.")
def gazetteer_lookup_command(name: str, gazetteer_path: Path | None, limit: int) -> None:
    """List the places a name can stand for (exact name, any spelling the gazetteer knows)."""
    from claimgraph.gazetteer import Gazetteer, default_gazetteer_path

    try:
        gazetteer = Gazetteer(gazetteer_path or default_gazetteer_path())
    except ClaimgraphError as exc:
        _fail(str(exc))
    found = sorted(gazetteer.places_named(name), key=lambda n: (-n.primary, -n.place.population))
    for named in found[:limit]:
        place = named.place
        where = f"{place.lat:.4f}, {place.lon:.4f}" if place.lat is not None else "no coordinates"
        click.echo(f"{place.id}  {place.name} ({place.kind}, {place.country or '-'}, pop. {place.population:,})  {where}")
    if not found:
        click.echo("no place by that name", err=True)


@gazetteer_group.command("info")
@gazetteer_option
def gazetteer_info_command(gazetteer_path: Path | None) -> None:
    """Where the gazetteer is, its size, and how many places of each kind it holds."""
    from claimgraph.gazetteer import Gazetteer, default_gazetteer_path

    try:
        gazetteer = Gazetteer(gazetteer_path or default_gazetteer_path())
    except ClaimgraphError as exc:
        _fail(str(exc))
    info = gazetteer.describe()
    kinds, sources = cast("dict[str, int]", info["kinds"]), cast("dict[str, int]", info["sources"])
    click.echo(f"{info['path']}  ({cast('int', info['bytes']) / 1e6:.0f} MB)")
    click.echo(f"places {info['places']:,}   names {info['names']:,}")
    click.echo("kinds   " + ", ".join(f"{kind} {n:,}" for kind, n in kinds.items()))
    click.echo("sources " + ", ".join(f"{source} {n:,}" for source, n in sources.items()))


def _print_summary(report: BuildReport) -> None:
    entities = f"{report.entities} entities" if report.entities is not None else "entities unchanged"
    if report.places is not None:
        entities += f" ({report.places} geocoded places)"
    retried = f", {report.retried} skipped before and retried" if report.retried else ""
    repaired = f", {len(report.repaired)} repaired" if report.repaired else ""
    click.echo(
        f"read {report.read} inputs: {report.added} added, {report.unchanged} unchanged, {report.duplicates} near-duplicates, "
        f"{len(report.already_stored)} already stored, {len(report.skipped)} skipped{retried}{repaired}; "
        f"{report.mentions} mentions, {report.claims} claims, {entities}"
    )
    for language, count in sorted(report.unanalysed.items()):
        click.echo(f"{count} document(s) in {language!r}, a language with no pipeline: stored and searchable, not analysed", err=True)
    if report.redated:
        click.echo(f"{len(report.redated)} document(s) dated only to a month read again from the day other articles give the same "
                   "happening (their weekdays and 'yesterday' now name days)", err=True)
    for known in report.already_stored:
        click.echo(f"not stored again {known.key}: {known.reason}", err=True)
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.key}: {skipped.reason}", err=True)
    for key, note in report.repaired:
        click.echo(f"repaired {key}: {note}", err=True)


# The analyst's commands over the resolved corpus (entities, facts, contradictions).
register_analysis_commands(cli)
register_output_commands(cli)  # validate, brief


def main() -> None:
    """The console script: SQLite's failures that no command caught (a read on a damaged or
    vanished database) end with a one-line message and its remedy, never a traceback."""
    import sqlite3

    try:
        cli(standalone_mode=True)
    except sqlite3.Error as exc:
        from claimgraph.query import database_error

        _fail(str(database_error(exc, None)))
