"""The Dutch time words, loaded (and checked) from the lang/nl/time_*.tsv tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kroniek.quantities.tables import TableError, in_range, integer, load_table, number, one_of, word

DAYPARTS = ("MO", "AF", "EV", "NI")
MODS = ("START", "MID", "END")
VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
GRAMMAR_ROLES = ("clock_prep", "morning_before", "clause_opener", "limit_ahead", "every", "subject_start")


def _clock(cell: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", cell)
    if not m or int(m[1]) > 24 or int(m[2]) > 59:
        raise ValueError("must be HH:MM")
    return int(m[1]), int(m[2])


def _holiday(cell: str) -> tuple[str, int, int]:
    m = re.fullmatch(r"(\d{2})-(\d{2})", cell)
    if m and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31:
        return "fixed", int(m[1]), int(m[2])
    m = re.fullmatch(r"E([+-]\d{1,2})", cell)
    if m:
        return "easter", int(m[1]), 0
    raise ValueError("must be MM-DD or E+N (days after Easter)")


def _set_value(cell: str) -> str:
    if not re.fullmatch(r"P\d+[DWMY]", cell):
        raise ValueError("must be a TIMEX3 period such as P1D")
    return cell


def _decade(cell: str) -> str:
    if not re.fullmatch(r"\d{3}", cell):
        raise ValueError("must be three digits (199 for the 1990s)")
    return cell


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, tuple[int, str]]  # word -> (month, full|abbr)
    weekdays: dict[str, int]
    dayparts: dict[str, str]
    relative_days: dict[str, int]
    relative_words: dict[str, int]
    units: dict[str, tuple[str, float, str]]  # word -> (TIMEX unit, count, UCUM code)
    modifiers: dict[str, str]
    vague: dict[str, str]
    sets: dict[str, str]
    seasons: dict[str, tuple[str, int, int]]
    decades: dict[str, str]
    clock_words: dict[str, tuple[int, int]]
    tense: dict[str, str]
    holidays: dict[str, tuple[str, int, int]]  # name -> ("fixed", month, day) | ("easter", offset, 0)
    grammar: dict[str, frozenset[str]]  # role -> function words (see time_grammar_words.tsv)


def _grammar(rows: list[tuple]) -> dict[str, frozenset[str]]:
    return {role: frozenset(w.lower() for w, r in rows if r == role) for role in GRAMMAR_ROLES}


@lru_cache(maxsize=1)
def lexicon() -> TimeLexicon:
    def table(name: str, *checks) -> list[tuple]:
        return load_table(name, checks)

    low = str.lower
    lex = TimeLexicon(
        months={low(w): (m, f) for w, m, f in table("time_months.tsv", word, in_range(1, 12), one_of("full", "abbr"))},
        weekdays={low(w): d for w, d in table("time_weekdays.tsv", word, in_range(1, 7))},
        dayparts={low(w): p for w, p in table("time_dayparts.tsv", word, one_of(*DAYPARTS))},
        relative_days={low(w): d for w, d in table("time_relative_days.tsv", word, integer)},
        relative_words={low(w): d for w, d in table("time_relative_words.tsv", word, in_range(-1, 1))},
        units={low(w): (u, n, c) for w, u, n, c in table(
            "time_units.tsv", word, one_of("S", "MI", "H", "D", "W", "M", "Y"), number, word)},
        modifiers={low(w): m for w, m in table("time_modifiers.tsv", word, one_of(*MODS))},
        vague={low(w): v for w, v in table("time_vague.tsv", word, one_of(*VAGUE))},
        sets={low(w): v for w, v in table("time_sets.tsv", word, _set_value)},
        seasons={low(w): (c, a, b) for w, c, a, b in table(
            "time_seasons.tsv", word, one_of("SP", "SU", "FA", "WI"), in_range(1, 12), in_range(1, 12))},
        decades={low(w): v for w, v in table("time_decades.tsv", word, _decade)},
        clock_words={low(w): c for w, c in table("time_clock_words.tsv", word, _clock)},
        tense={low(w): t for w, t in table("time_tense.tsv", word, one_of("FUTURE", "FUTURE_WEAK", "PAST"))},
        holidays={low(w): h for w, h in table("time_holidays.tsv", word, _holiday)},
        grammar=_grammar(load_table("time_grammar_words.tsv", (word, one_of(*GRAMMAR_ROLES)), key_columns=2)),
    )
    if len(set(lex.weekdays.values())) != 7:
        raise TableError("lang/nl/time_weekdays.tsv: every weekday 1..7 must have a name")
    return lex


def alternation(words, *, escape: bool = True) -> str:
    """A regex alternation, longest first so that 'eergisteren' wins over 'gisteren'."""
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in ws)
