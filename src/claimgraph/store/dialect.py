"""SQLite's dialect, as the store and the query layer write it, translated for PostgreSQL.

Every statement is written once, in the part of SQLite's dialect the code uses; this module
rewrites that part, statement by statement, into PostgreSQL's (store/postgres.py runs the
result). What is translated, and why it means the same there:

- `?` placeholders become `%s` (and a literal `%` is doubled) for psycopg's client-side binding;
- `INSERT OR IGNORE` / `INSERT OR REPLACE` become `ON CONFLICT DO NOTHING` / `DO UPDATE` on
  the table's primary key (given by `primary_key`);
- `BEGIN IMMEDIATE` is `BEGIN`; `GROUP_CONCAT` is `string_agg`; `instr` is `strpos`;
  `json_array_length` reads its text as json; `IFNULL` is `COALESCE`;
- `x GLOB 'pattern'` is the anchored regular expression `x ~ '^...$'`; `LIKE` (which SQLite
  compares without case for ASCII) is `ILIKE`; `x COLLATE NOCASE` (ASCII folding, then byte
  order) is `lower(x)` under the "C" collation (which folds ASCII only);
- `SELECT DISTINCT cols ... ORDER BY x`, x not among the columns (which SQLite takes and
  PostgreSQL refuses), groups by the columns and orders by MIN(x) (MAX(x) descending): each
  row where it first comes;
- `GROUP BY` also lists the plain columns selected beside the groups' keys (SQLite takes
  them bare; they depend on the keys in every query here), and an `ORDER BY` of a grouped
  query ends with the groups' keys, which is the order SQLite gives rows that tie;
- `ORDER BY` items sort NULLs first in ascending order and last in descending, as SQLite does;
- in `CREATE TABLE` / `ALTER TABLE`: TEXT columns use the "C" collation (byte order, as
  SQLite compares text), REAL is DOUBLE PRECISION, BLOB is BYTEA, an
  `INTEGER PRIMARY KEY` is an identity column, `WITHOUT ROWID` goes;
- SQLite's full-text tables and triggers (`CREATE VIRTUAL TABLE`, `CREATE TRIGGER`) are
  dropped: PostgreSQL's text search is set up by `migrations/postgresql/NNNN_*.sql`.

Anything else passes through unchanged; tests/test_dialect.py holds each rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

PrimaryKey = Callable[[str], tuple[str, ...]]

_LITERAL = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
_SQLITE_ONLY = re.compile(r"^\s*CREATE\s+(VIRTUAL\s+TABLE|TRIGGER)\b", re.IGNORECASE)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?", re.IGNORECASE)
_DDL = re.compile(r"^\s*(CREATE\s+(TEMP\s+|TEMPORARY\s+)?TABLE|ALTER\s+TABLE)\b", re.IGNORECASE)


def split_statements(script: str) -> list[str]:
    """The statements of a script, without comments; a trigger's body stays whole."""
    code = _mask_literals(_COMMENT.sub(" ", script))
    statements, start, depth_end = [], 0, False
    for match in re.finditer(r";|\bBEGIN\b|\bEND\b|\bCASE\b", code.text, re.IGNORECASE):
        word = match.group().upper()
        if word == "BEGIN" and _SQLITE_ONLY.match(code.text[start:match.start()] + " "):
            depth_end = True
        elif word == "END" and depth_end and not _is_case_end(code.text, start, match.start()):
            depth_end = False
        elif word == ";" and not depth_end:
            statements.append(code.restore(start, match.start()).strip())
            start = match.end()
    statements.append(code.restore(start, len(code.text)).strip())
    return [s for s in statements if s]


def _is_case_end(text: str, start: int, at: int) -> bool:
    """Whether this END closes a CASE (inside a trigger body) rather than the body."""
    before = text[start:at].upper()
    return before.count("CASE") > before.count("END")


def to_postgresql(statement: str, *, primary_key: PrimaryKey, with_params: bool) -> str | None:
    """One statement in PostgreSQL's dialect; None for a SQLite-only statement (dropped)."""
    if _SQLITE_ONLY.match(statement):
        return None
    code = _mask_literals(statement)
    text = code.text
    ddl = bool(_DDL.match(text))
    text, conflict = _insert_or(text, primary_key)
    text = re.sub(r"^\s*BEGIN\s+IMMEDIATE\b", "BEGIN", text, flags=re.IGNORECASE)
    text = _calls(text, "group_concat", lambda args: f"string_agg({args[0]}, {args[1] if len(args) > 1 else _COMMA})")
    text = _calls(text, "json_array_length", lambda args: f"json_array_length(({args[0]})::json)")
    text = _calls(text, "instr", lambda args: f"strpos({args[0]}, {args[1]})")
    text = re.sub(r"\bIFNULL\s*\(", "COALESCE(", text, flags=re.IGNORECASE)
    text = re.sub(r"\bGLOB\s+(\x00\d+\x00)", lambda m: "~ " + code.add(_glob_regex(code.literal(m.group(1)))), text, flags=re.IGNORECASE)
    text = re.sub(r"\bNOT\s+LIKE\b", "NOT ILIKE", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!NOT )\bLIKE\b", "ILIKE", text, flags=re.IGNORECASE)
    text = re.sub(r"([\w.]+)\s+COLLATE\s+NOCASE\b", r'lower(\1 COLLATE "C")', text, flags=re.IGNORECASE)
    text = _distinct_order(text)
    text = _grouped_columns(text)
    text = _order_nulls(text)
    if ddl:
        text = _ddl_types(text)
    text += conflict
    if with_params:
        text = text.replace("%", "%%").replace("?", "%s")
    return code.restore_text(text, escape_percent=with_params)


_COMMA = "','"  # GROUP_CONCAT's default separator, as a literal (masked below)


class _Masked:
    """A statement with its string literals and quoted names replaced by markers, so that the
    rewrites never touch what is inside quotes."""

    def __init__(self, text: str) -> None:
        self.literals: list[str] = []
        self.text = _LITERAL.sub(lambda m: self.add(m.group()), text)

    def add(self, literal: str) -> str:
        self.literals.append(literal)
        return f"\x00{len(self.literals) - 1}\x00"

    def literal(self, marker: str) -> str:
        return self.literals[int(marker.strip("\x00"))]

    def restore(self, start: int, end: int) -> str:
        return self.restore_text(self.text[start:end], escape_percent=False)

    def restore_text(self, text: str, *, escape_percent: bool) -> str:
        def put_back(match: re.Match[str]) -> str:
            literal = self.literals[int(match.group(1))]
            return literal.replace("%", "%%") if escape_percent else literal

        return re.sub(r"\x00(\d+)\x00", put_back, text)


def _mask_literals(text: str) -> _Masked:
    return _Masked(text)


def _insert_or(text: str, primary_key: PrimaryKey) -> tuple[str, str]:
    """INSERT OR IGNORE / OR REPLACE as a plain INSERT and the ON CONFLICT clause to append."""
    match = _INSERT_OR.match(text)
    if not match:
        return text, ""
    action, table, columns = match.group(1).upper(), match.group(2), match.group(4)
    text = "INSERT INTO " + table + (f" ({columns})" if columns else "") + text[match.end():]
    if action == "IGNORE":
        return text, " ON CONFLICT DO NOTHING"
    keys = primary_key(table)
    names = [c.strip().strip('"') for c in (columns or "").split(",") if c.strip()]
    updates = [n for n in names if n not in keys]
    target = ", ".join(f'"{k}"' for k in keys)
    if not updates:
        return text, f" ON CONFLICT ({target}) DO NOTHING"
    return text, f" ON CONFLICT ({target}) DO UPDATE SET " + ", ".join(f'"{n}" = EXCLUDED."{n}"' for n in updates)


def _calls(text: str, name: str, rewrite: Callable[[list[str]], str]) -> str:
    """Rewrite each call of the SQL function `name` (any case), given its top-level arguments."""
    pattern = re.compile(rf"\b{name}\s*\(", re.IGNORECASE)
    out, position = [], 0
    while match := pattern.search(text, position):
        end, args = _arguments(text, match.end())
        out.append(text[position:match.start()])
        out.append(rewrite([_calls(a, name, rewrite) for a in args]))
        position = end
    out.append(text[position:])
    return "".join(out)


def _arguments(text: str, start: int) -> tuple[int, list[str]]:
    """From just after an opening parenthesis: the index after its closing one, and the
    arguments split at top-level commas."""
    depth, args, begin = 0, [], start
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == ")":
            args.append(text[begin:index].strip())
            return index + 1, args
        elif char == "," and not depth:
            args.append(text[begin:index].strip())
            begin = index + 1
    raise ValueError(f"unbalanced parentheses in SQL: {text!r}")


def _glob_regex(literal: str) -> str:
    """A GLOB pattern literal as an anchored POSIX regular expression literal."""
    pattern = literal[1:-1].replace("''", "'")
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "[":
            end = pattern.index("]", index + 2 if pattern[index + 1:index + 2] in ("^", "]") else index + 1)
            out.append(pattern[index:end + 1])
            index = end + 1
            continue
        out.append(".*" if char == "*" else "." if char == "?" else re.escape(char))
        index += 1
    return "'^" + "".join(out).replace("'", "''") + "$'"


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET)\b|\)|$", re.IGNORECASE)


def _order_nulls(text: str) -> str:
    """NULLS FIRST on ascending ORDER BY items and NULLS LAST on descending ones (SQLite's order)."""
    out, position = [], 0
    for match in _ORDER_BY.finditer(text):
        if match.start() < position:
            continue
        end = _clause_end(text, match.end())
        items = _split_top_level(text[match.end():end])
        out.append(text[position:match.end()])
        out.append(",".join(_with_nulls(item) for item in items))
        position = end
    out.append(text[position:])
    return "".join(out)


_DISTINCT = re.compile(r"^\s*SELECT\s+DISTINCT\s+", re.IGNORECASE)


def _distinct_order(text: str) -> str:
    """SELECT DISTINCT ... ORDER BY an expression not selected, as a GROUP BY with MIN/MAX."""
    head = _DISTINCT.match(text)
    orders = [m for m in _ORDER_BY.finditer(text) if _depth(text, m.start()) == 0]
    if not head or not orders or re.search(r"\bGROUP\s+BY\b", text, re.IGNORECASE):
        return text
    from_at = next((m.start() for m in re.finditer(r"\bFROM\b", text, re.IGNORECASE) if _depth(text, m.start()) == 0), None)
    if from_at is None:
        return text
    selected = [item.strip() for item in _split_top_level(text[head.end():from_at])]
    names = {s for item in selected for s in (item, item.split()[-1], item.split(".")[-1])}
    order = orders[-1]
    end = _clause_end(text, order.end())
    items = []
    for item in _split_top_level(text[order.end():end]):
        expression = re.sub(r"\s+(ASC|DESC)\s*$", "", item.strip(), flags=re.IGNORECASE)
        if expression in names or expression.split(".")[-1] in names:
            items.append(item)
        else:
            descending = re.search(r"\bDESC\s*$", item.strip(), re.IGNORECASE)
            items.append(f" {'MAX' if descending else 'MIN'}({expression})" + (" DESC" if descending else ""))
    group = " GROUP BY " + ", ".join(re.sub(r"\s+AS\s+\w+$", "", s, flags=re.IGNORECASE) for s in selected) + " "
    return "SELECT " + text[head.end():order.start()] + group + text[order.start():order.end()] + ",".join(items) + text[end:]


_GROUP_BY = re.compile(r"\bGROUP\s+BY\b", re.IGNORECASE)
_PLAIN_COLUMN = re.compile(r"^(\w+\.)?(\w+|\"\w+\")(\s+AS\s+\w+)?$", re.IGNORECASE)
_GROUP_END = re.compile(r"\s(HAVING|ORDER\s+BY|LIMIT|OFFSET)\b", re.IGNORECASE)


def _grouped_columns(text: str) -> str:
    """A top-level GROUP BY completed with the plain columns selected, and its keys appended
    to the ORDER BY as tie-breakers."""
    groups = [m for m in _GROUP_BY.finditer(text) if _depth(text, m.start()) == 0]
    select = re.match(r"^\s*SELECT\s+", text, re.IGNORECASE)
    if len(groups) != 1 or not select:
        return text
    from_at = next((m.start() for m in re.finditer(r"\bFROM\b", text, re.IGNORECASE) if _depth(text, m.start()) == 0), None)
    if from_at is None:
        return text
    group = groups[0]
    end = next((m.start() for m in _GROUP_END.finditer(text, group.end()) if _depth(text, m.start()) == 0), None)
    end = end if end is not None else _clause_end(text, group.end())
    keys = [k.strip() for k in _split_top_level(text[group.end():end])]
    plain = [re.sub(r"\s+AS\s+\w+$", "", item.strip(), flags=re.IGNORECASE) for item in _split_top_level(text[select.end():from_at])
             if _PLAIN_COLUMN.match(item.strip())]
    missing = [c for c in plain if c not in keys and c != "*" and not c.endswith(".*")]
    all_keys = keys + missing
    text = text[:group.end()] + " " + ", ".join(all_keys) + text[end:]
    orders = [m for m in _ORDER_BY.finditer(text) if _depth(text, m.start()) == 0]
    if orders:
        order_end = _clause_end(text, orders[-1].end())
        ordered = {re.sub(r"\s+(ASC|DESC)$", "", i.strip(), flags=re.IGNORECASE) for i in _split_top_level(text[orders[-1].end():order_end])}
        extra = [k for k in keys if k not in ordered]
        if extra:
            text = text[:order_end].rstrip() + ", " + ", ".join(extra) + " " + text[order_end:]
    return text


def _depth(text: str, at: int) -> int:
    return text[:at].count("(") - text[:at].count(")")


def _clause_end(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                return index
            depth -= 1
        elif not depth and re.match(r"\s(LIMIT|OFFSET)\b", text[index:], re.IGNORECASE):
            return index
    return len(text)


def _split_top_level(text: str) -> list[str]:
    items, depth, begin = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and not depth:
            items.append(text[begin:index])
            begin = index + 1
    items.append(text[begin:])
    return items


def _with_nulls(item: str) -> str:
    if re.search(r"\bNULLS\s+(FIRST|LAST)\s*$", item, re.IGNORECASE) or not item.strip():
        return item
    descending = re.search(r"\bDESC\s*$", item, re.IGNORECASE)
    trailing = item[len(item.rstrip()):]
    return item.rstrip() + (" NULLS LAST" if descending else " NULLS FIRST") + trailing


def _ddl_types(text: str) -> str:
    """Column types, written in capitals in the migrations (column names are in lower case:
    `text TEXT NOT NULL`)."""
    text = re.sub(r"\bWITHOUT\s+ROWID\b", "", text)
    text = re.sub(r"\bINTEGER\s+PRIMARY\s+KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
    text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', text)


def statements(script: str, *, primary_key: PrimaryKey) -> Iterator[str]:
    """A script's statements in PostgreSQL's dialect, SQLite-only ones left out."""
    for statement in split_statements(script):
        translated = to_postgresql(statement, primary_key=primary_key, with_params=False)
        if translated is not None:
            yield translated
