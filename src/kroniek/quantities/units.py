"""Currencies (ISO 4217) and measurement units, from lang/nl/currencies.tsv and units.tsv."""
from __future__ import annotations

from functools import lru_cache

from kroniek.quantities.tables import iso_code, load_table, one_of, word

KINDS = ("percent", "percent_point", "length", "mass", "volume", "area", "temperature", "speed", "power", "energy")


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Currency word or symbol (lower case) -> ISO 4217 code."""
    return {w.lower(): code for w, code in load_table("currencies.tsv", (word, iso_code))}


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, str]]:
    """Unit word (lower case) -> (unit symbol, kind)."""
    return {w.lower(): (u, k) for w, u, k in load_table("units.tsv", (word, word, one_of(*KINDS)))}
