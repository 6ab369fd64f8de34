"""Dutch numbers: digits with decimal comma and thousand dots, and spelled-out words.

Only a span already found is turned into a value; no whole-text rewriting, so "1,5 miljard"
stays one number with a magnitude.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kroniek.quantities.tables import load_table, number, one_of, word

ROLES = ("unit", "teen", "ten", "hundred", "thousand", "fraction")

# 12.500 / 1.500.000,5 (thousand dots), 1,5 (decimal comma), 2.5 (English decimal point), 300
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+"
_DIGITS_RE = re.compile(DIGITS)


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    return {w: (v, r) for w, v, r in load_table("numbers.tsv", (word, number, one_of(*ROLES)))}


@lru_cache(maxsize=1)
def magnitudes() -> dict[str, float]:
    return {w.lower(): f for w, f in load_table("number_magnitudes.tsv", (word, number))}


@lru_cache(maxsize=1)
def vague_amounts() -> dict[str, float]:
    return {w.lower(): v for w, v in load_table("number_vague.tsv", (word, number))}


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    """Words after a number that are not what it counts (articles, prepositions, auxiliaries)."""
    return frozenset(w.lower() for (w,) in load_table("number_not_counted.tsv", (word,)))


@lru_cache(maxsize=1)
def approximators() -> dict[str, str]:
    mods = ("MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "APPROX")
    return {w.lower(): m for w, m in load_table("number_approx.tsv", (word, one_of(*mods)))}


def parse_digits(s: str) -> float | None:
    """The value of a digit string written the Dutch way."""
    if not _DIGITS_RE.fullmatch(s):
        return None
    if "," in s:
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    return float(s)


@lru_cache(maxsize=1)
def _atom_re() -> re.Pattern[str]:
    atoms = sorted(number_words(), key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in atoms))


@lru_cache(maxsize=4096)
def parse_number_word(w: str) -> float | None:
    """The value of a spelled-out number (vierentwintig, tweehonderdduizend, tweeënhalf), else None."""
    s = w.lower()
    if not s or not s.isalpha():
        return None
    words = number_words()
    if s in words:
        return words[s][0]
    half = 0.0
    for tail in ("ënhalf", "enhalf", "ënhalve", "enhalve"):
        if s.endswith(tail) and len(s) > len(tail):
            s, half = s[: -len(tail)], 0.5
            break
    atoms: list[tuple[float, str]] = []
    pos = 0
    pattern = _atom_re()
    while pos < len(s):
        if atoms and s.startswith(("en", "ën"), pos) and atoms[-1][1] == "unit":
            m = pattern.match(s, pos + 2)
            if m and words[m.group()][1] == "ten":  # vier-en-twintig: "en" only joins a unit to a ten
                unit = atoms.pop()[0]
                atoms.append((unit + words[m.group()][0], "teen"))  # a whole 1..99 block
                pos = m.end()
                continue
        m = pattern.match(s, pos)
        if not m:
            return None
        atoms.append(words[m.group()])
        pos = m.end()
    value = _compose(atoms)
    return None if value is None else value + half


def _compose(atoms: list[tuple[float, str]]) -> float | None:
    total = current = 0.0
    last = ""
    for v, role in atoms:
        if role == "fraction":
            return None  # anderhalf only stands alone
        if role in ("unit", "teen", "ten"):
            if last in ("unit", "teen") or (last == "ten" and role != "unit"):
                return None  # "tweedrie" is not a number
            current += v
        elif role == "hundred":
            current = (current or 1) * v
        else:  # thousand
            total += (current or 1) * v
            current = 0.0
        last = role if role in ("unit", "teen", "ten") else ""
    return total + current


def parse_number(s: str) -> float | None:
    """Digits or words."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        return parse_digits(s)
    return parse_number_word(s)
