"""The knowledge base: countries, international organisations, seats of power, political actors
with dated roles, and cities, shipped as tab-separated tables in kroniek/kb/data.

Tables (built by `python -m kroniek.kb.build`, committed, validated on load):
  entries.tsv  id, type (PER/ORG/LOC/MISC), kind, name, country, actor, lat, lon, roles
               roles: `CODE:from:to` joined by `;` (ISO dates, empty = open; from `default` =
               the code when no dated role holds, e.g. RUSELI for a former official)
  aliases.tsv  key (kroniek.kb.normalize.key of a name), id, form (name/adjective/demonym),
               the candidates of one key in order of preference

    >>> kb = load()
    >>> kb.lookup("Poetin")[0][0].name
    'Vladimir Poetin'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kroniek.kb.normalize import key

TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
KINDS = frozenset({"country", "igo", "seat", "leader", "person", "capital", "city"})
FORMS = frozenset({"name", "adjective", "demonym"})
_ROLE = r"[A-Z]{3,}:(?:default|\d{4}-\d\d-\d\d)?:(?:\d{4}-\d\d-\d\d)?"
_ROLES = re.compile(rf"(?:{_ROLE}(?:;{_ROLE})*)?")
_COORD = re.compile(r"(?:-?\d+(?:\.\d+)?)?")


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


class KB:
    def __init__(self, entries: dict[str, KBEntry], aliases: dict[str, list[tuple[str, str]]]):
        self.entries = entries
        self.aliases = aliases
        self.max_words = max((k.count(" ") + 1 for k in aliases), default=1)

    def lookup(self, text: str) -> list[tuple[KBEntry, str]]:
        """Entries a name may refer to, best first, with the form it takes (name/adjective/demonym)."""
        return self.lookup_key(key(text))

    def lookup_key(self, k: str) -> list[tuple[KBEntry, str]]:
        return [(self.entries[i], form) for i, form in self.aliases.get(k, ())]


def _lines(folder: Path | None, name: str) -> list[str]:
    if folder is not None:
        return (folder / name).read_text(encoding="utf-8").split("\n")
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8").split("\n")


def _bad(name: str, n: int, why: str, line: str) -> KBError:
    return KBError(f"kb/data/{name}: line {n}: {why}: {line!r}")


def load_from(folder: Path | None = None) -> KB:
    """Read and validate the tables (from `folder`, default the shipped ones)."""
    entries: dict[str, KBEntry] = {}
    for n, line in enumerate(_lines(folder, "entries.tsv"), 1):
        if not line or line[0] == "#":
            continue
        row = line.split("\t")
        if len(row) != 9:
            raise _bad("entries.tsv", n, f"{len(row)} columns, expected 9", line)
        eid, typ, kind, name, country, actor, lat, lon, roles = row
        if typ not in TYPES or kind not in KINDS or not eid or not name:
            raise _bad("entries.tsv", n, "bad id, type, kind or name", line)
        if eid in entries:
            raise _bad("entries.tsv", n, f"duplicate id {eid}", line)
        if not _ROLES.fullmatch(roles) or not _COORD.fullmatch(lat) or not _COORD.fullmatch(lon):
            raise _bad("entries.tsv", n, "bad roles or coordinates", line)
        entries[eid] = KBEntry(eid, typ, kind, name, country or None, actor or None,
                               float(lat) if lat else None, float(lon) if lon else None, roles)
    aliases: dict[str, list[tuple[str, str]]] = {}
    for n, line in enumerate(_lines(folder, "aliases.tsv"), 1):
        if not line or line[0] == "#":
            continue
        row = line.split("\t")
        if len(row) != 3 or row[1] not in entries or row[2] not in FORMS or not row[0]:
            raise _bad("aliases.tsv", n, "expected key, known entry id, form", line)
        got = aliases.get(row[0])
        if got is None:
            aliases[row[0]] = [(row[1], row[2])]
        else:
            got.append((row[1], row[2]))
    return KB(entries, aliases)


@lru_cache(maxsize=1)
def load() -> KB:
    """The shipped knowledge base, read once per process."""
    return load_from(None)
