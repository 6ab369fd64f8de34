"""Event-coding tables the store needs: Goldstein scores, QuadClass, and GDELT 2.0's event-table columns."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_CODE = re.compile(r"^\d{2,4}$")


class TableError(ValueError):
    """A package data table with a malformed row."""


def _lines(name: str) -> list[tuple[int, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]


def parse_goldstein(name: str, lines: list[tuple[int, str]]) -> dict[str, float]:
    table: dict[str, float] = {}
    for n, line in lines:
        parts = line.split("\t")
        if len(parts) != 2 or not _CODE.match(parts[0]):
            raise TableError(f"store/{name}, line {n}: expected 'CAMEO code<TAB>score', got {line!r}")
        try:
            score = float(parts[1])
        except ValueError:
            raise TableError(f"store/{name}, line {n}: score {parts[1]!r} is not a number") from None
        if not -10.0 <= score <= 10.0:
            raise TableError(f"store/{name}, line {n}: Goldstein score {score} outside -10..10")
        if parts[0] in table:
            raise TableError(f"store/{name}, line {n}: code {parts[0]} appears twice")
        table[parts[0]] = score
    return table


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    return parse_goldstein("cameo_goldstein.tsv", _lines("cameo_goldstein.tsv"))


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 columns of a GDELT 2.0 event-table row, in GDELT's order."""
    cols = tuple(ln.strip() for _, ln in _lines("gdelt_event_columns.txt"))
    if len(cols) != 61 or len(set(cols)) != 61:
        raise TableError(f"store/gdelt_event_columns.txt: expected 61 distinct columns, found {len(set(cols))}")
    return cols


def goldstein(cameo: str | None) -> float | None:
    """Goldstein score of a CAMEO code; unscored codes take their base code's, then their root's."""
    if not cameo:
        return None
    table = goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return None


def quadclass(cameo: str | None) -> int | None:
    """GDELT's QuadClass: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return None


_KINDS = {"country", "region", "generic"}


def parse_prefixes(name: str, lines: list[tuple[int, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for n, line in lines:
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 3 or not parts[0].isalpha() or not parts[0].isupper():
            raise TableError(f"store/{name}, line {n}: expected 'ABC<TAB>kind', got {line!r}")
        if parts[1] not in _KINDS:
            raise TableError(f"store/{name}, line {n}: kind {parts[1]!r} is not one of {sorted(_KINDS)}")
        table[parts[0]] = parts[1]
    return table


@lru_cache(maxsize=1)
def actor_prefixes() -> dict[str, str]:
    return parse_prefixes("cameo_actor_prefixes.tsv", _lines("cameo_actor_prefixes.tsv"))


def split_actor(code: str | None) -> dict[str, str]:
    """GDELT's actor fields from a CAMEO actor code: RUSGOV -> country RUS, type GOV; IGOUNO -> type IGO, group UNO."""
    out = {"country": "", "group": "", "type1": "", "type2": "", "type3": ""}
    if not code:
        return out
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    kind = actor_prefixes().get(chunks[0])
    if kind in ("country", "region"):
        out["country"], rest = chunks[0], chunks[1:]
    elif kind == "generic":
        out["type1"], rest = chunks[0], chunks[1:]
        if rest:
            out["group"], rest = rest[0], rest[1:]
    else:
        rest = chunks
    for slot, chunk in zip([s for s in ("type1", "type2", "type3") if not out[s]], rest, strict=False):
        out[slot] = chunk
    return out
