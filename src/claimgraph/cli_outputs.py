"""The commands that write what analysts take away: `validate` (a JSONL export against the
contract's schema) and `brief` (a situation report, every sentence cited).

Internal: part of the console script.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimgraph.cli_support import db_option, fail, open_store, refuse
from claimgraph.errors import ClaimgraphError, InvalidQuery


def register_output_commands(cli: click.Group) -> None:
    cli.add_command(validate_command)
    cli.add_command(brief_command)


@click.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--limit", default=50, show_default=True, help="Most problems listed.")
def validate_command(file: Path, limit: int) -> None:
    """Check a JSONL export (`claimgraph export --format jsonl`) against the contract: each
    record against the JSON Schema shipped in the package, then the references between
    records and the uniqueness of ids. Exit status 1 when there is a problem."""
    from claimgraph.export.validate import validate_export

    try:
        handle = sys.stdin if str(file) == "-" else file.open(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    with handle:
        report = validate_export(handle, limit=limit)
    for problem in report.problems:
        click.echo(f"{file}:{problem.line}: {problem.message}" if problem.line else f"{file}: {problem.message}")
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items()) or "no record"
    if report.valid:
        click.echo(f"{file}: valid ({counts})")
        return
    more = f" ({report.problem_count - len(report.problems)} not listed)" if report.problem_count > len(report.problems) else ""
    click.echo(f"{file}: {report.problem_count} problems{more}; {counts} valid", err=True)
    sys.exit(1)


@click.command("brief")
@db_option
@click.option("--entity", "entity_name", help="Only what is claimed by or about this entity (a name, alias or id).")
@click.option("--place", "place_name", help="Only claims that name this place.")
@click.option("--since", help="Only documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"), show_default=True,
              help="brief.md, brief.html or brief.pdf (the suffix gives the format); - for Markdown on standard output.")
def brief_command(db_path: Path | str, entity_name: str | None, place_name: str | None, since: str | None, output: Path) -> None:
    """Write a situation report drawn from the knowledge base alone (no language model): the
    contested points with each side and its sources, the key actors and what is claimed
    about them, a dated timeline, the places on a small map, the corroborated facts and the
    single-source claims to check. Every sentence cites its evidence in a footnote: the
    outlet, the date and the source sentence quoted. A PDF needs the Pango library."""
    from claimgraph.brief import (
        BriefScope,
        RenderUnavailable,
        build_brief,
        render_markdown,
        write_brief,
    )

    if since is not None and not _is_date(since):
        refuse(f"--since {since!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    with open_store(db_path) as store:
        try:
            brief = build_brief(store, BriefScope(entity=entity_name, place=place_name, since=since))
        except InvalidQuery as exc:
            refuse(str(exc))
    try:
        if str(output) == "-":
            click.echo(render_markdown(brief), nl=False)
            written = []
        else:
            written = write_brief(brief, output)
    except RenderUnavailable as exc:
        fail(str(exc))
    except (OSError, ClaimgraphError) as exc:
        fail(f"cannot write {output}: {exc}")
    click.echo(f"brief: {len(brief.contested)} contested points, {len(brief.actors)} actors, {len(brief.timeline)} dated events, "
               f"{len(brief.citations)} sources cited" + (f"; wrote {', '.join(str(p) for p in written)}" if written else ""), err=True)


def _is_date(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts) and all(len(p) == 2 for p in parts[1:])
