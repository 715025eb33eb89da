"""The analyst's commands over a built corpus: facts, contradictions, and reviewing and
correcting entities.

`claimgraph entities show|merge|split`: an analyst's merge or split is stored on mention
keys (which do not change when the corpus is rebuilt) and applied by every later
resolution; the command applies it at once so the result can be checked.

Internal: part of the console script.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import click

from claimgraph.cli_support import (
    LazyChoice,
    db_option,
    emit_json,
    fail,
    json_option,
    open_store,
    refuse,
    warn_if_unresolved,
)
from claimgraph.errors import CorrectionRefused
from claimgraph.query import (
    Contradiction,
    Store,
    StoredFact,
    claims_by_id,
    contradiction_kinds,
    document_brief,
    entity_briefs,
    entity_exists,
    entity_forms,
    entity_merges,
    find_entity_ids,
    geocoded_places,
    iter_contradictions,
    iter_entities,
    iter_facts,
    record_counts,
)
from claimgraph.query import corrections as _corrections
from claimgraph.records import FACT_STATUSES

_gazetteer_path = click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
                               help="Gazetteer file for geocoding again [default: as `build`].")


def register_analysis_commands(cli: click.Group) -> None:
    cli.add_command(entities_group)
    cli.add_command(facts_command)
    cli.add_command(contradictions_command)
    cli.add_command(serve_command)


_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; any other than this machine needs a token.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="CLAIMGRAPH_TOKEN", help="Token for corrections, and for every request when not on 127.0.0.1 [env: CLAIMGRAPH_TOKEN].")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Another name the browser may reach the app by (the Host header); loopback names and --host are always allowed. Repeatable.")
@_gazetteer_path
def serve_command(db_path: Path | str, host: str, port: int, token: str | None, allowed_hosts: tuple[str, ...], gazetteer_path: Path | None) -> None:
    """Start the web app: documents, entities, claims, events, facts, contradictions, timeline, map, graph, reader, search, JSON API."""
    import uvicorn

    from claimgraph.present.app import create_app
    from claimgraph.present.web import AppSettings, TokenRefused, check_token

    exposed = host not in _LOOPBACK
    try:
        check_token(token)
    except TokenRefused as exc:
        fail(str(exc))
    if exposed and not token:
        fail(f"listening on {host} makes the app reachable from other machines: give --token or set CLAIMGRAPH_TOKEN")
    with open_store(db_path) as store:  # a clear error now for an unusable database
        warn_if_unresolved(store, db_path)
    settings = AppSettings(db_path=db_path, token=token, token_required=exposed, gazetteer_path=gazetteer_path, host=host,
                           allowed_hosts=frozenset(name.strip().lower() for name in allowed_hosts))
    app = create_app(settings)
    click.echo(f"claimgraph on http://{host}:{port}/ (API schema: /openapi.json; {'corrections need the token' if token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)


@click.command("facts")
@db_option
@click.option("--status", type=click.Choice(FACT_STATUSES), help="Only facts with this status.")
@click.option("--min-claims", default=2, show_default=True, help="Only facts reported by at least this many claims.")
@click.option("--limit", default=0, show_default=True, help="Most facts shown (0: all).")
@json_option
def facts_command(db_path: Path | str, status: str | None, min_claims: int, limit: int, as_json: bool) -> None:
    """Facts: what several claims state alike, with their independent origins and sentences."""
    from claimgraph.export.contract import fact_record

    with open_store(db_path) as store:
        shown = 0
        facts = (fact for fact in iter_facts(store, status=status) if len(fact.claims) >= min_claims)
        for fact in islice(facts, limit or None):
            if as_json:
                emit_json(fact_record(fact))
            else:
                _print_fact(store, fact)
            shown += 1
    click.echo(f"{shown} facts", err=True)


def _print_fact(store: Store, fact: StoredFact) -> None:
    click.echo(f"[{fact.status}] {fact.about}  ({len(fact.independent_origins)} independent origins: "
               f"{'; '.join(fact.independent_origins)})")
    for claim in claims_by_id(store, fact.claims):
        click.echo(f"    {_where(store, claim.doc)} | {claim.source_name}: {_short(claim.text)}")


@click.command("contradictions")
@db_option
@click.option("--type", "kinds", multiple=True, type=LazyChoice(contradiction_kinds),
              help="Only contradictions of this kind (repeatable): the kinds the registered comparators report.")
@click.option("--min-strength", type=click.FloatRange(0, 1), default=None,
              help="Only contradictions at least this strong (1: a plain conflict; lower where time, scope or a rounded "
                   "figure may explain it). Contradictions not rated are left out when given.")
@click.option("--limit", default=0, show_default=True, help="Most contradictions shown (0: all).")
@json_option
def contradictions_command(db_path: Path | str, kinds: tuple[str, ...], min_strength: float | None, limit: int, as_json: bool) -> None:
    """Contradictions between sources: what differs (slot, both values), the two sentences
    side by side with their sources, and the caveat that may explain it."""
    from claimgraph.export.contract import contradiction_record

    with open_store(db_path) as store:
        shown = 0
        found = (c for c in iter_contradictions(store) if (not kinds or c.type in kinds)
                 and (min_strength is None or (c.strength is not None and c.strength >= min_strength)))
        for contradiction in islice(found, limit or None):
            if as_json:
                emit_json(contradiction_record(contradiction))
            else:
                _print_contradiction(store, contradiction)
            shown += 1
    click.echo(f"{shown} contradictions", err=True)


def _print_contradiction(store: Store, contradiction: Contradiction) -> None:
    strength = f" strength {contradiction.strength:g}" if contradiction.strength is not None else ""
    click.echo(f"[{contradiction.type}{strength}] {contradiction.explanation}")
    if contradiction.slot:
        click.echo(f"    {contradiction.slot}: {contradiction.value_a!r} against {contradiction.value_b!r}")
    if contradiction.caveat:
        click.echo(f"    caveat: {contradiction.caveat}")
    pair = {c.id: c for c in claims_by_id(store, [contradiction.a, contradiction.b])}
    for label, claim_id in (("A", contradiction.a), ("B", contradiction.b)):
        claim = pair.get(claim_id)
        if claim is not None:
            click.echo(f"    {label} {_where(store, claim.doc)} | {claim.source_name}: {_short(claim.text)}")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(store: Store, doc_id: str) -> str:
    document = document_brief(store, doc_id)
    return document.name if document is not None else doc_id


@click.group("entities")
def entities_group() -> None:
    """Review entities and correct them: why names were merged, merge two, split one."""


@entities_group.command("show")
@db_option
@click.argument("name")
@json_option
def show_command(db_path: Path | str, name: str, as_json: bool) -> None:
    """An entity (by name, alias or id): its aliases, and why each was merged into it."""
    with open_store(db_path) as store:
        if as_json:
            _emit_entities(store, _entities_named(store, name))
            return
        for entity_id in _entities_named(store, name):
            brief = entity_briefs(store, [entity_id])[entity_id]
            where = ""
            if brief.place is not None and brief.place.lat is not None:
                where = f"  at {brief.place.name} ({brief.place.lat:.3f}, {brief.place.lon:.3f}, {brief.place.precision})"
            click.echo(f"{brief.name}  [{brief.type}]  {entity_id}{where}")
            for form in entity_forms(store, entity_id):
                click.echo(f"  {form.count:4d}  {form.text}   (key: {form.key})")
            for merge in entity_merges(store, entity_id):
                click.echo(f"  merged: {merge.key!r} with {merge.into!r}: {merge.reason}")


@entities_group.command("merge")
@db_option
@click.argument("first")
@click.argument("second")
@click.option("--note", help="Why (kept with the correction).")
@_gazetteer_path
def merge_command(db_path: Path | str, first: str, second: str, note: str | None, gazetteer_path: Path | None) -> None:
    """Merge two entities (names, aliases or ids) for good: later builds keep them one."""
    with open_store(db_path) as store:
        id_a, id_b = _entity_named(store, first), _entity_named(store, second)
        if id_a == id_b:
            fail(f"{first!r} and {second!r} are one entity already")
        try:
            _corrections.merge_entities(store, id_a, id_b, note=note, gazetteer_path=gazetteer_path, on_message=_notice)
        except CorrectionRefused as exc:
            refuse(str(exc))
        _print_resolved(store)
        click.echo(f"merged {first!r} and {second!r}", err=True)


@entities_group.command("split")
@db_option
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, required=True, help="A spelling to take out of the entity (repeatable).")
@click.option("--note", help="Why (kept with the correction).")
@_gazetteer_path
def split_command(db_path: Path | str, name: str, aliases: tuple[str, ...], note: str | None, gazetteer_path: Path | None) -> None:
    """Take spellings out of an entity for good: they never join it again."""
    with open_store(db_path) as store:
        entity_id = _entity_named(store, name)
        forms = entity_forms(store, entity_id)
        wanted = {a.casefold() for a in aliases}
        out = {form.key for form in forms if form.text.casefold() in wanted}
        if not out:
            fail(f"none of {', '.join(map(repr, aliases))} is a spelling of {name!r} (see `claimgraph entities show`)")
        if not {form.key for form in forms} - out:
            fail("that would take out every spelling; nothing is left to split from")
        try:
            _corrections.split_entity(store, entity_id, aliases, note=note, gazetteer_path=gazetteer_path, on_message=_notice)
        except CorrectionRefused as exc:
            refuse(str(exc))
        _print_resolved(store)
        click.echo(f"split {', '.join(map(repr, aliases))} from {name!r}", err=True)


def _emit_entities(store: Store, ids: list[str]) -> None:
    """The entities as the API's /api/entities records (with their mentions and merges)."""
    from claimgraph.export.contract import entity_record

    for entity in iter_entities(store, ids=ids):
        emit_json(entity_record(entity, entity_merges(store, entity.id)))


def _entities_named(store: Store, name: str) -> list[str]:
    ids = [name] if entity_exists(store, name) else find_entity_ids(store, name)
    if not ids:
        fail(f"no entity named {name!r} (see `claimgraph stats` for the most mentioned)")
    return ids


def _entity_named(store: Store, name: str) -> str:
    """The id of the one entity `name` names (a name, an alias or an id)."""
    ids = _entities_named(store, name)
    if len(ids) > 1:
        fail(f"{name!r} names {len(ids)} entities; use an id: {', '.join(ids)}")
    return ids[0]


def _notice(message: str) -> None:
    click.echo(message, err=True)


def _print_resolved(store: Store) -> None:
    click.echo(f"{record_counts(store)['entities']} entities ({geocoded_places(store)} geocoded places)", err=True)
