"""When, where and how much: an event's time expression (or the honest document interval), its
place and its quantities, all looked up in the event's clause."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from kroniek.doc import Argument, Document, Mention
from kroniek.events.syntax import SentenceView

try:
    from kroniek.time.anchor import document_interval as _document_interval
except ImportError:  # the time layer is optional
    _document_interval = None

_POINT_TYPES = ("DATE", "TIME")


def document_time(doc: Document) -> dict[str, Any] | None:
    """The interval the document date stands for (widened by the time layer when it is there)."""
    if doc.date is None:
        return None
    lo = hi = None
    if _document_interval is not None:
        got = _document_interval(doc.date)
        if isinstance(got, dict):
            lo, hi = got.get("earliest"), got.get("latest")
        elif isinstance(got, (tuple, list)) and len(got) == 2:
            lo, hi = got
        elif got is not None:
            lo, hi = getattr(got, "earliest", None), getattr(got, "latest", None)
    if lo is None or hi is None:
        lo, hi = doc.date.earliest, doc.date.latest
    lo, hi = str(lo)[:10], str(hi)[:10]
    return {"value": lo if lo == hi else None, "earliest": lo, "latest": hi}


def tense(doc: Document, view: SentenceView, trigger: int, auxiliaries: dict[str, str]) -> str | None:
    """perfect (past-tense auxiliary over the event verb), future, or None, from the verb's auxiliaries."""
    for k in view.flat_clause(trigger):
        t = doc.tokens[k]
        if k == trigger or t.upos != "AUX" and t.deprel.split(":")[0] != "aux":
            continue
        kind = auxiliaries.get((t.lemma or "").lower())
        if kind == "future":
            return kind
        if kind == "perfect" and "Tense=Past" in t.feats:
            return kind
    return None


def event_time(doc: Document, view: SentenceView, trigger: int, clause: list[int],
               auxiliaries: dict[str, str] | None = None) -> dict[str, Any] | None:
    """The nearest point in time in the clause, else in the sentence, else the document's: open
    towards the past for a pluperfect ("had ... laten oppakken") and towards the future for a plan."""
    tok = doc.tokens[trigger]
    starts = doc.derived("time-starts", len(doc.times), lambda: [t.start for t in doc.times])  # text order
    for lo, hi in (view.text(clause), view.text(list(range(view.lo, view.hi)))):
        best = None
        for t in doc.times[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            if t.type in _POINT_TYPES and lo <= t.start < hi and (t.earliest or t.value):
                if best is None or abs(t.start - tok.start) < abs(best.start - tok.start):
                    best = t
        if best is not None:
            return {"value": best.value, "earliest": best.earliest, "latest": best.latest}
    out = document_time(doc)
    if out is not None and auxiliaries:
        kind = tense(doc, view, trigger, auxiliaries)
        if kind == "perfect":
            out = {"value": None, "earliest": None, "latest": out["latest"]}
        elif kind == "future":
            out = {"value": None, "earliest": out["earliest"], "latest": None}
    return out


def event_place(doc: Document, view: SentenceView, clause: list[int], place_preps: frozenset[str]) -> Argument | None:
    """A place named after a place preposition in the clause: "in Minsk", "in de badplaats Sotsji"."""
    toks = doc.tokens
    lo, hi = view.text(clause)
    for k in clause:
        if toks[k].text.lower() not in place_preps:
            continue
        if view.parsed:
            h = view.head(k)
            if h is None:
                continue
            span = view.text(view.subtree(h, frozenset({"acl", "acl:relcl", "conj", "punct"})))
        else:
            span = (toks[k].end, toks[min(k + 6, view.hi - 1)].end)
        mentions, starts = _sorted_mentions(doc)
        for m in mentions[bisect_left(starts, span[0]) : bisect_left(starts, span[1])]:
            if m.type == "LOC" and span[0] <= m.start and m.end <= span[1] and lo <= m.start < hi:
                return Argument(m.text, m.start, m.end, m.entity)
    return None


def _sorted_mentions(doc: Document) -> tuple[list[Mention], list[int]]:
    def build() -> tuple[list[Mention], list[int]]:
        ms = sorted(doc.mentions, key=lambda m: m.start)
        return ms, [m.start for m in ms]

    return doc.derived("mentions-by-start", len(doc.mentions), build)


def _quantity_tokens(doc: Document) -> tuple[list[int], list[int]]:
    """(token index, quantity index) pairs sorted by token, as two lists."""
    pairs = sorted((t.i, n) for n, q in enumerate(doc.quantities) if (t := doc.token_at(q.start)) is not None)
    return [i for i, _ in pairs], [n for _, n in pairs]


def event_quantities(doc: Document, view: SentenceView, clause: list[int]) -> list[int]:
    if not clause or not doc.quantities:
        return []
    at, index = doc.derived("quantity-tokens", (len(doc.quantities), len(doc.tokens)), lambda: _quantity_tokens(doc))
    keep = set(clause)
    a, b = bisect_left(at, min(clause)), bisect_right(at, max(clause))
    return sorted(index[k] for k in range(a, b) if at[k] in keep)
