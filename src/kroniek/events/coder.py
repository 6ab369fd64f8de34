"""The event coder: lexicon triggers in each sentence become coded events with arguments,
modality, time, place and quantities."""
from __future__ import annotations

from kroniek.doc import Document, Event
from kroniek.events import anchors
from kroniek.events.arguments import Arguments
from kroniek.events.codebook import lookup
from kroniek.events.lexicon import Lexicon, Trigger
from kroniek.events.modality import Modality
from kroniek.events.syntax import SentenceView
from kroniek.events.triggers import Match, find


def code_event(ev: Event, trig: Trigger) -> None:
    """Fill CAMEO, PLOVER, Goldstein, QuadClass and news type from a lexicon row."""
    ev.news_type = trig.news_type
    if trig.cameo:
        c = lookup(trig.cameo)
        ev.cameo, ev.plover = c.code, c.plover
        ev.plover_mode = trig.plover_mode or c.plover_mode
        ev.goldstein, ev.quadclass = c.goldstein, c.quadclass


class Coder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.place_preps = lex.preps("place")

    def sentence(self, doc: Document, index: int) -> list[tuple[Event, Match]]:
        view = SentenceView(doc, index, self.lex.clause_openers)
        matches, reports = find(doc, view, self.lex)
        if not matches:
            return []
        args = Arguments(doc, view, self.lex.roles or {})
        modality = Modality(doc, view, self.lex, args, reports)
        out = []
        for m in matches:
            trig = m.entry
            assert isinstance(trig, Trigger)
            tok = doc.tokens[m.token]
            ev = Event(id="", trigger_start=tok.start, trigger_end=tok.end, trigger_text=tok.text, sentence=index)
            code_event(ev, trig)
            ev.source, ev.target = args(m.token, m.clause, m.frame_tokens)
            ev.modality, ev.attribution = modality(m)
            ev.time = anchors.event_time(doc, view, m.token, m.clause)
            ev.location = anchors.event_place(doc, view, m.clause, self.place_preps)
            ev.quantities = anchors.event_quantities(doc, view, m.clause)
            out.append((ev, m))
        return out

    def __call__(self, doc: Document) -> list[Event]:
        events = []
        for s in range(len(doc.sentences)):
            events.extend(ev for ev, _ in self.sentence(doc, s))
        return events
