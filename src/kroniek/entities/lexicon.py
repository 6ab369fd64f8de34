"""Dutch word lists the entity layer needs: role words and pronouns (data in kroniek/lang/nl)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kroniek.lang.nl import table_rows

_ROLES = frozenset({"-", "GOV", "MIL", "COP", "OPP", "CVL", "JUD", "LEG", "SPY", "REB", "INS", "SEP", "BUS", "MED", "PTY",
                    "REF", "EDU", "LAB", "ELI", "HLH", "HRI", "ENV", "DEV", "AGR", "CRM", "UAF"})


_FORMER = frozenset({"oud", "ex"})


@dataclass(frozen=True, slots=True)
class RoleWord:
    word: str
    role: str  # CAMEO role code: GOV, MIL, ...; "" for the country itself (its people)
    person: bool  # one person (can refer back to a named one) rather than a group


@dataclass(frozen=True, slots=True)
class Pronoun:
    word: str
    number: str  # sg | pl | any
    gender: str  # m | f | n | any
    case: str  # subj | obj | poss


def _check(name: str, n: int, ok: bool, row: list[str]) -> None:
    if not ok:
        raise ValueError(f"lang/nl/{name}: row {n} is not valid: {row!r}")


@lru_cache(maxsize=1)
def role_words() -> dict[str, RoleWord]:
    out = {}
    for n, row in enumerate(table_rows("role_words.tsv", 3), 1):
        word, role, kind = row
        _check("role_words.tsv", n, role in _ROLES and kind in ("person", "group") and word == word.lower(), row)
        out[word] = RoleWord(word, "" if role == "-" else role, kind == "person")
    return out


@lru_cache(maxsize=1)
def pronouns() -> dict[str, Pronoun]:
    out = {}
    for n, row in enumerate(table_rows("pronouns.tsv", 4), 1):
        word, number, gender, case = row
        _check("pronouns.tsv", n, number in ("sg", "pl", "any") and gender in ("m", "f", "n", "any")
               and case in ("subj", "obj", "poss"), row)
        out[word] = Pronoun(word, number, gender, case)
    return out


_WORD_CLASSES = frozenset({"article", "particle", "locative", "determiner", "several", "adjective-ending",
                           "place-link", "portfolio-link"})


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Function words by class (article, particle, locative, determiner, several, adjective-ending, place-link)."""
    out: dict[str, set[str]] = {c: set() for c in _WORD_CLASSES}
    for n, row in enumerate(table_rows("role_function_words.tsv", 2), 1):
        word, cls = row
        _check("role_function_words.tsv", n, cls in _WORD_CLASSES and word == word.lower() and bool(word), row)
        out[cls].add(word)
    return {c: frozenset(ws) for c, ws in out.items()}


def words(cls: str) -> frozenset[str]:
    return function_words()[cls]


@lru_cache(maxsize=1)
def seats() -> dict[str, str]:
    """Place name -> code of the institution it stands for as a party (lang/nl/actor_seats.tsv)."""
    out: dict[str, str] = {}
    for n, (place, code) in enumerate(table_rows("actor_seats.tsv", 2), 1):
        _check("actor_seats.tsv", n, bool(place) and place not in out and len(code) >= 3 and code.isupper(),
               [place, code])
        out[place] = code
    return out


# "vakbondsleiders" and "rebellenleiders" lead no government: "leiders" heads no compound role
_NOT_COMPOUND_HEADS = frozenset({"leiders"})


@lru_cache(maxsize=1)
def _compound_heads() -> dict[str, RoleWord]:
    """Group role words long enough to name a role as the head of a closed compound."""
    return {w: r for w, r in role_words().items()
            if not r.person and len(w) >= 7 and w.isalpha() and w not in _NOT_COMPOUND_HEADS}


@lru_cache(maxsize=1 << 16)
def _compound_role(low: str) -> RoleWord | None:
    """The role a closed compound names in its head: "mensenrechtenactivisten" are activists."""
    heads = _compound_heads()
    return next((heads[low[i:]] for i in range(3, len(low) - 6) if low[i:] in heads), None)


def role_of(word: str, lemma: str = "") -> RoleWord | None:
    """The role word a token is, by its form or its lemma."""
    table = role_words()
    low = word.lower()
    found = table.get(low) or (table.get(lemma.lower()) if lemma else None)
    if found is None and "-" in low.strip("-"):
        # a compound names the role in its head ("PVV-leider", "oud-minister") or, before a name, in its
        # first part ("kabinet-Rutte", "regering-Rajoy")
        first, _, head = low.rpartition("-")
        found = table.get(head) or (table.get(first.split("-")[0]) if word.rpartition("-")[2][:1].isupper() else None)
        if found is not None and first in _FORMER:
            # CAMEO codes a former official as an elite (RUSELI), no longer as the office
            found = RoleWord(low, "ELI", found.person)
    if found is None and low.isalpha() and len(low) >= 10:
        found = _compound_role(low)
    return found
