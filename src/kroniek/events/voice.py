"""Voice: whether an event verb is passive, so that its subject is the one acted on.

A passive has "worden" (or its participle and a passive subject); the perfect with "hebben" never is, nor the
perfect of a verb that takes "zijn" ("Drie soldaten zijn gesneuveld"), nor a perfect with "zijn" and an object
(Flemish "is een onderzoek gestart"). A headline drops the auxiliary: its bare participle ("Verdachte opgepakt")
is a passive unless the verb forms the perfect with "zijn" ("Minister afgetreden"); so is a participle on a
noun ("Twee Palestijnen gedood", "de door Rusland gesteunde rebellen"), and a participle coordinated with a
passive one ("werd ontvoerd en gedood").
"""
from __future__ import annotations

from collections.abc import Callable

from kroniek.doc import Document
from kroniek.events.lexicon import perfect_zijn
from kroniek.events.syntax import SentenceView

_PASSIVE_AUX = frozenset({"worden"})
_ACTIVE_AUX = frozenset({"hebben"})  # the perfect with "hebben" is always active; Dutch has no passive with it
_ZIJN = "zijn"  # the auxiliary of both the passive perfect and the perfect of the "zijn" verbs
# verbs of a lasting state whose participle complement is a passive: "zit opgesloten", "blijft opgesloten"
_STATIVE = frozenset({"zitten", "liggen", "blijven"})
MAIN_CLAUSE = frozenset({"root", "conj", "parataxis"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def participle_form(word: str, lemma: str) -> bool:
    """Whether `word` is built as the participle of infinitive `lemma`: "ge" after the separable part,
    the stem after it (neergestoken of neersteken, gearresteerd of arresteren), when the tagger called it
    finite."""
    if not word.endswith(("en", "d", "t")) or len(word) < 6:
        return False
    for k in range(0, min(len(word) - 4, 6)):
        if word[k : k + 2] == "ge" and lemma.startswith(word[:k]) and word[k + 2 : k + 4] == lemma[k : k + 2]:
            return True
    return False


class Voice:
    """Voice of the verbs of one sentence; `has_agent(v)`: whether verb v has a "door ..." agent."""

    def __init__(self, doc: Document, view: SentenceView, has_agent: Callable[[int], bool],
                 zijn_verbs: frozenset[str] | None = None):
        self.doc = doc
        self.view = view
        self.has_agent = has_agent
        self.zijn_verbs = perfect_zijn() if zijn_verbs is None else zijn_verbs

    def passive(self, v: int) -> bool:
        view = self.view
        auxes = {self.view.lemma(a) for a in view.children(v, "aux", "cop")}
        if auxes & _ACTIVE_AUX and not auxes & _PASSIVE_AUX:
            # "Hamas en Fatah hebben een akkoord bereikt" with the object taken for a passive subject
            return False
        if self._zijn_perfect(v, auxes):
            return False
        if _ZIJN in auxes and not auxes & _PASSIVE_AUX and view.deps(v, "obj") and not view.deps(v, "nsubj:pass"):
            # a passive has no object: "Het Vaticaan is een onderzoek gestart" (Flemish perfect with zijn)
            return False
        if view.deps(v, "nsubj:pass", "aux:pass", "expl:pass"):
            return True
        if not self.participle(v):
            return False
        # "werd ... betoogd" with worden as the copula is a parser slip for the passive auxiliary
        if auxes & _PASSIVE_AUX:
            return True
        h = view.head(v)
        if view.rel(v) == "xcomp" and h is not None and view.lemma(h) in _STATIVE:
            return True  # "[X] zit opgesloten": X is the one locked up
        return (self._headline(v) or self.reduced_relative(v) or self.shares_passive(v)
                or self._participle_clause(v))

    def _participle_clause(self, v: int) -> bool:
        """A participle clause with an agent and no object: ", gevangengenomen door de Amerikaanse troepen"."""
        view = self.view
        return view.rel(v) == "advcl" and self.has_agent(v) and not view.children(v, "aux", "cop", "obj", "nsubj")

    def _zijn_perfect(self, v: int, auxes: set[str]) -> bool:
        """The perfect of a "zijn" verb, which the parser may take for a passive: "Drie soldaten zijn
        gesneuveld". With an agent it is one after all ("is geraakt door een kogel")."""
        view = self.view
        return (_ZIJN in auxes and not auxes & _PASSIVE_AUX and self.view.verb_lemma(v) in self.zijn_verbs
                and any(self.view.rel(k) == "nsubj" for k in view.deps(v, "nsubj"))
                and not view.deps(v, "nsubj:pass", "expl:pass") and not self.has_agent(v))

    def _bare_participle(self, v: int) -> bool:
        """A participle heading a main clause on its own: no auxiliary, copula or object."""
        view = self.view
        t = self.doc.tokens[v]
        # no participle ends in -e: "stemde" tagged as one is the past tense
        return (t.upos == "VERB" and self.participle(v) and not t.text.lower().endswith("e")
                and view.rel(v).split(":")[0] in MAIN_CLAUSE and not view.children(v, "aux", "cop", "obj"))

    def _headline(self, v: int) -> bool:
        """A headline's bare participle is a passive ("Twee verdachten aangehouden na schietpartij"),
        unless its verb forms the perfect with "zijn" ("Poetin vertrokken naar Minsk")."""
        if not self._bare_participle(v) or self.view.verb_lemma(v) in self.zijn_verbs:
            return False
        view = self.view
        seen = {v}
        k = v
        # a coordinated or juxtaposed verb must hang on a main clause; a conjunct shares its head's
        # auxiliary ("heeft Poetin ontmoet en [bedankt]" is active), so that head must have none
        while view.rel(k) != "root":
            h = view.head(k)
            if h is None or h in seen or view.rel(k).split(":")[0] not in MAIN_CLAUSE:
                return False
            if view.rel(k).split(":")[0] == "conj" and view.children(h, "aux", "cop"):
                return False
            seen.add(h)
            k = h
        return True

    def reduced_relative(self, v: int) -> bool:
        """A participle on a noun without an auxiliary is a passive: "[Twee Palestijnen] gedood in
        Gaza", "de [gearresteerde] betogers", "de door Rusland [gesteunde] rebellen"."""
        view, t = self.view, self.doc.tokens[v]
        h = view.head(v)
        return (t.upos in ("VERB", "ADJ") and "VerbForm=Part" in t.feats and h is not None
                and view.rel(v).split(":")[0] in ("acl", "nmod", "amod") and view.rel(v) != "acl:relcl"
                and self.doc.tokens[h].upos in NOMINAL and not view.children(v, "aux", "cop", "nsubj"))

    def shares_passive(self, v: int) -> bool:
        """A participle coordinated with a passive one shares its auxiliary: "werd ontvoerd en [gedood]"."""
        h = self.view.head(v)
        return (self.view.rel(v) == "conj" and h is not None and not self.view.children(v, "nsubj", "aux")
                and self.passive(h))

    def participle(self, v: int) -> bool:
        t = self.doc.tokens[v]
        return "VerbForm=Part" in t.feats or participle_form(t.text.lower(), self.view.lemma(v).replace("_", ""))

    def flat(self, v: int) -> bool:
        """Passive by word order alone (no parse): a form of "worden" in the clause."""
        return any(self.view.lemma(k) in _PASSIVE_AUX for k in self.view.flat_clause(v) if k != v)
