"""Source and target of an event, from the dependency tree with word order as a safety net.

With a parse: the subject is the source and the object, indirect object or a prepositional object
the target; in the passive the subject is the target and the agent ("door ...") the source. A verb
without its own subject borrows one: from the verb that controls it or lets it happen ("liet
oppakken", "beloofde ... te blijven"), from the first verb of a coordination, or from the noun a
relative clause hangs on. Whether the verb is passive is kroniek.events.voice's to say.
An event between equals takes its parties from "tussen A en B" when the tree names neither.

Parsers slip, and a slipped tree can hide the actors. So when the tree gives no actor for a side,
the named actors of the clause are taken in word order: the first is the source, the next one that
differs the target (in the passive: the first is the target).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kroniek.doc import Argument, Document, Token
from kroniek.entities.lexicon import pronouns, role_of
from kroniek.events import actors
from kroniek.events.lexicon import PLACE_ROLES, causative, object_control
from kroniek.events.nominal import REL_PRONOUNS, NominalRules
from kroniek.events.pairs import pair_kind, resolve_pair
from kroniek.events.phrases import argument, entity, entity_at, entity_tokens, has_actor, phrase, same, within
from kroniek.events.syntax import CLAUSE_RELS, SentenceView
from kroniek.events.voice import MAIN_CLAUSE, NOMINAL, Voice

if TYPE_CHECKING:
    from kroniek.events.triggers import Match

_RECIPROCAL = frozenset({"elkaar", "mekaar"})
_NAME_RELS = frozenset({"flat", "appos", "conj"})


_CHUNK_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_COORD = frozenset({",", "en", "én", "of"})


def chunks(doc: Document, clause: list[int]) -> list[tuple[int, int, int]]:
    """Noun phrases by word order: (first token, last token, head token) runs of determiners,
    adjectives, nouns and names, split where a new determiner follows a noun and where one named
    entity ends and another begins ("bedankte Lukashenko Poetin"). Without tags: the entity mentions."""
    toks = doc.tokens
    ent_at = entity_tokens(doc)
    out: list[tuple[int, int, int]] = []
    if not any(toks[k].upos for k in clause):
        for k in clause:
            if k in ent_at and (not out or ent_at.get(out[-1][1]) != ent_at[k] or out[-1][1] != k - 1):
                out.append((k, k, k))
            elif k in ent_at:
                a, _, h = out[-1]
                out[-1] = (a, k, h)
        return out
    cur: list[int] = []

    def close() -> None:
        if cur and any(nounish(toks[k]) for k in cur):
            head = next(k for k in reversed(cur) if nounish(toks[k]))
            out.append((cur[0], cur[-1], head))
        cur.clear()

    def nounish(t: Token) -> bool:
        # a "verb" whose lemma is no infinitive is a noun the tagger missed ("demonstranten"); so is a capitalised
        # name the tagger took for a word ("IS" for "is")
        return (t.upos in ("NOUN", "PROPN") or (t.upos == "VERB" and bool(t.lemma) and not t.lemma.endswith("n"))
                or (t.i in ent_at and t.upos != "ADJ" and t.text[:1].isupper()))

    for k in clause:
        t = toks[k]
        if t.upos == "PRON":
            close()
            out.append((k, k, k))
            continue
        if (t.upos not in _CHUNK_TAGS and not nounish(t)) or not t.text[:1].isalnum():
            close()
            continue
        if cur:
            prev = cur[-1]
            new_np = t.upos == "DET" and any(nounish(toks[j]) for j in cur)
            new_ent = k in ent_at and prev in ent_at and ent_at[prev] != ent_at[k]
            # a name and then a common noun are two phrases ("Moskou parachutisten", "Lukashenko's plannen")
            new_ent = new_ent or (prev in ent_at and k not in ent_at and toks[prev].upos == "PROPN")
            if new_np or new_ent:
                close()
        cur.append(k)
    close()
    return out


def _subject_pronoun(text: str) -> bool:
    p = pronouns().get(text.lower())
    return p is not None and p.case == "subj"


class Arguments(NominalRules):
    """Argument finder for one sentence; `prep_roles` maps prepositions to their roles (event_roles.tsv),
    `matches` are the sentence's lexicon triggers."""

    def __init__(self, doc: Document, view: SentenceView, prep_roles: dict[str, str],
                 pair_words: dict[str, str] | None = None, source_preps: frozenset[str] = frozenset(),
                 zijn_verbs: frozenset[str] | None = None, matches: Sequence[Match] = ()):
        self.doc = doc
        self.view = view
        self.roles = prep_roles
        self.pair_words = pair_words or {}
        self.places = frozenset(p for p, r in prep_roles.items() if r in PLACE_ROLES)
        # "volgens X" attributes the news to X, "over X" is what it is about: X is no party either way
        self.no_party = source_preps | frozenset(p for p, r in prep_roles.items() if r == "topic")
        self.voice = Voice(doc, view, lambda v: self.agent(v) is not None, zijn_verbs)
        # the sentence's event triggers: a verb among them is no support verb; those matched by a
        # "received" frame have a subject that undergoes their object noun (kreeg kritiek); the words of
        # "deed" frames are events of their own doers
        self.event_tokens = frozenset(m.token for m in matches)
        self.received_verbs = frozenset(m.token for m in matches if m.entry.frame.kind == "received")
        self.deeds = frozenset(k for m in matches if m.entry.frame.kind == "deed" for k in m.frame_tokens)

    # ---------------------------------------------------------------- tree
    def passive(self, v: int) -> bool:
        return self.voice.passive(v)

    def _fronted_subject(self, v: int, s: int | None, theme: frozenset[int]) -> int | None:
        """The actor opening the sentence right before its verb, where the parser made the actor after
        the verb the subject ("Rusland viel Oekraïne aan" with Oekraïne as subject). Dutch allows a
        fronted object, but between two actors news writes subject first; a fronted pronoun ("Dat
        zei Poetin", "Hem steunt ze") or a phrase with a preposition is no subject."""
        view, toks = self.view, self.doc.tokens
        if s is None or s < v or view.rel(v).split(":")[0] not in MAIN_CLAUSE or view.children(v, "aux"):
            return None
        for p in view.deps(v, "obj", "advmod", "obl"):
            if p > v or p in theme or toks[p].upos not in ("NOUN", "PROPN") or view.children(p, "case"):
                continue
            start, end = phrase(view, p)
            first = next((k for k in range(view.lo, v) if toks[k].start == start), None)
            # the sentence's start, or a clause's after a colon: "Het blijft opvallend: [Rusland] bombardeert"
            opens = first is not None and (first == view.lo or toks[first - 1].text in (":", ";"))
            if not opens or end != toks[v - 1].end:
                continue
            if has_actor(argument(self.doc, view, p)) and has_actor(argument(self.doc, view, s)):
                return p
        return None

    def _placed(self, k: int, arg: Argument, among: frozenset[int] | None = None) -> Argument:
        """`arg` (the phrase at token k, no named entity in its core) in the country of a place its
        phrase names after *in/te/bij*: a role keeps its role ("politie in Minsk" -> BLRCOP). With
        `among`, only those dependents of k are looked at."""
        place = self._place_in(k, among)
        if place is None or self._own_country(arg):
            return arg
        role = arg.actor[3:] if arg.actor else ""
        return Argument(text=arg.text, start=arg.start, end=arg.end, entity=None, actor=(place.actor or "") + role)

    def _own_country(self, arg: Argument) -> bool:
        """Whether the phrase itself names its country ("de Russische inval", "Israëlische militairen"):
        then a place after it is where, not whose ("de Russische inval in Oekraïne")."""
        if arg.start is None or arg.end is None:
            return False
        return any((e := entity_at(self.doc, t.i)) is not None and bool(e.country or e.actor)
                   for t in self.doc.tokens_in(arg.start, arg.end))

    def _place_in(self, k: int, among: frozenset[int] | None = None) -> Argument | None:
        """The first country-coded place after *in/te/bij* in the phrase or clause of token k (or among
        the tokens `among`)."""
        view = self.view
        for j in (sorted(among) if among is not None else view.subtree(k, CLAUSE_RELS)):
            if j != k and self.view.rel(j).split(":")[0] in ("nmod", "obl") and self._prep(j) in self.places:
                a = argument(self.doc, view, j)
                if a.actor and len(a.actor) == 3:
                    return a
        return None

    def _het_before_plural(self, s: int | None, v: int) -> int | None:
        """"het" the parser made the article of a plural subject noun: no article "het" goes with a plural,
        so it is the subject pronoun and the noun the object ("dat [het] troepen samentrekt"). So with a
        country's name where verb v has no object: "ontkent dat [het] Rusland heeft aangevallen" (but
        "Het Vaticaan is een onderzoek gestart")."""
        if s is None or not ("Number=Plur" in self.doc.tokens[s].feats
                             or (self._country_name(s) and not self.view.deps(v, "obj"))):
            return None
        return next((d for d in self.view.children(s, "det") if d == s - 1 and self.view.lemma(d) == "het"), None)

    def _country_name(self, k: int) -> bool:
        e = entity_at(self.doc, k)
        return (self.doc.tokens[k].upos == "PROPN" and e is not None and e.type == "LOC" and bool(e.actor)
                and len(e.actor or "") == 3 and e.actor == e.country)

    def _subjects(self, v: int) -> list[int]:
        """The subjects of verb v; a number right before a subject noun is its count, not a second
        subject ("[Duizenden] [mensen] demonstreerden", both tagged nsubj)."""
        subj = self.view.deps(v, "nsubj")
        toks = self.doc.tokens
        return [k for k in subj if not (toks[k].upos == "NUM" and k + 1 in subj)]

    def _bracketed(self, k: int) -> bool:
        """Whether the phrase at token k opens right after a bracket: an aside (a party, an age)."""
        start = self.doc.token_at(phrase(self.view, k)[0])
        i = start.i if start is not None else k
        return i > self.view.lo and self.doc.tokens[i - 1].text == "("

    def _prep(self, k: int) -> str | None:
        """The preposition of an oblique dependent k."""
        cases = self.view.children(k, "case")
        return self.view.lemma(cases[0]) if cases else None

    def subject(self, v: int, depth: int = 0) -> int | None:
        """Token heading the (logical) subject of verb v."""
        view = self.view
        subj = [s for s in self._subjects(v) if self.view.rel(s) != "nsubj:pass" and s != self._causee(v)]
        if subj:
            s = subj[0]
            if self.view.lemma(s) in REL_PRONOUNS and view.rel(v) == "acl:relcl":
                h = view.head(v)
                return h if h is not None else s
            return s
        if depth > 4:
            return None
        h = view.head(v)
        if h is None:
            return None
        rel = view.rel(v)
        if rel == "acl:relcl" and self.doc.tokens[h].upos in NOMINAL | {""}:
            return h
        controller = self._object_controller(v, h)
        if controller is not None:
            return controller
        # the subject of an infinitive is its main clause's: "Trump is bereid [om] de schuld kwijt te schelden"
        if rel.split(":")[0] in ("xcomp", "conj") or self._infinitival(v):
            return self.subject(h, depth + 1) if not self.passive(h) else self.agent(h)
        return None

    def _causee(self, v: int) -> int | None:
        """The subject the parser gave the infinitive v of a causative verb with a subject of its own: the
        infinitive's object ("Poetin liet [Navalni] oppakken")."""
        view = self.view
        h = view.head(v)
        if h is None or view.rel(v) != "xcomp" or view.deps(v, "obj") or view.verb_lemma(h) not in causative():
            return None
        own = [k for k in self._subjects(v) if view.rel(k) == "nsubj"]
        return own[0] if own and self._subjects(h) else None

    def _object_controller(self, v: int, h: int) -> int | None:
        """The object of an object-control verb h whose infinitive complement v is: "riep [Londen] op
        zich te verontschuldigen"."""
        view = self.view
        if not (view.rel(v) == "xcomp" or self._infinitival(v)) or view.verb_lemma(h) not in object_control():
            return None
        objs = [k for k in view.deps(h, "iobj", "obj") if k != v]
        return objs[0] if objs else None

    def _infinitival(self, v: int) -> bool:
        """Whether v heads an om/te-infinitive the parser hung as a clause ("ccomp", "advcl")."""
        view = self.view
        return view.rel(v).split(":")[0] in ("ccomp", "advcl") and any(
            view.lemma(m) in ("te", "om") for m in view.children(v, "mark"))

    def agent(self, v: int) -> int | None:
        for k in self.view.deps(v, "obl", "nmod"):
            if self.roles.get(self._prep(k) or "") == "agent":
                return k
        return None

    def objects(self, v: int) -> list[int]:
        """Candidate targets of active verb v, best first."""
        view = self.view
        # a second subject is a parser slip for an indirect object ("heeft [Poetin] [Lukashenko] ... toegezegd")
        extra_subj = [k for k in self._subjects(v) if self.view.rel(k) == "nsubj"][1:]
        causee = self._causee(v)
        out = view.deps(v, "iobj") + view.deps(v, "obj") + extra_subj + ([causee] if causee is not None else [])
        for k in view.deps(v, "obl"):
            if self.roles.get(self._prep(k) or "") == "target" or self._at_someone(k):
                out.append(k)
        out = [k for k in out if not self._bracketed(k)]
        h = view.head(v)
        if not out and h is not None and view.rel(v) == "xcomp" and self._object_controller(v, h) is None:
            # a causative or control verb may carry the object: "liet [tientallen Russen] oppakken" (but
            # the object of "vroeg Rusland [...] terug te trekken" is who would act)
            out = view.children(h, "obj") + view.children(h, "iobj")
        return out

    def _at_someone(self, k: int) -> bool:
        """Whether the phrase at token k is a place preposition's person or organisation, not a place:
        "op bezoek [bij zijn Franse collega]", "klaagde [bij de ambassade]" (but "[bij Charkiv]")."""
        if self.roles.get(self._prep(k) or "") != "host":
            return False
        t = self.doc.tokens[k]
        if role_of(t.text, t.lemma) is not None:
            return True  # "bij de premier", "bij de politie"
        e = entity(self.doc, argument(self.doc, self.view, k).entity)
        # a seat of power is a building there: "bij het Witte Huis" is where
        return e is not None and e.type in ("PER", "ORG") and not (e.kb or "").startswith("seat:")

    def tree(self, v: int, theme: frozenset[int] = frozenset(), symmetric: bool = False,
             deed: bool = False) -> tuple[Argument | None, Argument | None]:
        view = self.view
        if self.passive(v):
            subj = view.deps(v, "nsubj:pass") or view.deps(v, "nsubj") or view.deps(v, "obj")
            agent = self.agent(v)
            if not subj and self.voice.shares_passive(v):
                # ... and its subject and agent ("De journalist werd ontvoerd en gedood door rebellen")
                h = view.head(v)
                assert h is not None
                src, tgt = self.tree(h, theme)
                return (argument(self.doc, view, agent) if agent is not None else src), tgt
            src = argument(self.doc, view, agent) if agent is not None else None
            tgt = argument(self.doc, view, subj[0]) if subj else None
            if tgt is None and (view.rel(v) == "acl:relcl" or self.voice.reduced_relative(v)) and view.head(v) is not None:
                tgt = argument(self.doc, view, view.head(v))
            h = view.head(v)
            if tgt is None and view.rel(v) in ("advcl", "xcomp") and h is not None and self.doc.tokens[h].upos in ("VERB", "AUX"):
                # a participle clause or complement is about the main clause's subject: "[X] zit opgesloten
                # in een kamp, gevangengenomen door de Amerikaanse troepen"
                hs = self.subject(h)
                tgt = argument(self.doc, view, hs) if hs is not None else None
            if tgt is None:
                # an impersonal passive has no subject: "er werd betoogd [tegen de regering]"
                tgt = next((argument(self.doc, view, k) for k in view.deps(v, "obl")
                            if self.roles.get(self._prep(k) or "") == "target"), None)
            return src, tgt
        s = self.subject(v)
        pronoun = self._het_before_plural(s, v)
        moved = None
        if pronoun is not None:
            s, moved = pronoun, s  # the noun is the object
        if s is not None and s in theme:
            s = None  # "troepen" is what is sent, never who sends
        fronted = self._fronted_subject(v, s, theme)
        if fronted is not None:
            assert s is not None
            return argument(self.doc, view, fronted), argument(self.doc, view, s)
        objs = [k for k in view.deps(v, "obj") if k not in theme]
        if s is None and objs and view.rel(v).split(":")[0] not in ("xcomp", "acl", "advcl"):
            # an active clause without a subject is a parser slip: after an inverted verb ("gingen
            # demonstranten ... de straat op") the subject is easily taken for the object
            s = objs[0]
            theme = theme | {s}
        src = argument(self.doc, view, s) if s is not None else None
        if src is not None and s is not None and src.entity is None and has_actor(src):
            src = self._placed(s, src, frozenset(view.children(s, "nmod")))  # "de rechtbank [in Den Haag]"
        tgt = None
        # a phrase holding the word the lexicon frame matched is what is acted with ("stuurde
        # [troepen] naar Belarus"), not the one acted on
        # "zich" of a reflexive verb (zich verontschuldigen, zich verdedigen) is no one acted on
        cands = [k for k in ([moved] if moved is not None else []) + self.objects(v)
                 if k not in theme and self.view.lemma(k) != "zich"]
        # the phrase of a preposition the lexicon frame names is acted on: "reed in [op het parlement]"
        cands += [k for k in view.deps(v, "obl") if k not in cands and set(view.children(k, "case")) & theme]
        args = []
        for k in cands:
            if self.view.lemma(k) in _RECIPROCAL:
                # "Moon en Kim ontmoeten elkaar": each other is the other of the coordinated subjects
                conj = view.children(s, "conj") if s is not None else []
                args.append(argument(self.doc, view, conj[0]) if conj else src)
                continue
            args.append(argument(self.doc, view, k))
        with_actor = [k for k, a in zip(cands, args, strict=True) if has_actor(a)]
        chosen = with_actor[0] if with_actor else cands[0] if cands else None
        if chosen is not None:
            tgt = args[cands.index(chosen)]
        if chosen is not None and tgt is not None and tgt is not src and tgt.entity is None:
            # what is acted on lies in the country its phrase names ("doelen in Syrië", "betogers in
            # Minsk"), whatever country the text named last
            tgt = self._placed(chosen, tgt)
            if not tgt.actor:
                # ... or where the event happens, when nothing else says whose it is: "Rusland beschoot
                # dorpen [bij Charkiv]"
                tgt = self._placed(v, tgt, frozenset(k for k in view.deps(v) if k not in cands))
        if tgt is None and deed:
            tgt = self._doer(theme)
        if tgt is None and theme and not deed:
            # what is acted with may name whom it goes to or whose it is: "beperkt [de export naar
            # Noord-Korea]", "had [een ontmoeting met zijn Chinese ambtgenoot]", "verwelkomt [het standpunt
            # dat de Britse regering heeft ingenomen]"
            tgt = next((o for t in sorted(theme) if has_actor(o := self.noun_sides(t)[1]) or has_actor(o := self._owner(t))), None)
        if tgt is None and theme and not symmetric and not deed:
            # what is acted with stands in the country acted on: "riep zijn ambassadeur [in Italië]
            # terug", "sloot de ambassade [in Kabul]" (but a meeting's place is no party to it)
            tgt = next((a for t in (*sorted(theme), v) if (a := self._place_in(t)) is not None), None)
        if symmetric and not has_actor(tgt) and s is not None:
            # coordinated subjects of a meeting or an agreement act on each other: "Poetin en Lukashenko spraken"
            # ... also when the names stand in apposition: "de organisaties Hamas en Fatah"
            conj = view.children(s, "conj") or [c for a in view.children(s, "appos") for c in view.children(a, "conj")]
            if conj:
                tgt = argument(self.doc, view, conj[0])
        return src, tgt

    # ---------------------------------------------------------------- word order
    def between(self, v: int) -> tuple[Argument, Argument] | None:
        """The parties named by "tussen A en B" on verb v or on its subject or object noun:
        "akkoord bereikt [tussen de EU en het VK]", "het overleg [tussen Poetin en Loekasjenko]"."""
        view = self.view
        for h in [v, *view.deps(v, "nsubj", "obj")]:
            for k in view.children(h, "obl", "nmod"):
                if self.roles.get(self._prep(k) or "") != "pair":
                    continue
                conj = view.children(k, "conj")
                if conj:
                    a, b = argument(self.doc, view, k), argument(self.doc, view, conj[0])
                    # one side may be a name the knowledge base lacks: it is still the other party
                    if (has_actor(a) or has_actor(b)) and not same(a, b):
                        return a, b
        return None

    def named(self, v: int, theme: frozenset[int], symmetric: bool = True) -> list[Argument]:
        """Actors named in v's word-order clause, in order, each once; places and themes left out,
        and, unless the event is symmetric, the later members of a coordination ("Joden en moslims
        protesteren": both protest, neither against the other)."""
        doc, view = self.doc, self.view
        out: list[Argument] = []
        clause = view.flat_clause(v)
        prev_end = None
        for a_tok, b_tok, head in chunks(doc, clause):
            coordinated = prev_end is not None and all(
                doc.tokens[j].text.lower() in _COORD for j in range(prev_end + 1, a_tok)
            ) and a_tok > prev_end + 1
            prev_end = b_tok
            if v in range(a_tok, b_tok + 1) or head in theme or (coordinated and not symmetric):
                continue
            if self._bracketed(a_tok):
                continue  # "premier Charles Michel ( MR )": an aside on the name before it
            if self._in_place_phrase(a_tok, clause):
                continue  # "in (de hoofdstad) Minsk" is where, not who
            if a_tok > view.lo and doc.tokens[a_tok - 1].text.lower() in self.no_party:
                continue
            t = doc.tokens[head]
            if t.upos == "PRON":
                a = actors.for_token(doc, head, t.start, t.end)
            else:
                a = actors.for_span(doc, doc.tokens[a_tok].start, doc.tokens[b_tok].end)
            if not has_actor(a) or any(same(a, b) for b in out):
                continue
            out.append(a)
        return out

    def _in_place_phrase(self, k: int, clause: list[int]) -> bool:
        """Whether token k follows a place preposition within a few words, with no verb between."""
        toks = self.doc.tokens
        for j in range(k - 1, max(clause[0], k - 3) - 1, -1):
            if toks[j].text.lower() in self.places:
                return True
            if toks[j].upos in ("VERB", "AUX") or not toks[j].text[:1].isalnum():
                return False
        return False

    def passive_flat(self, v: int) -> bool:
        return self.voice.flat(v)

    def __call__(self, v: int, clause: list[int], theme: frozenset[int] = frozenset(),
                 symmetric: bool = False, speaker: Argument | None = None,
                 frame: str = "", asks: bool = False) -> tuple[Argument | None, Argument | None]:
        """Source and target of the event at verb v; `symmetric` for events between equals (meet, agree);
        `speaker`: who reports the clause ("Rusland ontkent dat ..."), if anyone; `frame`: the kind of
        lexicon frame that matched the words `theme` ("received": the subject undergoes what the theme
        names, "kreeg kritiek van ..."; "deed": the theme is what the target did, "veroordeelt de
        Russische inval"); `asks`: a demand or request, whose target may be the one its "dat" clause
        asks to act ("eist dat Hongarije ...")."""
        if self.view.parsed and frame == "received":
            return self.received(v, theme)
        h = self.view.head(v) if self.view.parsed else None
        if h is not None and self.view.rel(v) == "obj" and h in self.received_verbs:
            return self.received(h, frozenset({v}))
        if self.view.parsed and self._phrase_event(v):
            src, tgt = self.noun_sides(v, theme)
            if v in self.deeds:
                return src, tgt  # "veroordeelt de aanslag in Moskou": not the condemner's attack
            if has_actor(src) or has_actor(tgt):
                if src is None and self._supported(v):
                    # the subject of a support verb does what its noun says: "[hij] had een ontmoeting
                    # met ...", "[Trump] gaat vol voor een aanval op China", "[de emir] beloofde tijdens
                    # een ontmoeting met ..."
                    s = self.subject(h) if h is not None else None
                    src = argument(self.doc, self.view, s) if s is not None else None
                    if src is not None and self.doc.tokens[s].upos == "PRON" and not has_actor(src):
                        src = None  # "[Dat] heeft Berlusconi gesuggereerd in een interview met ..."
                return src, tgt
        src, tgt = self.tree(v, theme, symmetric, frame == "deed") if self.view.parsed else (None, None)
        if frame == "target" and tgt is not None and not has_actor(tgt) and self.view.parsed:
            # what is done to "de autonomie [van Catalonië]" is done to Catalonia
            nouns = [t.i for t in self.doc.tokens_in(tgt.start or 0, tgt.end or 0) if t.upos == "NOUN"]
            tgt = next((o for n in nouns if has_actor(o := self._owner(n))), tgt)
        if asks and tgt is None and self.view.parsed:
            tgt = self.asked(v)
        if src is not None and not has_actor(src) and has_actor(speaker) and _subject_pronoun(src.text):
            # a pronoun coreference left open stands for the one who speaks: "Rusland ontkent dat [het]
            # troepen samentrekt", "De regering zegt dat [zij] ..."
            src = speaker
        if has_actor(src) and has_actor(tgt):
            return src, tgt
        if symmetric and self.view.parsed:
            pair = self.between(v)
            # unless the tree named a third party, which is no side of the pair
            if pair is not None and not any(has_actor(a) and not same(a, pair[0]) and not same(a, pair[1])
                                            for a in (src, tgt)):
                return pair
        # a plural pair ("de twee leiders") is both parties of an event between equals or of "elkaar"
        for side in (src, tgt) if symmetric or (tgt is not None and tgt is src) else ():
            if side is not None and not has_actor(side) and side.start is not None and side.end is not None:
                kind = pair_kind(self.doc, side.start, side.end, self.pair_words)
                pair = resolve_pair(self.doc, side.start, kind) if kind is not None else None
                if pair is not None:
                    return pair
        named = self.named(v, theme, symmetric)
        if frame == "deed" and self.view.parsed:
            # who suffered the deed is not who is accused of it ("veroordeelt de luchtaanvallen op [Gaza]")
            spans = [self.view.text(self.view.subtree(t, CLAUSE_RELS)) for t in theme]
            named = [a for a in named if not any(within(a, sp) for sp in spans)]
        passive = self.passive(v) if self.view.parsed else self.passive_flat(v)
        if passive:
            if not has_actor(tgt):
                tgt = next((a for a in named if not same(a, src)), tgt)
            return src, tgt
        if not has_actor(src):
            src = next((a for a in named if not same(a, tgt)), src)
        if not has_actor(tgt):
            # an actor inside the subject is none of the subject's targets ("de door Rusland gesteunde
            # rebellen vielen de stad aan" is no attack on Russia)
            inside = self._subject_span(v)
            tgt = next((a for a in named if not same(a, src) and not within(a, inside)), tgt)
        return src, tgt

    def coordinated(self, arg: Argument | None) -> list[Argument]:
        """The named actors of other countries coordinated with a side's phrase, each a party of its own:
        "[De VS], [Groot-Brittannië] en [Frankrijk] vielen Syrië aan" is three attacks, as petrarch2 codes
        compound actors (but "rebellen en burgers" in Syria, or two titles of one minister, are one side)."""
        if arg is None or arg.start is None or arg.end is None or not self.view.parsed or not has_actor(arg):
            return []
        view, doc = self.view, self.doc
        inside = {t.i for t in doc.tokens_in(arg.start, arg.end)}
        heads = [k for k in inside if view.head(k) not in inside]
        countries = {(arg.actor or "")[:3]}
        out: list[Argument] = []
        for c in (view.children(heads[0], "conj") if len(heads) == 1 and arg.entity else []):
            a = argument(doc, view, c)
            if a.entity and has_actor(a) and (a.actor or "")[:3] not in countries:
                countries.add((a.actor or "")[:3])
                out.append(a)
        return out

    def _subject_span(self, v: int) -> tuple[int, int] | None:
        """Characters the (active) subject of verb v spans with all its dependents, if the tree has one."""
        view = self.view
        subj = [k for k in self._subjects(v) if view.rel(k) == "nsubj"] if view.parsed else []
        if not subj:
            return None
        # its modifiers, not names the parser hung on it ("bedankte Lukashenko [Poetin]" as flat)
        toks = view.subtree(subj[0], _NAME_RELS)
        return self.doc.tokens[toks[0]].start, self.doc.tokens[toks[-1]].end
