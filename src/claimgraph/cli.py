"""The `claimgraph` command: a thin layer over the library (pipeline, store, export)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from claimgraph import __version__
from claimgraph.config import DEFAULT_MODEL, BuildOptions
from claimgraph.errors import ClaimgraphError
from claimgraph.export import write_jsonl
from claimgraph.pipeline import BuildReport, build
from claimgraph.store import Store, find_entity_ids, get_document, iter_claims, search_documents, store_stats

EXIT_OK = 0
EXIT_ERROR = 1  # a fatal error: no model, unusable database, unwritable output
EXIT_NOTHING_BUILT = 3  # no input could be read at all

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
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="SQLite database to create or add to.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline: package name, path, or 'sm' / 'md'.")
@click.option("--batch-size", default=_defaults.batch_size, show_default=True, help="Documents per parse batch and per transaction.")
@click.option("--time-budget", default=_defaults.time_budget, show_default=True, help="Seconds one document may take before it is skipped.")
@click.option("--max-bytes", default=_defaults.max_bytes, show_default=True, help="Largest file (or JSONL line) read, in bytes.")
@click.option("--max-chars", default=_defaults.max_chars, show_default=True, help="Longest cleaned text parsed, in characters.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the summary.")
def build_command(paths: tuple[Path, ...], db_path: Path, model: str, batch_size: int, time_budget: float, max_bytes: int, max_chars: int, quiet: bool) -> None:
    """Read the articles under PATHS (folders, .txt, .html/.htm, .json, .jsonl) into the database.

    Builds are incremental: unchanged inputs are passed over, changed ones replaced, and a
    killed build resumes where it stopped. Inputs that cannot be read are reported with the
    reason and skipped; the rest of the run completes.
    """
    try:
        options = BuildOptions(model=model, batch_size=batch_size, time_budget=time_budget, max_bytes=max_bytes, max_chars=max_chars)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    progress = tqdm(desc="inputs", unit=" input", disable=True if quiet else None, file=sys.stderr, leave=False)
    try:
        with Store.open(db_path) as store:
            report = build(paths, store=store, options=options, on_input=lambda key: progress.update(1))
    except ClaimgraphError as exc:
        progress.close()
        _fail(str(exc))
    progress.close()
    _print_summary(report)
    if report.added == 0 and report.unchanged == 0:
        sys.exit(EXIT_NOTHING_BUILT)


@cli.command("stats")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="claimgraph database.")
@click.option("--top", default=10, show_default=True, help="How many of the most-mentioned entities to list.")
def stats_command(db_path: Path, top: int) -> None:
    """Summarize a database: documents, languages, duplicates, entities, claims, dates,
    quantities, and every skipped input with its reason."""
    with _open(db_path) as store:
        stats = store_stats(store, top=top)
    click.echo(f"documents   {stats.documents}  (near-duplicates: {stats.duplicates})")
    click.echo("languages   " + (", ".join(f"{lang} {n}" for lang, n in stats.languages.items()) or "-"))
    click.echo(f"entities    {stats.entities}  ({stats.mentions} mentions)")
    click.echo(f"claims      {stats.claims}  ({stats.attributed_claims} attributed to a source, {stats.denials} denials)")
    click.echo(f"dates       {stats.dates}    quantities {stats.quantities}")
    click.echo(f"skipped     {stats.skipped} inputs")
    for key, reason in stats.skip_reasons:
        click.echo(f"  {key}: {reason}")
    if stats.top_entities:
        click.echo("most mentioned:")
        for name, kind, count in stats.top_entities:
            click.echo(f"  {count:5d}  {name} ({kind})")


@cli.command("export")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="claimgraph database.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True, help="Output format (see docs/export.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"), show_default=True, help="Output file, or - for standard output.")
def export_command(db_path: Path, fmt: str, output: Path) -> None:
    """Write the knowledge base in an interchange format (jsonl: the export contract)."""
    with _open(db_path) as store:
        if str(output) == "-":
            counts = write_jsonl(store, sys.stdout)
        else:
            try:
                with output.open("w", encoding="utf-8") as out:
                    counts = write_jsonl(store, out)
            except OSError as exc:
                _fail(f"cannot write {output}: {exc.strerror or exc}")
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing"
    click.echo(f"exported {summary}", err=True)


@cli.command("claims")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="claimgraph database.")
@click.option("--entity", "entity_name", help="Only claims by or about this entity (a name or alias).")
@click.option("--stance", type=click.Choice(["assert", "deny"]), help="Only assertions or only denials.")
@click.option("--attributed", is_flag=True, help="Leave out claims in the outlet's own voice.")
@click.option("--limit", default=0, show_default=True, help="Most claims shown (0: all).")
def claims_command(db_path: Path, entity_name: str | None, stance: str | None, attributed: bool, limit: int) -> None:
    """List claims with who makes them: source, cue, stance, modality and relays."""
    with _open(db_path) as store:
        entity_ids = None
        if entity_name:
            entity_ids = find_entity_ids(store, entity_name)
            if not entity_ids:
                _fail(f"no entity named {entity_name!r} (see `claimgraph stats` for the most mentioned)")
        shown = 0
        titles: dict[str, str] = {}
        for claim in iter_claims(store, stance=stance, entity_ids=entity_ids):
            if attributed and claim.source_kind == "outlet":
                continue
            if claim.doc not in titles:
                document = get_document(store, claim.doc)
                titles[claim.doc] = (document.title or Path(document.source).name) if document else claim.doc
            via = f" via {', '.join(claim.via)}" if claim.via else ""
            cue = f' "{claim.cue}"' if claim.cue else ""
            click.echo(f"[{claim.stance}/{claim.modality}] {claim.source_name} ({claim.source_kind}){cue}{via}")
            click.echo(f"    {claim.text}")
            click.echo(f"    — {titles[claim.doc]}")
            shown += 1
            if limit and shown >= limit:
                break
    click.echo(f"{shown} claims", err=True)


@cli.command("search")
@click.argument("query")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="claimgraph database.")
@click.option("--limit", default=20, show_default=True, help="Most results shown.")
def search_command(query: str, db_path: Path, limit: int) -> None:
    """Full-text search of titles and texts (SQLite FTS5 query syntax: words, "phrases", OR, NOT)."""
    with _open(db_path) as store:
        try:
            hits = search_documents(store, query, limit=limit)
        except Exception as exc:  # sqlite3.OperationalError for malformed FTS5 syntax
            _fail(f"invalid search query {query!r}: {exc}")
    for doc_id, title, snippet in hits:
        click.echo(f"{doc_id}  {title or '(untitled)'}\n    {snippet}")
    if not hits:
        click.echo("no match", err=True)


def _open(db_path: Path) -> Store:
    try:
        return Store.open(db_path)
    except ClaimgraphError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits


def _print_summary(report: BuildReport) -> None:
    entities = f"{report.entities} entities" if report.entities is not None else "entities unchanged"
    click.echo(
        f"read {report.read} inputs: {report.added} added, {report.unchanged} unchanged, "
        f"{report.duplicates} near-duplicates, {len(report.skipped)} skipped; {report.mentions} mentions, {report.claims} claims, {entities}"
    )
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.key}: {skipped.reason}", err=True)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def main() -> None:
    cli()
