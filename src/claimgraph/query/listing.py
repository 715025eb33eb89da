"""Filtered, sorted lists of records with keyset pagination: each page starts after (or ends
before) the sort key of a row, so a page deep in a list costs what the first one does (no
OFFSET scan). A list is declared as data (`ListSpec`: its tables, its filters, its sorts);
`list_page` reads one page with its total count and facet counts, `list_ids` every id of
the filtered view (for downloads).

Cursors are the sort key of a row, as URL-safe base64 of JSON; a cursor that does not decode
to a key of the sort's width is refused with `InvalidQuery`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from claimgraph.errors import InvalidQuery
from claimgraph.store import Store

__all__ = [
    "DATE_VALUE",
    "Facet",
    "FilterSpec",
    "ListPage",
    "ListSpec",
    "SortSpec",
    "decode_cursor",
    "encode_cursor",
    "list_ids",
    "list_page",
]

DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # what a date filter accepts: 2021, 2021-06, 2021-06-30
MAX_TEXT = 300  # longest value a text filter takes
FACET_VALUES = 12


@dataclass(frozen=True)
class FilterSpec:
    """One filter of a list: `where` is an SQL condition with `?` for the value (`params`
    turns the value into the condition's parameters); `facet` an SQL expression whose values
    are this filter's values, counted for the facet. `choices`: the values allowed (None: any
    text up to `MAX_TEXT` characters; `date`: a date prefix, YYYY[-MM[-DD]])."""

    name: str
    label: str
    where: str
    facet: str | None = None
    choices: tuple[str, ...] | None = None
    date: bool = False
    params: Callable[[str], list[object]] = field(default=lambda value: [value])

    def check(self, value: str) -> str:
        if self.choices is not None and value not in self.choices:
            raise InvalidQuery(f"{self.name}: {value!r} is not one of {', '.join(self.choices)}")
        if self.date and not DATE_VALUE.fullmatch(value):
            raise InvalidQuery(f"{self.name}: a date is YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if len(value) > MAX_TEXT:
            raise InvalidQuery(f"{self.name}: at most {MAX_TEXT} characters")
        return value


@dataclass(frozen=True)
class SortSpec:
    """An order: SQL expressions (never NULL; the last one unique) all ascending or all
    descending."""

    name: str
    label: str
    keys: tuple[str, ...]
    descending: bool = False


@dataclass(frozen=True)
class ListSpec:
    name: str
    source: str  # FROM ... (with its joins)
    id: str  # the record id's expression
    filters: tuple[FilterSpec, ...]
    sorts: tuple[SortSpec, ...]  # the first is the default
    where: str = ""  # a condition every row of the list meets
    joins: tuple[tuple[str, str], ...] = ()  # (alias, JOIN clause): added only to a query that names `alias.`

    def filter(self, name: str) -> FilterSpec | None:
        return next((f for f in self.filters if f.name == name), None)

    def sort(self, name: str | None) -> SortSpec:
        if not name:
            return self.sorts[0]
        for sort in self.sorts:
            if sort.name == name:
                return sort
        raise InvalidQuery(f"sort: {name!r} is not one of {', '.join(s.name for s in self.sorts)}")

    def checked(self, filters: Mapping[str, str]) -> dict[str, str]:
        """The filters this list has, checked (empty values dropped; others ignored)."""
        return {f.name: f.check(filters[f.name]) for f in self.filters if filters.get(f.name)}


@dataclass(frozen=True)
class Facet:
    """How many rows of the filtered view have each value of one filter (the other filters
    applied, not this one), most first."""

    name: str
    label: str
    values: list[tuple[str, int]]


@dataclass(frozen=True)
class ListPage:
    """One page of a list: the ids in order, how many rows the filtered view has, cursors for
    the pages after and before it (None at either end), and the facets."""

    ids: list[str]
    total: int
    after: str | None
    before: str | None
    facets: list[Facet]
    sort: str
    filters: dict[str, str]


def encode_cursor(key: Sequence[object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list[object]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):
        raise InvalidQuery("this page link is not valid (a damaged cursor)") from None
    if not (isinstance(key, list) and len(key) == width and all(isinstance(v, str | int | float) for v in key)):
        raise InvalidQuery("this page link is not valid (a cursor of another list)")
    return key


def _conditions(spec: ListSpec, filters: Mapping[str, str], *, leave_out: str | None = None) -> tuple[list[str], list[object]]:
    where, params = ([spec.where] if spec.where else []), []
    for name, value in filters.items():
        found = spec.filter(name)
        if found is None or name == leave_out:
            continue
        where.append(f"({found.where})")
        params += found.params(value)
    return where, params


def _sql_where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def _from(spec: ListSpec, *used: str) -> str:
    """The spec's FROM clause with the joins that the SQL it goes with names."""
    text = " ".join(used)
    return spec.source + "".join(f" {join}" for alias, join in spec.joins if re.search(rf"\b{alias}\.", text))


def list_page(store: Store, spec: ListSpec, filters: Mapping[str, str], *, sort: str | None = None, after: str | None = None,
              before: str | None = None, offset: int = 0, limit: int = 50, facets: bool = True, count: bool = True) -> ListPage:
    """One page of the list: after the row of cursor `after`, or before the row of `before`,
    else from the start (skipping `offset` rows, for the API's older paging)."""
    checked = spec.checked(filters)
    order = spec.sort(sort)
    where, params = _conditions(spec, checked)
    width = len(order.keys)
    backwards = before is not None and after is None
    cursor = after if after is not None else before
    if cursor is not None:
        key = decode_cursor(cursor, width)
        forward = ">" if not order.descending else "<"
        backward = "<" if not order.descending else ">"
        where.append(f"({', '.join(order.keys)}) {backward if backwards else forward} ({', '.join('?' * width)})")
        params += key
    direction = "DESC" if order.descending != backwards else "ASC"
    columns = ", ".join(f"{k} AS k{i}" for i, k in enumerate(order.keys))
    rows = store.connection.execute(
        f"SELECT {spec.id} AS id, {columns} {_from(spec, spec.id, columns, *where)}{_sql_where(where)} "
        f"ORDER BY {', '.join(f'k{i} {direction}' for i in range(width))} LIMIT ? OFFSET ?",
        [*params, limit + 1, 0 if cursor is not None else offset],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
    keys = [[row[f"k{i}"] for i in range(width)] for row in rows]
    has_after = more if not backwards else True
    has_before = (more if backwards else (cursor is not None or offset > 0))
    return ListPage(
        ids=[row["id"] for row in rows],
        total=count_rows(store, spec, checked) if count else -1,
        after=encode_cursor(keys[-1]) if rows and has_after else None,
        before=encode_cursor(keys[0]) if rows and has_before else None,
        facets=facet_counts(store, spec, checked) if facets else [],
        sort=order.name,
        filters=checked,
    )


def count_rows(store: Store, spec: ListSpec, filters: Mapping[str, str]) -> int:
    where, params = _conditions(spec, filters)
    return int(store.connection.execute(f"SELECT COUNT(*) {_from(spec, *where)}{_sql_where(where)}", params).fetchone()[0])


def facet_counts(store: Store, spec: ListSpec, filters: Mapping[str, str]) -> list[Facet]:
    found = []
    for facet in spec.filters:
        if facet.facet is None:
            continue
        where, params = _conditions(spec, filters, leave_out=facet.name)
        rows = store.connection.execute(
            f"SELECT {facet.facet} AS value, COUNT(*) AS n {_from(spec, facet.facet, *where)}{_sql_where(where)} "
            "GROUP BY value ORDER BY n DESC, value LIMIT ?", [*params, FACET_VALUES]
        ).fetchall()
        values = [(str(row["value"]), row["n"]) for row in rows if row["value"] is not None]
        if values:
            found.append(Facet(facet.name, facet.label, values))
    return found


def list_ids(store: Store, spec: ListSpec, filters: Mapping[str, str], *, sort: str | None = None, chunk: int = 500) -> Iterator[list[str]]:
    """Every id of the filtered view in its order, in chunks (each chunk one keyset query)."""
    after = None
    while True:
        page = list_page(store, spec, filters, sort=sort, after=after, limit=chunk, facets=False, count=False)
        if page.ids:
            yield page.ids
        if page.after is None:
            return
        after = page.after
