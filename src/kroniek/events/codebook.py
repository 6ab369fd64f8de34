"""CAMEO event codes with their Goldstein score, QuadClass and PLOVER type (data/codebook.tsv).

The table is derived from the CAMEO manual, GDELT's Goldstein scale and PLOVER's 2021 CAMEO2PLOVER
conversion by training/events/build_codebook.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kroniek.events.tables import TableError, parse_rows

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
_CODE = re.compile(r"^\d{2,4}$")
NEWS_TYPE = re.compile(r"^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$")  # EventDNA/ACE Type.Subtype


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    goldstein: float | None
    quadclass: int
    plover: str | None
    plover_mode: str | None


def parse_codebook(text: str, where: str) -> dict[str, Code]:
    out: dict[str, Code] = {}
    for n, (code, name, goldstein, quad, plover, mode) in parse_rows(text, where, 6):
        if not _CODE.match(code):
            raise TableError(where, n, f"bad CAMEO code {code!r}")
        if code in out:
            raise TableError(where, n, f"CAMEO code {code} listed twice")
        if plover and plover not in PLOVER_TYPES:
            raise TableError(where, n, f"unknown PLOVER type {plover!r}")
        try:
            g = float(goldstein) if goldstein else None
            q = int(quad)
        except ValueError:
            raise TableError(where, n, f"Goldstein {goldstein!r} / QuadClass {quad!r} are not numbers") from None
        if q not in (1, 2, 3, 4):
            raise TableError(where, n, f"QuadClass {q} is not 1-4")
        out[code] = Code(code, name, g, q, plover or None, mode or None)
    return out


@lru_cache(maxsize=1)
def codebook() -> dict[str, Code]:
    from importlib import resources

    text = resources.files("kroniek.events").joinpath("data/codebook.tsv").read_text(encoding="utf-8")
    return parse_codebook(text, "events/data/codebook.tsv")


def lookup(code: str) -> Code:
    """The entry for a CAMEO code; a code without a Goldstein score borrows its parent's."""
    book = codebook()
    entry = book[code]
    if entry.goldstein is None:
        for k in range(len(code) - 1, 1, -1):
            parent = book.get(code[:k])
            if parent and parent.goldstein is not None:
                return Code(entry.code, entry.name, parent.goldstein, entry.quadclass, entry.plover, entry.plover_mode)
    return entry


def parse_news_types(text: str, where: str) -> dict[str, str]:
    """CAMEO code prefix -> news type rows; every prefix must be a CAMEO code of the codebook."""
    out: dict[str, str] = {}
    book = codebook()
    for n, (prefix, news) in parse_rows(text, where, 2):
        if prefix not in book:
            raise TableError(where, n, f"{prefix!r} is no CAMEO code")
        if not NEWS_TYPE.match(news):
            raise TableError(where, n, f"bad news type {news!r}: expected Type.Subtype")
        if prefix in out:
            raise TableError(where, n, f"CAMEO prefix {prefix} listed twice")
        out[prefix] = news
    return out


@lru_cache(maxsize=1)
def _news_types() -> dict[str, str]:
    from importlib import resources

    name = "data/cameo_news_types.tsv"
    return parse_news_types(resources.files("kroniek.events").joinpath(name).read_text(encoding="utf-8"),
                            f"events/{name}")


def news_type_of(code: str) -> str | None:
    """The news type of a CAMEO code by its longest listed prefix (events/data/cameo_news_types.tsv)."""
    table = _news_types()
    return next((table[code[:k]] for k in range(len(code), 1, -1) if code[:k] in table), None)
