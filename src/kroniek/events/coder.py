"""The event coder: lexicon triggers in each sentence become coded events with arguments,
modality, time, place and quantities."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from kroniek.doc import Argument, Document, Event
from kroniek.entities.lexicon import role_of
from kroniek.events import actors, anchors
from kroniek.events.arguments import Arguments
from kroniek.events.codebook import lookup, news_type_of
from kroniek.events.lexicon import PLACE_ROLES, Frame, Lexicon, Trigger
from kroniek.events.modality import Modality
from kroniek.events.newstype import GAP, NewsTypeModel, tags_of
from kroniek.events.phrases import entity, has_actor, same
from kroniek.events.syntax import SentenceView
from kroniek.events.triggers import Match, find

# PLOVER types (and CAMEO codes: 057, signing an agreement; 0871, a truce) whose parties act together, so
# coordinated subjects are each other's target
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "057", "0871"})
# PLOVER types that ask someone to act: the subject of their "dat" clause may be that someone
ASKING = frozenset({"REQUEST"})
VISIT = "042"  # CAMEO "make a visit": a visit with no one named as host is to the country of its place
# measures a state takes: announced by its officials, an agentless passive one is theirs ("De handel
# wordt bevroren, zo kondigde het Saudische ministerie aan")
MEASURES = frozenset({"COERCE", "SANCTION", "RETREAT", "CONCEDE"})
_OFFICIAL = ("GOV", "MIL", "COP", "JUD")
_VISITING = ("GOV", "LEG", "ELI", "MIL", "JUD", "PTY", "OPP", "BUS")


def code_event(ev: Event, trig: Trigger) -> None:
    """Fill CAMEO, PLOVER, Goldstein, QuadClass and news type from a lexicon row."""
    ev.news_type = trig.news_type
    if trig.cameo:
        c = lookup(trig.cameo)
        ev.cameo, ev.plover = c.code, c.plover
        ev.plover_mode = trig.plover_mode or c.plover_mode
        ev.goldstein, ev.quadclass = c.goldstein, c.quadclass


def _with_news(t: Trigger, label: str) -> Trigger:
    return Trigger(t.lemma, t.particle, t.frame, t.cameo, t.plover, t.plover_mode, label, t.modality, t.line)


def _party(doc: Document, arg: Argument | None) -> bool:
    """Whether an argument is a party to political events: a known actor, a name, or a role
    ("de oppositie", "de regering") whose country the article may leave implicit."""
    if has_actor(arg):
        return True
    if arg is None or arg.start is None or arg.end is None:
        return False
    return any(role_of(t.text, t.lemma) is not None for t in doc.tokens_in(arg.start, arg.end))


def _coded_parties(doc: Document, ev: Event) -> bool:
    """Whether the event has the parties a CAMEO/PLOVER code needs: one on either side, and for a visit a
    visitor."""
    if ev.cameo == VISIT and not _visitor(ev.source):
        return False
    return _party(doc, ev.source) or _party(doc, ev.target)


def _host(doc: Document, place: Argument | None, visitor: Argument | None) -> Argument | None:
    """The country a visit goes to, from where it is: "Porosjenko is op bezoek [in Berlijn]" (Germany)."""
    e = entity(doc, place.entity) if place is not None else None
    code = (e.actor or e.country) if e is not None else None
    if code is None or place is None or (visitor is not None and (visitor.actor or "")[:3] == code[:3]):
        return None  # a visit at home is no visit to a host
    return Argument(place.text, place.start, place.end, place.entity, code)


def _visitor(arg: Argument | None) -> bool:
    """Whether who arrives somewhere pays a visit: someone named, or an office holder, party, army or firm
    (migrants arriving in Lampedusa, or a plane landing, visit no one)."""
    return has_actor(arg) and arg is not None and (arg.entity is not None or (arg.actor or "")[3:6] in _VISITING)


def _official(arg: Argument | None) -> bool:
    """Whether an argument is a state's official body: its government, army, police or courts."""
    return has_actor(arg) and (arg.actor or "")[3:6] in _OFFICIAL


def _uncode(ev: Event) -> None:
    """Drop the CAMEO and PLOVER coding of an event no party takes part in. Both code what political
    actors do to each other (GDELT and PETRARCH code no event without one); without any ("De
    bestuurder werd opgepakt") it is domestic news, told by its news type alone."""
    ev.cameo = ev.plover = ev.plover_mode = None
    ev.goldstein = ev.quadclass = None


def _news_trigger(label: str) -> Trigger:
    return Trigger("", "", Frame(""), None, None, None, label, "asserted", 0)


def _is_time(doc: Document, arg: Argument | None) -> bool:
    """Whether the argument is (inside) a time expression."""
    if arg is None or arg.start is None or arg.end is None:
        return False
    starts = doc.derived("time-starts", len(doc.times), lambda: [t.start for t in doc.times])
    k = bisect_right(starts, arg.start) - 1
    return k >= 0 and arg.end <= doc.times[k].end


class Coder:
    def __init__(self, lex: Lexicon, news: NewsTypeModel | None = None):
        self.lex = lex
        self.news = news
        self.place_preps = lex.preps(*PLACE_ROLES)
        self.source_preps = frozenset(w for w, (kind, role) in lex.cues.items() if kind == "reported" and role == "prep")

    def _news_triggers(self, views: list[SentenceView]) -> list[list[tuple[int, str, float]]]:
        """The classifier's triggers in each sentence (sentence token indices), all scored in one go."""
        if self.news is None:
            return [[] for _ in views]
        sents = []
        for view in views:
            words = [t.text for t in view.tokens]
            tags = None
            if view.parsed and self.news.uses_parse:
                toks = view.tokens
                heads = [t.head - view.lo if view.lo <= t.head < view.hi else -1 for t in toks]
                tags = tags_of([t.upos for t in toks], [t.deprel for t in toks], heads, words)
            sents.append((words, tags))
        return self.news.triggers_many(sents)

    def _add_news_types(self, view: SentenceView, matches: list[Match],
                        news: list[tuple[int, str, float]]) -> list[Match]:
        """News-type events from the classifier, folded into the lexicon's where they overlap."""
        if self.news is None:
            return matches
        out = list(matches)
        for i, label, _ in news:
            k = view.lo + i
            kind = label.split(".")[0]
            # a lexicon event of the type close by already reports this event; one further away in
            # the sentence may be another event of the type
            if any(m.entry.news_kind == kind and abs(m.token - k) <= GAP for m in matches):
                continue
            at = next((m for m in matches if m.token == k), None)
            if at is not None:
                if at.entry.news_type is None and not self._ruled_out(at.entry, kind):
                    out[out.index(at)] = Match(at.token, at.particle_token, _with_news(at.entry, label), at.clause, at.frame_tokens)
                continue
            out.append(Match(k, None, _news_trigger(label), view.clause(k)))
        return sorted(out, key=lambda m: m.token)

    def _ruled_out(self, trig: Trigger, kind: str) -> bool:
        """Whether the lexicon gives the verb the news type `kind` only in another sense than the one
        that matched: "veroordelen" of an invasion is condemning it, not the court's Justice.Convict."""
        rows = self.lex.triggers.get((trig.lemma, trig.particle), ())
        return any(r is not trig and r.news_kind == kind for r in rows)

    def _view(self, doc: Document, index: int) -> SentenceView:
        return SentenceView(doc, index, self.lex.clause_openers, self.lex.coordinators)

    def sentence(self, doc: Document, index: int) -> list[tuple[Event, Match]]:
        view = self._view(doc, index)
        return self._sentence(doc, view, self._news_triggers([view])[0])

    def _sentence(self, doc: Document, view: SentenceView,
                  news: list[tuple[int, str, float]]) -> list[tuple[Event, Match]]:
        index = view.index
        matches, reports = find(doc, view, self.lex)
        matches = self._add_news_types(view, matches, news)
        if not matches:
            return []
        args = Arguments(doc, view, self.lex.roles or {}, self.lex.pairs, self.source_preps, matches=matches)
        modality = Modality(doc, view, self.lex, args, reports)
        out = []
        for m in matches:
            trig = m.entry
            if not isinstance(trig, Trigger):
                continue
            tok = doc.tokens[m.token]
            ev = Event(id="", trigger_start=tok.start, trigger_end=tok.end, trigger_text=tok.text, sentence=index)
            code_event(ev, trig)
            ev.modality, ev.attribution = modality(m)
            sides = args(m.token, m.clause, m.frame_tokens, bool({ev.plover, ev.cameo} & SYMMETRIC), ev.attribution,
                         trig.frame.kind, ev.plover in ASKING)
            # a misparse can make a date the subject ("Maandag zei Lukashenko"): a time is never an actor
            ev.source, ev.target = (None if _is_time(doc, a) else actors.as_seat(doc, a) for a in sides)
            if ev.source is None and ev.plover in MEASURES and _official(ev.attribution) and args.passive(m.token):
                ev.source = ev.attribution
            if ev.plover is not None or ev.cameo is not None:
                if not _coded_parties(doc, ev):
                    if ev.news_type is None:
                        continue
                    _uncode(ev)
            if ev.news_type is None and ev.cameo is not None:
                ev.news_type = news_type_of(ev.cameo)
            ev.time = anchors.event_time(doc, view, m.token, m.clause, self.lex.tense)
            ev.location = anchors.event_place(doc, view, m.clause, self.place_preps)
            if ev.cameo == VISIT and not has_actor(ev.target):
                ev.target = _host(doc, ev.location, ev.source) or ev.target
            ev.quantities = anchors.event_quantities(doc, view, m.clause)
            out.append((ev, m))
            if ev.plover is not None and not bool({ev.plover, ev.cameo} & SYMMETRIC):
                # one event for each coordinated party ("De VS, Groot-Brittannië en Frankrijk vielen aan");
                # parties of a symmetric event are each other's already
                for src in [ev.source, *args.coordinated(ev.source)]:
                    for tgt in [ev.target, *args.coordinated(ev.target)]:
                        if (src, tgt) != (ev.source, ev.target) and not same(src, tgt):
                            out.append((replace(ev, source=src, target=tgt), m))
        return out

    def __call__(self, doc: Document) -> list[Event]:
        views = [self._view(doc, s) for s in range(len(doc.sentences))]
        events = []
        for view, news in zip(views, self._news_triggers(views), strict=True):
            events.extend(ev for ev, _ in self._sentence(doc, view, news))
        return events
