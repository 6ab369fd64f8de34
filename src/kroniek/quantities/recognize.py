"""Finding quantities in Dutch text: amounts of money, percentages, measurements, ages and counts.

A quantity is a number (digits or words, with an optional magnitude such as miljard), optionally
preceded by a qualifier (ruim, zeker, bijna: kept verbatim in `approx`) and a currency symbol, and
followed by a currency, a unit or the counted noun. Numbers inside dates and clock times are
removed later by the time layer, which knows those spans.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kroniek.doc import Quantity, Token
from kroniek.quantities.numbers import (
    DIGITS,
    approximators,
    magnitudes,
    not_counted,
    number_words,
    parse_number,
    vague_amounts,
)
from kroniek.quantities.units import currencies, units
from kroniek.time.lexicon import alternation, lexicon

NOUN_TAGS = ("NOUN", "PROPN")
_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    atoms = alternation(number_words())
    word_number = rf"(?:{atoms})(?:(?:en|ën)?(?:{atoms}))*(?:ënhalf|enhalf)?"
    syms = alternation([c for c in currencies() if not c.isalpha()])
    codes = alternation([c for c in currencies() if c.isalpha() and c.isupper()] + ["eur", "usd"])
    after = alternation(list(currencies()) + list(units()))
    return re.compile(
        rf"(?<![\w.,/-])(?:(?P<approx>{alternation(approximators())})\s+)?"
        rf"(?:(?P<sym>{syms}|{codes})\s?)?"
        rf"(?:(?P<vague>{alternation(vague_amounts())})|(?P<num>{DIGITS}|{word_number}))(?![\w-]|[.,]\d)"
        rf"(?:\s+(?P<mag>{alternation(magnitudes())})(?![\w]))?"
        rf"(?:\s*(?P<unit>{after})(?![\w]))?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _age_pattern() -> re.Pattern[str]:
    atoms = alternation(number_words())
    return re.compile(
        rf"(?<![\w-])(?P<num>\d{{1,3}}-?|(?:{atoms})(?:(?:en|ën)?(?:{atoms}))*)jarige?n?(?!\w)"
        r"|(?<=[^\W\d_])\s\(\s?(?P<paren>\d{1,3})\s?\)",
        re.IGNORECASE,
    )


def _noun_after(text: str, end: int, tokens: list[Token] | None, token_at) -> str | None:
    """The counted noun right after a number: the next word, skipping one adjective when tags say so."""
    if tokens and token_at is not None:
        tok = token_at(end) or token_at(end + 1)
        if tok is not None and tok.upos:
            k = tok.i
            for j in range(k, min(k + 3, len(tokens))):
                t = tokens[j]
                if t.upos in NOUN_TAGS:
                    return t.text
                if t.upos not in ("ADJ",):
                    return None
            return None
    m = _WORD.match(text, end)
    not_nouns = not_counted()
    if not m or m.group(1).lower() in not_nouns or len(m.group(1)) < 2:
        return None
    word = m.group(1)
    if word.endswith("e") and word.islower():
        # most likely an adjective (120 hybride bussen): the noun is the word after it, if there is one
        m2 = _WORD.match(text, m.end())
        if m2 and m2.group(1).lower() not in not_nouns and len(m2.group(1)) > 1:
            return m2.group(1)
        return None
    return word


@lru_cache(maxsize=1)
def _maybe_amount() -> re.Pattern[str]:
    """Whether a text can hold an amount at all: a digit, a currency symbol or a number word
    ('een' alone does not count: it needs a magnitude, which is itself in the list)."""
    words = [w for w in [*number_words(), *magnitudes(), *vague_amounts(), *currencies(), *units()]
             if w not in ("een", "één") and w[:1].isalpha()]
    syms = [c for c in [*currencies(), *units()] if not c[:1].isalpha()]
    return re.compile(rf"\d|(?:{alternation(syms)})|(?<![^\W\d_])(?:{alternation(words)}|één)", re.IGNORECASE)


_RANGE = re.compile(r"-\d")  # a score or a range written 3-1
_OLD = re.compile(r"\s+oud(?!\w)")


def find_quantities(text: str, tokens: list[Token] | None = None, token_at=None) -> list[Quantity]:
    out: list[Quantity] = []
    if not _maybe_amount().search(text):
        return out
    taken: list[tuple[int, int]] = []
    time_units = lexicon().units
    for m in _age_pattern().finditer(text):
        raw = m["paren"] or m["num"].rstrip("-")
        n = parse_number(raw)
        if n is None or not 0 < n < 130:
            continue
        s, e = (m.start("paren"), m.end("paren")) if m["paren"] else (m.start(), m.end())
        out.append(Quantity(s, e, text[s:e], int(n) if n == int(n) else n, "a", "age"))
        taken.append((m.start(), m.end()))
    for m in _pattern().finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        q = _quantity(m, text, tokens, token_at, time_units)
        if q is not None:
            out.append(q)
    out.sort(key=lambda q: q.start)
    return out


def _quantity(m: re.Match[str], text: str, tokens, token_at, time_units) -> Quantity | None:
    num, vague, mag, unit, sym = m["num"], m["vague"], m["mag"], m["unit"], m["sym"]
    if _RANGE.match(text, m.end("num" if num else "vague")):
        return None  # a score or a range written 3-1
    value: float | None
    if vague:
        value = None
    else:
        value = parse_number(num)
        if value is None:
            return None
        if num.lower() == "een" and not (mag or unit or sym):
            return None  # the article
    if mag and value is not None:
        value *= magnitudes()[mag.lower()]
    approx = m["approx"] or vague  # verbatim, as the text has it
    start = m.start("sym") if sym else m.start("vague" if vague else "num")
    end = m.end()
    kind, code = "count", None
    cur = (sym or "").lower() or (unit or "").lower()
    if cur in currencies():
        kind, code = "money", currencies()[cur]
        if cur == "eurocent" and value is not None:
            value /= 100
    elif unit and unit.lower() in units():
        code, kind = units()[unit.lower()]
    else:
        if unit:  # a currency word we do not know the code of cannot happen; keep the span honest
            end = m.end("mag") if mag else m.end("vague" if vague else "num")
        # match at a position, never on a copy of the rest of the text (5 MB articles)
        w = _WORD.match(text, end)
        word = w.group(1).lower() if w else ""
        if word in time_units:
            _, factor, ucum = time_units[word]
            kind, code = "duration", ucum
            if value is not None:
                value *= factor
            end = w.end()
            if _OLD.match(text, end):
                kind = "age"
        elif word in lexicon().months:
            return None  # the day of a date
        else:
            code = _noun_after(text, end, tokens, token_at)
    if value is not None and value == int(value):
        value = int(value)
    return Quantity(start, end, text[start:end], value, code, kind, approx)
