"""Whether a clause speaks of the future or the past: it decides on which side of the reference day
a bare weekday or month name lies."""
from __future__ import annotations

import re

from kroniek.doc import Document
from kroniek.time.lexicon import lexicon

_WORD = re.compile(r"[\w.']+")


def sentence_tense(doc: Document, offset: int) -> str | None:
    """FUTURE, PAST or None (no sign) for the sentence holding `offset`.

    Future markers win: in "zei dat hij maandag zal komen" the weekday is ahead. Uses the
    tagger's Tense feature when the models are present, and the marker words always.
    """
    lo, hi, tokens = _sentence(doc, offset)
    c_lo, c_hi = _clause(doc.text, lo, hi, offset)
    markers = lexicon().tense
    found = {markers.get(w.lower()) for w in _WORD.findall(doc.text[c_lo:c_hi])}
    if "FUTURE" in found:
        return "FUTURE"
    if "PAST" in found or any(
        c_lo <= t.start < c_hi and "Tense=Past" in t.feats and t.upos in ("VERB", "AUX") for t in tokens
    ):
        return "PAST"
    if _BOUND_AHEAD.search(doc.text, max(c_lo, offset - 12), offset):
        return "FUTURE"  # "tot maandag", "vanaf 1 januari": a limit that lies ahead, unless the clause is past
    return None


_BOUND_AHEAD = re.compile(r"(?<!\w)(?:tot|vanaf|tegen)\s+$", re.IGNORECASE)


# where a clause ends: punctuation, or a word that opens a subordinate clause
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”„]|\s[-–]\s|(?<!\w)(?:dat|die|omdat|want|maar|terwijl|nadat|voordat|zodat|wanneer|toen|waar)(?!\w)",
    re.IGNORECASE,
)


def _clause(text: str, lo: int, hi: int, offset: int) -> tuple[int, int]:
    """The stretch of the sentence between the clause breaks around `offset`: "De CDU meldde zondag dat
    het zal lukken" puts "zondag" in the past, whatever the "zal" of the next clause says."""
    start, end = lo, hi
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
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
