"""Whether a clause speaks of the future or the past: it decides on which side of the reference day
a bare weekday or month name lies."""
from __future__ import annotations

import re
from functools import lru_cache

from kroniek.doc import Document
from kroniek.time.lexicon import alternation, lexicon

_WORD = re.compile(r"[\w.']+")


def sentence_tense(doc: Document, offset: int) -> str | None:
    """FUTURE, PAST, PRESENT or None (no sign) for the clause holding `offset`.

    Future markers win: in "zei dat hij maandag zal komen" the weekday is ahead. Uses the
    tagger's Tense feature when the models are present, and the marker words always.
    """
    lo, hi, tokens = _sentence(doc, offset)
    c_lo, c_hi = _clause(doc.text, lo, hi, offset)
    markers = lexicon().tense
    found = {markers.get(w.lower()) for w in _WORD.findall(doc.text[c_lo:c_hi])}
    if "FUTURE" in found:
        return "FUTURE"
    verbs = [t for t in tokens if c_lo <= t.start < c_hi and t.upos in ("VERB", "AUX")]
    perfect = any(t.text.lower() in ("is", "zijn") for t in verbs) and any("VerbForm=Part" in t.feats for t in verbs)
    if "PAST" in found or perfect or any(_past_form(t) for t in verbs):
        return "PAST"
    if "FUTURE_WEAK" in found:
        return "FUTURE"
    if _patterns()[1].search(doc.text, max(c_lo, offset - 12), offset):
        return "FUTURE"  # "tot maandag", "vanaf 1 januari": a limit that lies ahead, unless the clause is past
    if any("VerbForm=Fin" in t.feats and "Tense=Pres" in t.feats for t in verbs):
        return "PRESENT"
    return None


def _past_form(t) -> bool:
    """A finite past verb by the tagger, or by its weak past ending (meldde, kondigde), which the tagger
    misses. ("is overleden", a perfect, is found by the caller; "wordt uitgezonden" is no past.)"""
    if "VerbForm=Fin" not in t.feats:
        return False
    return "Tense=Past" in t.feats or t.text.lower().endswith(("de", "te", "den", "ten"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a clause ends (punctuation, or a word that opens a subordinate clause), and a limit word
    right before a date (tot maandag)."""
    g = lexicon().grammar
    clause_break = re.compile(rf"[,;:()\"“”„]|\s[-–]\s|(?<!\w)(?:{alternation(g['clause_opener'])})(?!\w)",
                              re.IGNORECASE)
    ahead = re.compile(rf"(?<!\w)(?:{alternation(g['limit_ahead'])})\s+$", re.IGNORECASE)
    return clause_break, ahead


def _clause(text: str, lo: int, hi: int, offset: int) -> tuple[int, int]:
    """The stretch of the sentence between the clause breaks around `offset`: "De CDU meldde zondag dat
    het zal lukken" puts "zondag" in the past, whatever the "zal" of the next clause says."""
    start, end = lo, hi
    for m in _patterns()[0].finditer(text, lo, hi):
        if m.end() <= offset:
            start = m.end()
        elif m.start() > offset:
            end = m.start()
            break
    return start, end


def sentence_key(doc: Document, offset: int) -> int:
    """An id of the sentence holding `offset`: its index, or its start offset when the text is not split."""
    k = doc.sentence_of(offset) if doc.sentences else None
    return k if k is not None else -1 - _sentence(doc, offset)[0]


def _sentence(doc: Document, offset: int):
    k = doc.sentence_of(offset) if doc.sentences else None
    if k is None:
        # no sentence split: the stretch between sentence-final punctuation around the offset
        text = doc.text
        lo = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, offset) for c in ".!?\n") if i >= 0]
        return lo, (min(ends) if ends else len(text)), []
    s = doc.sentences[k]
    return s.start, s.end, doc.tokens[s.token_start : s.token_end]
