"""The knowledge base: countries, international organisations, seats of power, political actors
with dated roles, and cities, shipped as tab-separated tables in kroniek/kb/data.

Tables (built by `python -m kroniek.kb.build`, committed, validated on load):
  entries.tsv  id, type (PER/ORG/LOC/MISC), kind, name, country, actor, lat, lon, roles
               roles: `CODE:from:to` joined by `;` (ISO dates, empty = open; from `default` =
               the code when no dated role holds, e.g. RUSELI for a former official)
  aliases.tsv  key (kroniek.kb.normalize.key of a name), candidates: `id=form` joined by `|`,
               best first (form: name/adjective/demonym)

    >>> kb = load()
    >>> kb.lookup("Poetin")[0][0].name
    'Vladimir Poetin'
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from kroniek.kb.normalize import key

TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
KINDS = frozenset({"country", "igo", "group", "party", "seat", "leader", "person", "capital", "city", "region"})
FORMS = frozenset({"name", "adjective", "demonym"})
_ROLE = r"[A-Z]{3,}:(?:default|\d{4}-\d\d-\d\d)?:(?:\d{4}-\d\d-\d\d)?"
_ROLES = re.compile(rf"(?:{_ROLE}(?:;{_ROLE})*)?")
_COORD = re.compile(r"(?:-?\d+(?:\.\d+)?)?")
# whole-file patterns: one C-speed match validates a table; only a failing table is read line by line
_C = r"(?:-?\d+(?:\.\d+)?)?"
_ENTRY = (rf"[^\t\n#][^\t\n]*\t(?:PER|ORG|LOC|MISC)\t(?:{'|'.join(sorted(KINDS))})\t[^\t\n]+\t[A-Z]*\t[A-Z]*"
          rf"\t{_C}\t{_C}\t(?:{_ROLE}(?:;{_ROLE})*)?")
_CAND = r"[^\t\n|=]+=(?:name|adjective|demonym)"
_ALIAS = rf"[^\t\n#][^\t\n]*\t{_CAND}(?:\|{_CAND})*"
_CAND_IDS = re.compile(r"[\t|]([^\t\n|=]+)=")  # anchored at a separator: a scan, not a search from every character
_ENTRIES_FILE = re.compile(rf"(?:(?:#[^\n]*|{_ENTRY})?\n)*(?:#[^\n]*|{_ENTRY})?")
_ALIASES_FILE = re.compile(rf"(?:(?:#[^\n]*|{_ALIAS})?\n)*(?:#[^\n]*|{_ALIAS})?")


class KBError(ValueError):
    """A knowledge-base table with a bad row."""


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str
    kind: str
    name: str
    country: str | None
    actor: str | None
    lat: float | None = None
    lon: float | None = None
    roles: str = ""  # validated on load, split when first needed

    def actor_at(self, day: str | None) -> str | None:
        """CAMEO actor code valid on `day` (ISO date; None = now, i.e. an open-ended role)."""
        if not self.roles:
            return self.actor
        default = None
        for role in self.roles.split(";"):
            code, a, b = role.split(":")
            if a == "default":
                default = code
            elif day is None:
                if not b:
                    return code
            elif (not a or a <= day) and (not b or day < b):
                return code
        return default or self.actor


class _Entries(Mapping[str, KBEntry]):
    """Entries by id, each parsed from its (validated) row the first time it is asked for."""

    def __init__(self, rows: dict[str, str]):
        self._rows = rows
        self._parsed: dict[str, KBEntry] = {}

    def __getitem__(self, eid: str) -> KBEntry:
        e = self._parsed.get(eid)
        if e is None:
            _, typ, kind, name, country, actor, lat, lon, roles = self._rows[eid].split("\t")
            e = KBEntry(eid, typ, kind, name, country or None, actor or None,
                        float(lat) if lat else None, float(lon) if lon else None, roles)
            self._parsed[eid] = e
        return e

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class KB:
    def __init__(self, entries: Mapping[str, KBEntry], aliases: dict[str, str]):
        self.entries = entries
        self.aliases = aliases  # key -> "id=form|id=form", split when looked up

    @cached_property
    def first_words(self) -> dict[str, int]:
        """First word of a name -> the most words a name starting with it has (most words start none)."""
        out: dict[str, int] = {}
        for k in self.aliases:
            first, _, rest = k.partition(" ")
            n = rest.count(" ") + 2 if rest else 1
            if n > out.get(first, 0):
                out[first] = n
        return out

    @property
    def max_words(self) -> int:
        return max(self.first_words.values(), default=1)

    def candidates(self, k: str) -> list[tuple[str, str]]:
        """(entry id, form) pairs for a lookup key, best first."""
        raw = self.aliases.get(k)
        return [tuple(c.split("=")) for c in raw.split("|")] if raw else []  # type: ignore[misc]

    def lookup(self, text: str) -> list[tuple[KBEntry, str]]:
        """Entries a name may refer to, best first, with the form it takes (name/adjective/demonym)."""
        return self.lookup_key(key(text))

    def lookup_key(self, k: str) -> list[tuple[KBEntry, str]]:
        return [(self.entries[i], form) for i, form in self.candidates(k)]


def _text(folder: Path | None, name: str) -> str:
    if folder is not None:
        return (folder / name).read_text(encoding="utf-8")
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _bad(name: str, n: int, why: str, line: str) -> KBError:
    return KBError(f"kb/data/{name}: line {n}: {why}: {line!r}")


def _entry_error(lines: list[str]) -> KBError:
    """The first bad row of entries.tsv, found line by line (only when the fast check failed)."""
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line or line[0] == "#":
            continue
        row = line.split("\t")
        if len(row) != 9:
            return _bad("entries.tsv", n, f"{len(row)} columns, expected 9", line)
        eid, typ, kind, name, country, actor, lat, lon, roles = row
        if typ not in TYPES or kind not in KINDS or not eid or not name:
            return _bad("entries.tsv", n, "bad id, type, kind or name", line)
        if eid in seen:
            return _bad("entries.tsv", n, f"duplicate id {eid}", line)
        seen.add(eid)
        if not _ROLES.fullmatch(roles) or not _COORD.fullmatch(lat) or not _COORD.fullmatch(lon):
            return _bad("entries.tsv", n, "bad roles or coordinates", line)
        if not re.fullmatch(r"[A-Z]*", country) or not re.fullmatch(r"[A-Z]*", actor):
            return _bad("entries.tsv", n, "bad country or actor code", line)
    return KBError("kb/data/entries.tsv: malformed")


def _alias_error(lines: list[str], ids: Mapping[str, object]) -> KBError:
    for n, line in enumerate(lines, 1):
        if not line or line[0] == "#":
            continue
        row = line.split("\t")
        if len(row) != 2 or not row[0] or not re.fullmatch(_ALIAS, line):
            return _bad("aliases.tsv", n, "expected key, then id=form candidates joined by |", line)
        unknown = [i for i in _CAND_IDS.findall("\t" + row[1]) if i not in ids]
        if unknown:
            return _bad("aliases.tsv", n, f"unknown entry {unknown[0]}", line)
    return KBError("kb/data/aliases.tsv: malformed")


def load_from(folder: Path | None = None) -> KB:
    """Read and validate the tables (from `folder`, default the shipped ones)."""
    text = _text(folder, "entries.tsv")
    lines = text.split("\n")
    if not _ENTRIES_FILE.fullmatch(text):
        raise _entry_error(lines)
    rows = {line[: line.index("\t")]: line for line in lines if line and line[0] != "#"}
    if len(rows) != sum(1 for line in lines if line and line[0] != "#"):
        raise _entry_error(lines)  # a duplicate id
    text = _text(folder, "aliases.tsv")
    lines = text.split("\n")
    if not _ALIASES_FILE.fullmatch(text):
        raise _alias_error(lines, rows)
    body = [line for line in lines if line and line[0] != "#"]
    aliases = dict(line.split("\t", 1) for line in body)
    if not set(_CAND_IDS.findall("\n".join(body))) <= rows.keys():
        raise _alias_error(lines, rows)
    return KB(_Entries(rows), aliases)


@lru_cache(maxsize=1)
def load() -> KB:
    """The shipped knowledge base, read once per process."""
    return load_from(None)
