"""Finding Dutch time expressions in text.

Each rule is a regular expression built from the word tables plus a small function that checks the
match and says what it means (a dict with key "k" for the kind of expression). The resolver turns
that meaning into TIMEX3 values against the document date. Overlapping finds: the longest wins.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kroniek.quantities.numbers import approximators, parse_number
from kroniek.time.lexicon import alternation, lexicon

Sem = dict[str, Any]


@dataclass(slots=True)
class Found:
    start: int
    end: int
    sem: Sem
    rule: int = 0


B, E = r"(?<![\w'’])", r"(?![\w])"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PREV_WORD = re.compile(r"([\w'’]+)\W*$")


def _prev_word(text: str, i: int) -> str:
    m = _PREV_WORD.search(text, max(0, i - 40), i)
    return m.group(1).lower() if m else ""


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“„(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def _amount(s: str | None) -> float | None:
    """How many of a unit: digits, number words, or the vague 'enkele'/'een paar' (None)."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.lower())
    if s in ("een half", "een halve"):
        return 0.5
    if s in ("een", "één"):
        return 1.0
    return parse_number(s)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    if s.startswith(("'", "’")):
        n = int(s[1:])
        return 2000 + n if n < 50 else 1900 + n
    return int(s)


@dataclass(frozen=True)
class Rule:
    regex: re.Pattern[str]
    meaning: Callable[[re.Match[str], str], list[Found] | Sem | None]
    when: Clue  # a cheap test on the words of the text: most rules have nothing to look for in most sentences


_WORDS = re.compile(r"[^\W\d_]+")


class Clue:
    """A test on (lower-cased words, has a digit, lower-cased text) of a text, combinable with & and |."""

    def __init__(self, test: Callable[[frozenset[str], bool, str], bool]):
        self.test = test

    def __and__(self, other: Clue) -> Clue:
        return Clue(lambda w, d, t: self.test(w, d, t) and other.test(w, d, t))

    def __or__(self, other: Clue) -> Clue:
        return Clue(lambda w, d, t: self.test(w, d, t) or other.test(w, d, t))


def _first_words(phrases) -> frozenset[str]:
    return frozenset(m.group() for p in phrases if (m := _WORDS.search(p.lower())))


def words(phrases) -> Clue:
    wanted = _first_words(phrases)
    return Clue(lambda w, d, t: not wanted.isdisjoint(w))


def prefix(phrases) -> Clue:
    starts = re.compile(rf"(?<![^\W\d_])(?:{alternation(_first_words(phrases))})")
    return Clue(lambda w, d, t: starts.search(t) is not None)


def suffix(ends) -> Clue:
    found = re.compile(rf"(?:{alternation(ends)})(?![^\W\d_])")
    return Clue(lambda w, d, t: found.search(t) is not None)


digit = Clue(lambda w, d, t: d)
_DIGIT = re.compile(r"\d")


def _rules() -> list[Rule]:
    lex = lexicon()
    # "om vier uur" is a clock time, "van vier uur" or "na vier uur" may be a duration
    CLOCK_PREPS = lex.grammar["clock_prep"]
    EVERY = lex.grammar["every"]
    full_months = [w for w, (_, f) in lex.months.items() if f == "full"]
    MON = alternation(lex.months)
    MON_W = list(lex.months)
    WD = alternation(lex.weekdays)
    DP = alternation(lex.dayparts)
    RD = alternation(lex.relative_days)
    REL = alternation(lex.relative_words)
    UNIT = alternation(lex.units)
    MOD = alternation(lex.modifiers)
    SEASON = alternation(lex.seasons)
    DECW = alternation(lex.decades)
    APPROX = alternation(approximators())
    NUMX = r"\d+(?:,\d+)?|een\s+half|een\s+halve|een\s+paar|enkele|[a-zëé]+"
    PRE = rf"(?:al|nog|(?:de|het)\s+(?:afgelopen|voorbije|laatste|komende|eerste|volgende)|{APPROX})"
    rules: list[Rule] = []

    def rule(pattern: str, when: Clue):
        def add(fn):
            rules.append(Rule(re.compile(pattern, re.IGNORECASE), fn, when))
            return fn

        return add

    def month_of(s: str) -> int:
        return lex.months[s.lower()][0]

    def mod_of(s: str | None) -> str | None:
        return lex.modifiers[s.lower()] if s else None

    @rule(when=digit & words(MON_W), pattern=rf"{B}(?:(?P<wd>{WD}),?\s+)?(?P<d>\d{{1,2}})(?:e|ste|de)?\s+(?P<mon>{MON})(?:\s+(?P<y>\d{{4}})|\s+van\s+(?P<rel>{REL})\s+jaar)?{E}")
    def _day_month(m, text):
        d = int(m["d"])
        if not 1 <= d <= 31:
            return None
        wd = lex.weekdays[m["wd"].lower()] if m["wd"] else None
        rel = lex.relative_words[m["rel"].lower()] if m["rel"] else None
        return {"k": "date", "d": d, "m": month_of(m["mon"]), "y": _year(m["y"]), "wd": wd, "yrel": rel}

    @rule(when=digit, pattern=rf"{B}(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){E}")
    def _numeric(m, text):
        d, mo = int(m["d"]), int(m["m"])
        if not (1 <= d <= 31 and 1 <= mo <= 12) or (m["sep"] == "." and len(m["y"]) == 2):
            return None  # 11.11.11 is a name more often than a date
        y = int(m["y"]) if len(m["y"]) == 4 else _year("'" + m["y"])
        return {"k": "date", "d": d, "m": mo, "y": y}

    @rule(when=digit, pattern=rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}")
    def _iso(m, text):
        d, mo = int(m["d"]), int(m["m"])
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        return {"k": "date", "d": d, "m": mo, "y": int(m["y"])}

    @rule(when=digit, pattern=rf"{B}(?:op|vanaf|tot|sinds|per|t/m|van)\s+(?P<t>(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})){E}(?![/-]\d)")
    def _day_slash_month(m, text):
        d, mo = int(m["d"]), int(m["m"])
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        return {"k": "date", "d": d, "m": mo, "y": None}

    @rule(when=words(MON_W), pattern=rf"{B}(?:(?P<mod>{MOD})[\s-]*(?:van\s+)?)?(?P<mon>{MON})(?:\s+(?P<y>\d{{4}}|['’]\d{{2}}))?{E}")
    def _month(m, text):
        word = m["mon"]
        if m["y"] is None and m["mod"] is None:
            if word.lower() not in full_months:
                return None  # 'jan' alone is a name
            if word[0].isupper() and not _sentence_initial(text, m.start()):
                return None  # 'Augustus' mid-sentence is a name
        return {"k": "month", "m": month_of(word), "y": _year(m["y"]), "mod": mod_of(m["mod"])}

    @rule(when=digit, pattern=rf"{B}(?P<mod>{MOD})[\s-]*(?:van\s+)?(?:het\s+jaar\s+)?(?P<y>{YEAR}){E}")
    def _mod_year(m, text):
        return {"k": "year", "y": int(m["y"]), "mod": mod_of(m["mod"])}

    @rule(when=digit, pattern=rf"{B}(?:in|sinds|vanaf|tot|uit|rond|omstreeks|voor|na|van|per|t/m|jaar|tegen|begroting)\s+(?P<t>(?P<y>{YEAR})){E}(?![.,]\d)")
    def _year_prep(m, text):
        return {"k": "year", "y": int(m["y"])}

    @rule(when=digit, pattern=rf"{B}(?:tussen|van)\s+(?P<y1>{YEAR})\s+(?:en|tot(?:\s+en\s+met)?|t/m)\s+(?P<y2>{YEAR}){E}")
    def _year_range(m, text):
        return [Found(m.start("y1"), m.end("y1"), {"k": "year", "y": int(m["y1"])}),
                Found(m.start("y2"), m.end("y2"), {"k": "year", "y": int(m["y2"])})]

    @rule(when=words({"jaren"}), pattern=rf"{B}(?:(?P<mod>{MOD})\s+)?(?:de\s+)?jaren\s+(?:(?P<w>{DECW})|['’]?(?P<n>[1-9]0)|(?P<full>1[5-9]\d0|20\d0)){E}")
    def _decade(m, text):
        if m["w"]:
            value = lex.decades[m["w"].lower()]
        elif m["n"]:
            value = "19" + m["n"][0]
        else:
            value = m["full"][:3]
        return {"k": "decade", "v": value, "mod": mod_of(m["mod"])}

    @rule(when=words(lex.seasons), pattern=rf"{B}(?:(?P<mod>{MOD})\s+)?(?:(?P<rel>{REL})\s+|(?P<det>(?:in\s+)?(?:de|het))\s+)?(?P<s>{SEASON})"
          rf"(?:\s+(?:van\s+)?(?P<y>\d{{4}}))?{E}")
    def _season(m, text):
        if not (m["rel"] or m["det"] or m["y"] or m["mod"]):
            return None
        rel = lex.relative_words[m["rel"].lower()] if m["rel"] else None
        return {"k": "season", "s": m["s"].lower(), "y": _year(m["y"]), "rel": rel, "mod": mod_of(m["mod"])}

    @rule(when=prefix(lex.relative_days), pattern=rf"{B}(?P<rd>{RD})(?P<dp>{DP})?{E}")
    def _relday(m, text):
        word = m["rd"].lower()
        if word == "morgen" and not m["dp"] and _prev_word(text, m.start()) in lex.grammar["morning_before"]:
            return None
        dp = lex.dayparts[m["dp"].lower()] if m["dp"] else None
        return {"k": "relday", "n": lex.relative_days[word], "dp": dp}

    @rule(when=prefix(["van"]) | words({"deze"}), pattern=rf"{B}(?:van(?P<dp>{DP})|deze\s+(?P<dp2>{DP})){E}")
    def _this_daypart(m, text):
        return {"k": "relday", "n": 0, "dp": lex.dayparts[(m["dp"] or m["dp2"]).lower()]}

    @rule(when=prefix(lex.weekdays), pattern=rf"{B}(?:(?P<rel>{REL})\s+(?P<wk>week\s+)?)?(?P<wd>{WD})(?P<dp>{DP})?(?:\s+(?P<dp2>{DP}))?"
          rf"(?:\s+(?P<suf>jl\.|a\.s\.|jongstleden|aanstaande))?(?!\w)")
    def _weekday(m, text):
        rel = m["rel"] or m["suf"]
        dp = m["dp"] or m["dp2"]
        return {"k": "weekday", "wd": lex.weekdays[m["wd"].lower()],
                "rel": lex.relative_words[rel.lower()] if rel else None, "week": bool(m["wk"]),
                "dp": lex.dayparts[dp.lower()] if dp else None}

    @rule(when=words({"nacht"}), pattern=rf"{B}(?:in\s+)?de\s+nacht\s+van\s+(?P<wd>{WD})\s+op\s+(?P<wd2>{WD}){E}")
    def _night(m, text):
        return {"k": "weekday", "wd": lex.weekdays[m["wd"].lower()], "rel": None, "week": False, "dp": "NI"}

    @rule(when=words({"s"}), pattern=rf"(?<!\w)['’]s\s?(?:(?P<wd>{WD})|(?P<dp>{DP}))s{E}")
    def _s_form(m, text):
        if m["wd"]:
            return {"k": "set", "v": f"XXXX-WXX-{lex.weekdays[m['wd'].lower()]}"}
        return {"k": "daypart", "dp": lex.dayparts[m["dp"].lower()]}

    @rule(when=words(lex.dayparts), pattern=rf"{B}in\s+de\s+(?P<dp>{DP}){E}")
    def _in_daypart(m, text):
        return {"k": "daypart", "dp": lex.dayparts[m["dp"].lower()]}

    @rule(when=words(lex.relative_words), pattern=rf"{B}(?:(?P<mod>{MOD})\s+(?:van\s+)?)?(?:(?P<det>de|het)\s+)?(?P<rel>{REL})\s+"
          r"(?P<u>weekend|weken|week|maanden|maand|jaren|jaar|dagen|decennia|decennium|eeuw|eeuwen)"
          rf"(?:\s+(?P<n>\d+))?{E}")
    def _relunit(m, text):
        u = m["u"].lower()
        rel = lex.relative_words[m["rel"].lower()]
        if u in ("weken", "maanden", "jaren", "dagen", "decennia", "eeuwen"):
            unit, _, _ = lex.units[u]
            return {"k": "duration", "n": None, "u": unit, "f": lex.units[u][1], "approx": None}
        if m["det"] and u in ("week", "maand", "jaar", "decennium", "eeuw") and rel != 0:
            unit, f, _ = lex.units[u]
            return {"k": "duration", "n": 1.0, "u": unit, "f": f, "approx": None}
        if m["n"] or u in ("decennium", "eeuw"):
            return None
        return {"k": "relunit", "u": {"week": "W", "weekend": "WE", "maand": "M", "jaar": "Y"}[u], "rel": rel,
                "mod": mod_of(m["mod"])}

    @rule(when=words({"geleden"}), pattern=rf"{B}(?P<n>{NUMX})\s+(?P<u>{UNIT})\s+geleden{E}")
    def _ago(m, text):
        unit, f, _ = lex.units[m["u"].lower()]
        n = _amount(m["n"])
        if n is None and m["n"].lower() not in ("enkele", "een paar"):
            return None
        return {"k": "ago", "n": None if n is None else n * f, "u": unit, "dir": -1}

    @rule(when=words({"over"}), pattern=rf"{B}over\s+(?P<n>{NUMX})\s+(?P<u>{UNIT}){E}")
    def _in_future(m, text):
        unit, f, _ = lex.units[m["u"].lower()]
        n = _amount(m["n"])
        if n is None:
            return None
        return {"k": "ago", "n": n * f, "u": unit, "dir": 1}

    @rule(when=words(lex.units), pattern=rf"{B}(?P<pre>(?:{PRE})\s+(?:(?:{PRE})\s+)?)?(?P<n>{NUMX})\s+(?P<u>{UNIT})(?:\s+(?P<post>lang|durende|oud))?{E}")
    def _duration(m, text):
        unit, f, _ = lex.units[m["u"].lower()]
        n = _amount(m["n"])
        vague = m["n"].lower() in ("enkele", "een paar")
        if n is None and not vague:
            return None
        if unit == "H" and not m["pre"] and _prev_word(text, m.start()) in CLOCK_PREPS:
            return None  # om vier uur: a clock time
        if unit == "H" and re.fullmatch(r"\d+", m["n"]) and int(m["n"]) > 24 and not m["pre"]:
            return None
        approx = None
        if m["pre"]:
            words = re.sub(r"\s+", " ", m["pre"].strip().lower())
            approx = next((a for a in approximators() if words.endswith(a)), None)
        return {"k": "duration", "n": None if vague else n, "u": unit, "f": f, "approx": approx,
                "mod": approximators().get(approx or "")}

    @rule(when=suffix(["jarig", "jarige", "jarigen"]), pattern=rf"{B}(?:(?P<n>\d{{1,3}})-?|(?P<nw>[a-zëé]+?))jarige?n?{E}")
    def _aged(m, text):
        n = float(m["n"]) if m["n"] else _amount(m["nw"])
        if n is None or n <= 0:
            return None
        return {"k": "duration", "n": n, "u": "Y", "f": 1, "approx": None}

    @rule(when=suffix(["lang", "lange"]) | words({"jaren", "maanden", "weken", "decennia", "eeuwen"}), pattern=rf"{B}(?:(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen)lange?|(?:al|sinds|na|voor)\s+"
          rf"(?P<u2>jaren|maanden|weken|decennia|eeuwen)){E}")
    def _vague_duration(m, text):
        unit, f, _ = lex.units[(m["u"] or m["u2"]).lower()]
        return {"k": "duration", "n": None, "u": unit, "f": f, "approx": None}

    @rule(when=words({"eerder", "later"}), pattern=rf"{B}(?:eerder|later)\s+op\s+de\s+(?:dag|ochtend|middag|avond){E}")
    def _same_day(m, text):
        return {"k": "sameday"}

    @rule(when=words({"per"}), pattern=rf"{B}per\s+(?P<u>dag|week|maand|jaar){E}")
    def _per(m, text):
        return {"k": "set", "v": {"dag": "P1D", "week": "P1W", "maand": "P1M", "jaar": "P1Y"}[m["u"].lower()]}

    SDP = r"(?:\s+['’]s\s?(?P<sdp>ochtends|morgens|middags|avonds|nachts))?"
    CPREP = r"(?P<prep>om|tot|vanaf|rond|omstreeks|tegen|tussen|van|na|voor|sinds)\s+"

    def clock(m, h: float | None, mi: int, need_context: bool):
        if h is None or not 0 <= h <= 24 or not 0 <= mi < 60 or h != int(h):
            return None
        if need_context and not (m["prep"] or m["sdp"]):
            return None
        h = int(h)
        sdp = (m["sdp"] or "").lower()
        if sdp in ("middags", "avonds") and h < 12:
            h += 12
        if sdp == "nachts" and h == 12:
            h = 0
        return {"k": "clock", "h": h, "mi": mi}

    @rule(when=digit, pattern=rf"{B}(?<!\d[.:])(?:{CPREP})?(?P<t>(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})(?![.:]\d)"
          rf"(?:\s*(?P<uur>uur|u\.?)(?!\w))?{SDP}){E}")
    def _clock_digits(m, text):
        return clock(m, float(m["h"]), int(m["mi"]), need_context=not m["uur"])

    @rule(when=digit, pattern=rf"{B}(?:{CPREP})?(?P<t>(?P<h>\d{{1,2}})u(?P<mi>\d{{2}})?{SDP}){E}")
    def _clock_flemish(m, text):  # 8u30, 20u
        return clock(m, float(m["h"]), int(m["mi"] or 0), need_context=not m["mi"])

    @rule(when=words({"uur"}), pattern=rf"{B}(?:{CPREP})?(?P<t>(?P<h>\d{{1,2}}|[a-z]+)\s+uur{SDP}){E}")
    def _clock_hour(m, text):
        if m["prep"] and m["prep"].lower() not in CLOCK_PREPS:
            return None
        return clock(m, _amount(m["h"]), 0, need_context=True)

    @rule(when=words({"half"}), pattern=rf"{B}(?:{CPREP})?(?P<t>half\s+(?P<h>\d{{1,2}}|[a-z]+)(?:\s+uur)?{SDP}){E}")
    def _clock_half(m, text):
        h = _amount(m["h"])
        if h is None or not 1 <= h <= 12:
            return None
        return clock(m, h - 1, 30, need_context=True)

    @rule(when=words({"over", "voor"}), pattern=rf"{B}(?:{CPREP})?(?P<t>(?P<q>kwart|\d{{1,2}}|[a-z]+)\s+(?:minuten\s+)?(?P<dir>over|voor)\s+(?P<half>half\s+)?"
          rf"(?P<h>\d{{1,2}}|[a-z]+)(?:\s+uur)?{SDP}){E}")
    def _clock_past(m, text):
        q = 15.0 if m["q"].lower() == "kwart" else _amount(m["q"])
        h = _amount(m["h"])
        if q is None or h is None or not 1 <= h <= 12 or not 0 < q < 30:
            return None
        mins = int(h) * 60 - (30 if m["half"] else 0) + (int(q) if m["dir"].lower() == "over" else -int(q))
        if not (m["prep"] or m["sdp"] or m["half"] or m["q"].lower() == "kwart"):
            return None
        return clock(m, float(mins // 60 % 24), mins % 60, need_context=False)

    @rule(when=words(lex.clock_words), pattern=rf"{B}(?:rond\s+|om\s+)?(?:het\s+)?(?P<w>{alternation(lex.clock_words)}){E}")
    def _clock_word(m, text):
        h, mi = lex.clock_words[m["w"].lower()]
        return {"k": "clock", "h": h, "mi": mi}

    @rule(when=words(lex.holidays), pattern=rf"{B}(?P<h>{alternation(lex.holidays)})(?:\s+(?P<y>{YEAR}))?{E}")
    def _holiday(m, text):
        return {"k": "holiday", "h": m["h"].lower(), "y": _year(m["y"])}

    @rule(when=words({"nacht", "uren"}), pattern=rf"{B}(?:(?P<det>de|het)\s+)?(?P<rel>{REL})\s+(?P<u>nacht|uren){E}")
    def _rel_night(m, text):
        if m["u"].lower() == "uren":
            return {"k": "duration", "n": None, "u": "H", "f": 1, "approx": None}
        return {"k": "relday", "n": min(0, lex.relative_words[m["rel"].lower()]), "dp": "NI"}

    SUBJECT = alternation(lex.grammar["subject_start"])

    @rule(when=words({"nu"}), pattern=rf"{B}nu{E}(?!\s+(?:{SUBJECT}|\d+|(?-i:[A-Z])\w*)(?!\w))")
    def _now(m, text):
        # "nu de regering ..." (now that) opens a clause; "geeft zich nu over" is the time
        return {"k": "vague", "v": "PRESENT_REF"}

    @rule(when=words(lex.vague), pattern=rf"{B}(?:{alternation(lex.vague)}){E}")
    def _vague(m, text):
        return {"k": "vague", "v": lex.vague[re.sub(r"\s+", " ", m.group().lower())]}

    @rule(when=words(lex.sets), pattern=rf"{B}(?:{alternation(lex.sets)}){E}")
    def _set_word(m, text):
        return {"k": "set", "v": lex.sets[m.group().lower()]}

    @rule(when=words(EVERY), pattern=rf"{B}(?:{alternation(EVERY)})\s+(?:(?P<u>dag|week|maand|jaar|weekend)|(?P<wd>{WD})|(?P<dp>{DP})){E}")
    def _every(m, text):
        if m["wd"]:
            return {"k": "set", "v": f"XXXX-WXX-{lex.weekdays[m['wd'].lower()]}"}
        if m["dp"]:
            return {"k": "set", "v": f"XXXX-XX-XXT{lex.dayparts[m['dp'].lower()]}"}
        u = m["u"].lower()
        return {"k": "set", "v": {"dag": "P1D", "week": "P1W", "maand": "P1M", "jaar": "P1Y", "weekend": "XXXX-WXX-WE"}[u]}

    @rule(when=words({"keer"}), pattern=rf"{B}(?P<n>{NUMX})\s+keer\s+per\s+(?P<u>dag|week|maand|jaar){E}")
    def _times_per(m, text):
        if _amount(m["n"]) is None:
            return None
        return {"k": "set", "v": {"dag": "P1D", "week": "P1W", "maand": "P1M", "jaar": "P1Y"}[m["u"].lower()]}

    return rules


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    return _rules()


def find_times(text: str) -> list[Found]:
    """Time expressions in text order, without overlaps (the longest find wins)."""
    cands: list[Found] = []
    lower = text.lower()
    present = frozenset(_WORDS.findall(lower))
    has_digit = _DIGIT.search(text) is not None
    for k, r in enumerate(rules()):
        if not r.when.test(present, has_digit, lower):
            continue
        for m in r.regex.finditer(text):
            sem = r.meaning(m, text)
            if sem is None:
                continue
            if isinstance(sem, list):
                for f in sem:
                    f.rule = k
                cands.extend(sem)
                continue
            span = "t" if "t" in r.regex.groupindex and m.start("t") >= 0 else 0
            cands.append(Found(m.start(span), m.end(span), sem, k))
    cands.sort(key=lambda f: (-(f.end - f.start), f.rule, f.start))
    # the finds kept so far, sorted by start and never overlapping: a new one can only clash with its neighbours
    starts: list[int] = []
    taken: list[Found] = []
    for f in cands:
        k = bisect_right(starts, f.start)
        if k > 0 and taken[k - 1].end > f.start:
            continue
        if k < len(taken) and taken[k].start < f.end:
            continue
        starts.insert(k, f.start)
        taken.insert(k, f)
    return taken
