"""Event nouns and the verbs around them: whose event a noun inside a clause reports ("na de aanval op
een ziekenhuis"), what a support verb's subject does ("Trump gaat vol voor een aanval op China"), who
undergoes a received event ("X kreeg kritiek van Y"), who did a condemned deed, and whom a demand asks.

Mixed into kroniek.events.arguments.Arguments, whose view, roles, subjects and places these rules use."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kroniek.doc import Argument
from kroniek.events.phrases import argument, has_actor, phrase, same

if TYPE_CHECKING:
    from kroniek.events.arguments import Arguments

REL_PRONOUNS = frozenset({"die", "dat", "wie", "welke", "wat"})


class NominalRules:
    """Argument rules for event nouns, received events, deeds and demands (see the module docstring)."""

    def _phrase_event(self: Arguments, n: int) -> bool:
        """Whether token n is an event noun inside a phrase of its clause ("na [de aanval op een
        ziekenhuis]", "[De aanval van Rusland] kostte ...", "veroordeelde [de luchtaanvallen op Gaza]"),
        whose own phrase may name its parties; a headline noun is a clause of its own."""
        view = self.view
        if self.doc.tokens[n].upos != "NOUN":
            return False
        k, seen = n, set()
        while view.rel(k).split(":")[0] == "conj" and k not in seen:  # a conjunct stands where the first one does
            seen.add(k)
            h = view.head(k)
            if h is None:
                break
            k = h
        return view.rel(k).split(":")[0] in ("nsubj", "obj", "obl", "nmod", "appos")

    def _supported(self: Arguments, n: int) -> bool:
        """Whether event noun n is the object or a prepositional phrase of an active verb that reports
        no event of its own: not "veroordeelde [de luchtaanvallen op Gaza]", and not a phrase about
        another event ("[na] demonstraties tegen H&M sloot de keten ...")."""
        view = self.view
        h = view.head(n)
        if h is None or h in self.event_tokens or self.doc.tokens[h].upos not in ("VERB", "AUX") or self.passive(h):
            return False
        rel = view.rel(n).split(":")[0]
        return rel == "obj" or (rel == "obl" and self.roles.get(self._prep(n) or "") != "other_event")

    def noun_sides(self: Arguments, n: int, frame: frozenset[int] = frozenset()) -> tuple[Argument | None, Argument | None]:
        """Source and target of the event noun n from its own phrase: a possessor or "door" is the
        doer, a target preposition, or the preposition of the noun's lexicon frame (tokens `frame`:
        "op bezoek [bij] zijn Franse collega"), the one acted on ("de aanval op Kyiv", "sancties tegen
        Rusland"), "van" the doer where a target is named too. The caller falls back on the clause when
        neither side names an actor: "legt Rusland [sancties] op" has its parties in the verb's clause."""
        view, doc = self.view, self.doc
        src: Argument | None = None
        tgt: Argument | None = None
        of: int | None = None
        for k in view.children(n, "nmod", "obl"):
            role = "agent" if view.rel(k) == "nmod:poss" else self.roles.get(self._prep(k) or "")
            if set(view.children(k, "case")) & frame or self._at_someone(k):
                role = "target"  # the frame's preposition; "een bezoek [bij Macron]"
            if role == "agent" and src is None:
                src = argument(doc, view, k)
            elif role in ("target", "noun_target") and tgt is None:
                tgt = argument(doc, view, k)
                tgt = tgt if has_actor(tgt) else self._placed(k, tgt)
            elif role == "of" and of is None:
                of = k
        if src is None and of is not None and tgt is not None:
            src = argument(doc, view, of)
        return src, tgt

    def received(self: Arguments, v: int, nouns: frozenset[int]) -> tuple[Argument | None, Argument | None]:
        """Sides of "X kreeg kritiek van Y", "Oekraïne krijgt steun van de EU": Y acts on X. The target is
        the subject of verb v, the source the "van" or "door" phrase on v or on its object nouns, else
        the next actor the clause names."""
        view = self.view
        s = self.subject(v)
        tgt = argument(self.doc, view, s) if s is not None else None
        src = None
        for k in [*view.deps(v, "obl"), *(c for n in sorted(nouns) for c in view.children(n, "nmod"))]:
            if self.roles.get(self._prep(k) or "") in ("of", "agent") and not self._amount(k):
                src = argument(self.doc, view, k)
                break
        if not has_actor(src):
            src = next((a for a in self.named(v, nouns, False) if not same(a, tgt)), src)
        return src, tgt

    def asked(self: Arguments, v: int) -> Argument | None:
        """The subject of the clause that demand or request v asks for: "Brussel eist dat [Hongarije]
        de rechtsstaat herstelt", "vroeg dat [het kabinet] opheldering geeft"; a pronoun or an expletive
        ("dat er ...", "dat het ...") names no one."""
        for c in self.view.children(v, "ccomp"):
            subj = [k for k in self._subjects(c) if self.view.rel(k) == "nsubj"]
            if subj and self.doc.tokens[subj[0]].upos != "PRON":
                a = argument(self.doc, self.view, subj[0])
                return a if has_actor(a) else None
        return None

    def _doer(self: Arguments, deed: frozenset[int]) -> Argument | None:
        """Who did (or is to do) the deed a condemnation or demand names: "veroordeelt [de aanval van
        Rusland]", "de Russische inval in Oekraïne" (Russia; Ukraine is where), "eist het ontslag van
        [minister X]"."""
        for t in sorted(deed):
            src, _ = self.noun_sides(t)
            if has_actor(src):
                return src
            # "van" names the doer of a deed even without a target: "het ontslag van minister X"
            of = next((k for k in self.view.children(t, "nmod", "obl")
                       if self.roles.get(self._prep(k) or "") == "of"), None)
            if of is not None and has_actor(a := argument(self.doc, self.view, of)):
                return a
            own = argument(self.doc, self.view, t)
            if has_actor(own) and self._own_country(own):
                return own
        return None

    def _owner(self: Arguments, n: int) -> Argument | None:
        """Whose noun n is: "van X", or the subject of a relative clause on it ("het standpunt dat [de
        Britse regering] heeft ingenomen")."""
        view = self.view
        for k in view.children(n, "nmod"):
            if self.roles.get(self._prep(k) or "") == "of":
                return argument(self.doc, view, k)
        for c in view.children(n, "acl"):  # acl:relcl, or acl where the parser took "dat" for a conjunction
            subj = [k for k in self._subjects(c) if view.lemma(k) not in REL_PRONOUNS]
            if subj and not view.deps(c, "obj"):  # the noun is the clause's object: a relative clause
                return argument(self.doc, view, subj[0])
        return None

    def _amount(self: Arguments, k: int) -> bool:
        """Whether the phrase at token k is a quantity ("een boete [van 300.000 euro]"), not an actor."""
        start, end = phrase(self.view, k)
        return any(q.start < end and start < q.end for q in self.doc.quantities)
