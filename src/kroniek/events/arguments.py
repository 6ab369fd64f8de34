"""Source and target of an event, from the dependency tree with word order as a safety net.

With a parse: the subject is the source and the object, indirect object or a prepositional object
the target; in the passive the subject is the target and the agent ("door ...") the source. A verb
without its own subject borrows one: from the verb that controls it or lets it happen ("liet
oppakken", "beloofde ... te blijven"), from the first verb of a coordination, or from the noun a
relative clause hangs on.

Parsers slip, and a slipped tree can hide the actors. So when the tree gives no actor for a side,
the named actors of the clause are taken in word order: the first is the source, the next one that
differs the target (in the passive: the first is the target).
"""
from __future__ import annotations

from kroniek.doc import Argument, Document
from kroniek.events import actors
from kroniek.events.syntax import CLAUSE_RELS, SentenceView

_PHRASE_STOP = CLAUSE_RELS | {"punct", "cc"}
_REL_PRONOUNS = frozenset({"die", "dat", "wie", "welke", "wat"})
_RECIPROCAL = frozenset({"elkaar", "mekaar"})
_PASSIVE_AUX = frozenset({"worden"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def phrase(view: SentenceView, i: int) -> tuple[int, int]:
    """Character span of the noun phrase headed by token i, without clauses hanging on it."""
    return view.text(view.subtree(i, _PHRASE_STOP))


def argument(doc: Document, view: SentenceView, i: int) -> Argument:
    start, end = phrase(view, i)
    return actors.for_token(doc, i, start, end)


def has_actor(a: Argument | None) -> bool:
    return a is not None and bool(a.actor or a.entity)


def same(a: Argument | None, b: Argument | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return a.entity == b.entity
    return a.actor is not None and a.actor == b.actor and a.entity == b.entity


class Arguments:
    """Argument finder for one sentence; `prep_roles` maps prepositions to agent/target/place."""

    def __init__(self, doc: Document, view: SentenceView, prep_roles: dict[str, str]):
        self.doc = doc
        self.view = view
        self.roles = prep_roles
        self.places = frozenset(p for p, r in prep_roles.items() if r == "place")
        self.agents = frozenset(p for p, r in prep_roles.items() if r == "agent")

    def rel(self, k: int) -> str:
        return self.doc.tokens[k].deprel

    def _lemma(self, k: int) -> str:
        t = self.doc.tokens[k]
        return (t.lemma or t.text).lower()

    # ---------------------------------------------------------------- tree
    def passive(self, v: int) -> bool:
        view = self.view
        if view.deps(v, "nsubj:pass", "aux:pass", "expl:pass"):
            return True
        return "VerbForm=Part" in self.doc.tokens[v].feats and any(
            self._lemma(a) in _PASSIVE_AUX for a in view.children(v, "aux")
        )

    def _prep(self, k: int) -> str | None:
        """The preposition of an oblique dependent k."""
        cases = self.view.children(k, "case")
        return self._lemma(cases[0]) if cases else None

    def subject(self, v: int, depth: int = 0) -> int | None:
        """Token heading the (logical) subject of verb v."""
        view = self.view
        subj = [s for s in view.deps(v, "nsubj") if self.rel(s) != "nsubj:pass"]
        if subj:
            s = subj[0]
            if self._lemma(s) in _REL_PRONOUNS and view.rel(v) == "acl:relcl":
                h = view.head(v)
                return h if h is not None else s
            return s
        if depth > 4:
            return None
        h = view.head(v)
        if h is None:
            return None
        rel = view.rel(v)
        if rel == "acl:relcl":
            return h
        if rel.split(":")[0] in ("xcomp", "conj"):
            return self.subject(h, depth + 1) if not self.passive(h) else self.agent(h)
        return None

    def agent(self, v: int) -> int | None:
        for k in self.view.deps(v, "obl", "nmod"):
            if self.roles.get(self._prep(k) or "") == "agent":
                return k
        return None

    def objects(self, v: int) -> list[int]:
        """Candidate targets of active verb v, best first."""
        view = self.view
        # a second subject is a parser slip for an indirect object ("heeft [Poetin] [Lukashenko] ... toegezegd")
        extra_subj = [k for k in view.deps(v, "nsubj") if self.rel(k) == "nsubj"][1:]
        out = view.deps(v, "iobj") + view.deps(v, "obj") + extra_subj
        for k in view.deps(v, "obl"):
            if self.roles.get(self._prep(k) or "") == "target":
                out.append(k)
        h = view.head(v)
        if not out and h is not None and view.rel(v) == "xcomp":
            # a causative or control verb may carry the object: "liet [tientallen Russen] oppakken"
            out = view.children(h, "obj") + view.children(h, "iobj")
        return out

    def tree(self, v: int, theme: frozenset[int] = frozenset()) -> tuple[Argument | None, Argument | None]:
        view = self.view
        if self.passive(v):
            subj = view.deps(v, "nsubj:pass") or view.deps(v, "nsubj") or view.deps(v, "obj")
            agent = self.agent(v)
            src = argument(self.doc, view, agent) if agent is not None else None
            tgt = argument(self.doc, view, subj[0]) if subj else None
            if tgt is None and view.rel(v) == "acl:relcl" and view.head(v) is not None:
                tgt = argument(self.doc, view, view.head(v))
            return src, tgt
        s = self.subject(v)
        src = argument(self.doc, view, s) if s is not None else None
        tgt = None
        # a phrase holding the word the lexicon frame matched is what is acted with ("stuurde
        # [troepen] naar Belarus"), not the one acted on
        cands = [k for k in self.objects(v) if not theme & set(view.subtree(k, _PHRASE_STOP))]
        args = []
        for k in cands:
            if self._lemma(k) in _RECIPROCAL:
                args.append(src)
                continue
            args.append(argument(self.doc, view, k))
        with_actor = [a for a in args if has_actor(a)]
        if with_actor:
            tgt = with_actor[0]
        elif args:
            tgt = args[0]
        if not has_actor(tgt) and s is not None:
            # coordinated subjects act on each other: "Poetin en Lukashenko spraken"
            conj = view.children(s, "conj")
            if conj:
                tgt = argument(self.doc, view, conj[0])
        return src, tgt

    # ---------------------------------------------------------------- word order
    def named(self, v: int, theme: frozenset[int]) -> list[Argument]:
        """Actors named in v's word-order clause, in order, each once; places and themes left out."""
        doc, view = self.doc, self.view
        out: list[Argument] = []
        clause = view.flat_clause(v)
        for k in clause:
            t = doc.tokens[k]
            if k == v or k in theme or not t.text[:1].isalpha():
                continue
            if t.upos and t.upos not in _NOMINAL and not t.text[:1].isupper():
                continue
            if k > view.lo and doc.tokens[k - 1].text.lower() in self.places:
                continue  # "in Minsk" is where, not who
            a = actors.for_span(doc, t.start, t.end) if not t.upos else actors.for_token(doc, k, t.start, t.end)
            if not has_actor(a) or any(same(a, b) for b in out):
                continue
            if out and out[-1].end is not None and a.start is not None and a.start < out[-1].end:
                continue
            out.append(a)
        return out

    def passive_flat(self, v: int) -> bool:
        return any(self._lemma(k) in _PASSIVE_AUX for k in self.view.flat_clause(v) if k != v)

    def __call__(self, v: int, clause: list[int], theme: frozenset[int] = frozenset()) -> tuple[Argument | None, Argument | None]:
        src, tgt = self.tree(v, theme) if self.view.parsed else (None, None)
        if has_actor(src) and has_actor(tgt):
            return src, tgt
        named = self.named(v, theme)
        passive = self.passive(v) if self.view.parsed else self.passive_flat(v)
        if passive:
            if not has_actor(tgt):
                tgt = next((a for a in named if not same(a, src)), tgt)
            return src, tgt
        if not has_actor(src):
            src = next((a for a in named if not same(a, tgt)), src)
        if not has_actor(tgt):
            tgt = next((a for a in named if not same(a, src)), tgt)
        return src, tgt
