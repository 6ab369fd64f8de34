"""Lookup keys for names: case, diacritics, apostrophes and possessives do not matter."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Casefolded text without diacritics (Zelenskyj, ZELENSKYJ and Zelénskyj fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)  # the entity layer keys every candidate span of every sentence: names recur
def key(text: str) -> str:
    """The lookup key of a name: folded, single spaces, without a trailing possessive or full stop."""
    k = _SPACE.sub(" ", fold(text)).strip()
    k = _POSSESSIVE.sub("", k)
    return k.rstrip(".")


def possessive_len(text: str) -> int:
    """Length of a possessive ending ('s, ’s, ') on `text`, 0 when there is none."""
    t = text.translate(_APOS)
    if len(t) > 3 and t.endswith("'s"):
        return 2
    if len(t) > 2 and t.endswith("'") and t[-2] in "sxz":
        return 1
    return 0
