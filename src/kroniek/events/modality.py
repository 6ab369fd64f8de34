"""Modality and attribution of an event: asserted, intended, negated, hypothetical or reported.

When several apply, the strongest wins: a denied plan is negated, a conditional pledge
hypothetical, a reported plan intended (its attribution is kept either way).
"""
from __future__ import annotations

from kroniek.doc import Argument, Document
from kroniek.events import actors
from kroniek.events.arguments import Arguments
from kroniek.events.lexicon import Lexicon
from kroniek.events.phrases import argument
from kroniek.events.syntax import CLAUSE_RELS, SentenceView
from kroniek.events.triggers import Match

ORDER = ("negated", "hypothetical", "intended", "reported", "asserted")
_WOULD = frozenset({"zullen"})  # "zou" with a perfect alleges; without one it plans ("zou volgende week reizen")


class Modality:
    def __init__(self, doc: Document, view: SentenceView, lex: Lexicon, args: Arguments, reports: list[Match]):
        self.doc, self.view, self.lex, self.args = doc, view, lex, args
        self.reports = {m.token: m for m in reports}

    def cue(self, k: int, role: str) -> str | None:
        lemma = self.view.lemma(k)
        # a particle verb is cued by its verb: "op_roepen" as "roepen"
        c = (self.lex.cues.get(lemma) or self.lex.cues.get(self.doc.tokens[k].text.lower())
             or self.lex.cues.get(lemma.rpartition("_")[2]))
        return c[0] if c and c[1] == role else None

    def __call__(self, m: Match) -> tuple[str, Argument | None]:
        found = {m.entry.modality} if getattr(m.entry, "modality", "asserted") != "asserted" else set()
        attribution = None
        v = m.token
        view = self.view
        for k in m.clause:
            if k == v:
                continue
            if self.cue(k, "adv") == "negated" and not (view.parsed and self._in_subclause(k, v)):
                found.add("negated")
            kind = self.cue(k, "prep")
            if kind == "reported":
                attribution = self._prep_object(k) or attribution
                found.add("reported")
        if view.parsed:
            found |= self._tree(v)
            rep, by = self._reporter(v)
        else:
            found |= self._flat(v, m.clause)
            rep, by = self._flat_reporter(v)
        if rep is not None:
            found.add("reported")
            # "Rusland ontkent dat het troepen samentrekt": denied, by the reporter's account
            denial = self.cue(by, "report") if by is not None else None
            if denial:
                found.add(denial)
            # a reporter whose subject is unknown ("liet het weten") reports without a name
            attribution = attribution or (rep if rep.text else None)
        modality = next((x for x in ORDER if x in found), "asserted")
        return modality, attribution

    # ---------------------------------------------------------------- tree
    def _tree(self, v: int) -> set[str]:
        view = self.view
        out = set()
        alleged = self._alleged(v)
        for a in view.children(v, "aux", "mark"):
            for role in ("aux", "mark"):
                kind = self.cue(a, role)
                if kind and not (alleged and role == "aux" and self.view.lemma(a) in _WOULD):
                    out.add(kind)
        if alleged:
            out.add("reported")
        top = view.clause_head(v)
        for a in view.children(top, "mark"):
            kind = self.cue(a, "mark")
            if kind:
                out.add(kind)
        # a conditional clause hanging on the event makes it conditional: "Als Iran ..., zal Washington aanvallen"
        for c in view.children(v, "advcl") + (view.children(top, "advcl") if top != v else []):
            if self._is_clause(c) and any(self.cue(a, "mark") == "hypothetical" for a in view.children(c, "mark")):
                out.add("hypothetical")
        h = view.head(v)
        if h is not None and self.cue(h, "aux") and self._infinitive_of(v):
            out.add(self.cue(h, "aux") or "")
        # an auxiliary the parser hung elsewhere in the clause still marks the plan ("zal ... sturen")
        for k in view.flat_clause(v):
            if k != v and self.rel_is_aux(k) and self.cue(k, "aux") and not (alleged and self.view.lemma(k) in _WOULD):
                out.add(self.cue(k, "aux") or "")
        return out - {""}

    def _in_subclause(self, k: int, v: int) -> bool:
        """Whether token k lies in a clause below the clause of verb v: "geen" in "riep Londen op zich te
        verontschuldigen [nu Porton Down geen bewijs heeft]" denies the evidence, not the appeal."""
        view = self.view
        top = view.clause_head(v)
        crossed = False
        seen = set()
        while k != top:
            h = view.head(k)
            if h is None or k in seen:
                return False  # not below v's clause at all: the word-order stretch took it in
            seen.add(k)
            crossed = crossed or view.rel(k) in CLAUSE_RELS
            k = h
        return crossed

    def _alleged(self, v: int) -> bool:
        """"zou(den)" with a perfect: what is alleged, not planned ("Rusland zou raketten hebben afgevuurd")."""
        texts = {self.doc.tokens[k].text.lower() for k in self.view.flat_clause(v) if self.rel_is_aux(k)}
        perfect = any((self.lex.tense or {}).get(self.view.lemma(k)) == "perfect" for k in self.view.children(v, "aux"))
        return bool(texts & {"zou", "zouden"}) and perfect

    def _is_clause(self, c: int) -> bool:
        """Whether c heads a clause, not a bare noun: "als Rusland aanvalt" and "als het nodig is" are conditions,
        "als tegenmaatregel" (as a countermeasure) is not."""
        return self.doc.tokens[c].upos in ("VERB", "AUX") or bool(self.view.children(c, "cop", "nsubj"))

    def _infinitive_of(self, v: int) -> bool:
        """Whether v is the infinitive complement of its head: "dreigden [de stad aan te vallen]", "riep hen op
        [om Israël aan te vallen]" (the parser hangs the om-clause as xcomp, ccomp or advcl)."""
        rel = self.view.rel(v).split(":")[0]
        if rel == "xcomp":
            return True
        return rel in ("ccomp", "advcl") and any(self.view.lemma(m) == "te" for m in self.view.children(v, "mark"))

    def rel_is_aux(self, k: int) -> bool:
        t = self.doc.tokens[k]
        return t.deprel.split(":")[0] == "aux" or t.upos == "AUX"

    def _reporter(self, v: int) -> tuple[Argument | None, int | None]:
        """The subject of a reporting verb this clause depends on ("Poetin zei dat ...", "liet weten dat"),
        and the reporting verb."""
        view = self.view
        # a reporting verb after the clause it reports: "Israël heeft Gaza gebombardeerd, [meldt] de BBC"
        for r in view.children(view.clause_head(v), "parataxis"):
            if r in self.reports and r > v:
                return self._speaker(r), r
        frames = {k: r for r, m in self.reports.items() for k in m.frame_tokens}
        k = v
        for _ in range(5):
            h = view.head(k)
            if h is None:
                return None, None
            r = h if h in self.reports else frames.get(h)
            if r is not None:
                return self._speaker(r), r
            k = h
        return None, None

    def _speaker(self, r: int) -> Argument:
        """Who the reporting verb r gives the word: its subject, else the first actor of its clause; an
        empty argument when it names no one ("liet het weten")."""
        s = self.args.subject(r)
        if s is not None:
            return argument(self.doc, self.view, s)
        named = self.args.named(r, frozenset())
        return named[0] if named else Argument("")

    def _prep_object(self, k: int) -> Argument | None:
        view = self.view
        if view.parsed:
            h = view.head(k)
            return argument(self.doc, view, h) if h is not None else None
        for mention in sorted(self.doc.mentions, key=lambda x: x.start):
            if mention.start >= self.doc.tokens[k].end and mention.entity:
                if view.doc.sentence_of(mention.start) == view.index:
                    return actors.for_span(self.doc, mention.start, mention.end)
                break
        return None

    # ---------------------------------------------------------------- word order
    def _flat(self, v: int, clause: list[int]) -> set[str]:
        out = set()
        for k in clause:
            if k == v:
                continue
            kind = self.cue(k, "aux")
            if kind:
                out.add(kind)
        if clause and self.cue(clause[0], "mark"):
            out.add(self.cue(clause[0], "mark") or "")
        # a sentence opening with a conditional clause conditions the main clause after it
        first = self.view.lo
        if clause and clause[0] > first and self.cue(first, "mark") == "hypothetical":
            out.add("hypothetical")
        return out - {""}

    def _flat_reporter(self, v: int) -> tuple[Argument | None, int | None]:
        """A reporting verb earlier in the sentence with a clause boundary between it and the event."""
        for r, m in self.reports.items():
            if r < v and (not m.clause or v > max(m.clause)):
                named = self.args.named(r, m.frame_tokens)
                return (named[0] if named else Argument("")), r
        return None, None
