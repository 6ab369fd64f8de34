"""Finding event triggers and reporting verbs in a sentence with the Dutch event lexicon.

A verb is looked up with its separable particle, wherever the particle is: in an Alpino-style
lemma (aan_houden), fused into the lemma (oppakken), or as a separate word (zegde ... toe,
gingen de straat op). A row with a frame (staan + achter, gaan op + straat) counts only when its
frame holds in the verb's clause.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from kroniek.doc import Document
from kroniek.events.lexicon import Frame, Lexicon, Reporting, Trigger
from kroniek.events.syntax import SentenceView
from kroniek.events.tables import TableError, read_rows

# tags a lexicon verb never has, however unsure the tagger (it calls "sturen" a noun now and then)
_CLOSED = frozenset({"ADP", "DET", "PRON", "PUNCT", "CCONJ", "SCONJ", "NUM", "SYM", "PROPN", "ADJ"})
_MONEY_KINDS = frozenset({"money"})
_PRESENT_PARTICIPLE = ("end", "ende")  # endings of a present participle, "aanhoudend(e)"
_ADVERBIAL = frozenset({"ADJ", "ADV"})  # heads of a prepositional phrase that is an adverbial ("voor het eerst")


@dataclass(slots=True)
class Match:
    token: int  # the verb
    particle_token: int | None
    entry: Trigger | Reporting
    clause: list[int]
    frame_tokens: frozenset[int] = frozenset()  # words the frame matched: the theme, not a participant


def norm(lemma: str) -> str:
    return lemma.lower().strip()


@lru_cache(maxsize=1 << 15)
def dictionary_lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="nl").lower()


ENDINGS = "event_verb_endings.tsv"


def parse_verb_endings(rows: Iterable[tuple[int, list[str]]], where: str) -> tuple[tuple[str, str], ...]:
    """(finite ending, infinitive ending) pairs; both must be lowercase letters."""
    out = []
    for n, (end, inf) in rows:
        if not (end.isalpha() and end.islower() and inf.isalpha() and inf.islower()):
            raise TableError(where, n, f"endings must be lowercase letters: {end!r} {inf!r}")
        out.append((end, inf))
    return tuple(out)


@cache
def verb_endings() -> tuple[tuple[str, str], ...]:
    """The rows of lang/nl/event_verb_endings.tsv."""
    return parse_verb_endings(read_rows("kroniek.lang.nl", ENDINGS, 2), f"lang/nl/{ENDINGS}")


def infinitive_guesses(word: str) -> list[str]:
    """Infinitives a finite verb form may come from (staat -> staan, werkt -> werken)."""
    return [word[: len(word) - len(end)] + inf for end, inf in verb_endings()
            if word.endswith(end) and len(word) > len(end)]


def _keys(view: SentenceView, lex: Lexicon, i: int) -> list[tuple[str, str, int | None]]:
    """(verb lemma, particle, particle token) readings of token i, most specific first."""
    tok = view.doc.tokens[i]
    lemmas = [norm(tok.lemma)] if tok.lemma else []
    low = tok.text.lower()
    # a second opinion for words the lemmatiser got wrong (toegezegd -> toegezegd); an infinitive
    # is its own lemma
    # ...but a word tagged as a noun counts as a verb only on its own lemma ("sturen", not "doden" = the dead)
    # (a compound noun's lemma shows its parts, "staat_bezoek": its own form is the word)
    alternates = ((low,) if "_" in (tok.lemma or "") else ()) if tok.upos == "NOUN" else (
        dictionary_lemma(low), low if low.endswith("en") else "")
    if tok.upos == "VERB":
        # a finite verb left inflected (staat): its infinitive, if the lexicon knows one
        alternates += tuple(g for g in infinitive_guesses(low) if any(lex.knows(g, p) for p in ("", *lex.particles)))
    for alt in alternates:
        if alt and alt not in lemmas:
            lemmas.append(alt)
    out: list[tuple[str, str, int | None]] = []
    separate: list[tuple[str, int]] | None = None  # the same for every reading: looked for once

    def separated() -> list[tuple[str, int]]:
        nonlocal separate
        if separate is None:
            separate = _separate_particles(view, lex, i)
        return separate

    def written(prt: str) -> bool:
        # a particle reading needs the particle in the word (afgewezen) or separated (wees ... af): the
        # lemmatiser's guess alone is not enough, Flemish "gewezen" (former) is no "afgewezen"
        return low.startswith(prt) or any(p == prt for p, _ in separated())

    for lemma in lemmas:
        if "_" in lemma:
            prt, _, verb = lemma.partition("_")
            verb = verb.replace("_", "")
            if verb.startswith("ge") and not lex.knows(verb, prt) and lex.knows(verb[2:], prt):
                verb = verb[2:]  # a participle left in the lemma: "in_gespannen" for ingespannen
            if written(prt):
                out.append((verb, prt, None))
            continue
        if lemma.startswith(lex.particle_prefixes):  # most words start with no particle: one test for all
            for p in lex.particles:
                if lemma.startswith(p) and lex.knows(lemma[len(p):], p) and written(p):
                    out.append((lemma[len(p):], p, None))
        if lemma in lex.verbs:  # only a lexicon verb can take a separate particle
            for p, k in separated():
                if lex.knows(lemma, p):
                    out.append((lemma, p, k))
        out.append((lemma, "", None))
    return out


def _separate_particles(view: SentenceView, lex: Lexicon, i: int) -> list[tuple[str, int]]:
    toks = view.doc.tokens
    found = []
    if view.parsed:
        found = [(norm(toks[k].lemma or toks[k].text), k) for k in view.children(i, "compound:prt")]
    # by word order, too: a separated particle closes its clause ("gingen de straat op, omdat ...",
    # "zegde ... toe."), or only a prepositional phrase follows it ("zegde steun toe aan Minsk")
    clause = view.flat_clause(i)
    last = clause[-1] if clause else i
    for k in clause:
        if k > i and toks[k].upos in ("VERB", "AUX") and toks[k].text.lower() not in lex.particles:
            break  # a particle after another verb is that verb's
        if k <= i or toks[k].text.lower() not in lex.particles:
            continue
        h = view.head(k) if view.parsed else None
        if h is not None and h != i and toks[h].upos in ("VERB", "AUX"):
            continue  # the tree gives it to another verb ("luisterden de gewezen minister af")
        nxt = toks[k + 1] if k + 1 < view.hi else None
        if k == last or nxt is None or not nxt.text[:1].isalnum() or nxt.upos == "ADP" or (
            nxt.text.lower() in lex.roles if lex.roles else False
        ):
            found.append((toks[k].text.lower(), k))
    return found


def frame_match(view: SentenceView, frame: Frame, verb: int, clause: list[int]) -> frozenset[int] | None:
    """The clause words that satisfy the frame (empty for no frame), or None when it does not hold."""
    if not frame.kind:
        return frozenset()
    toks = view.doc.tokens
    if frame.kind == "party":
        # the verb acts on a named party: "Trump waarschuwt Iran", not "waarschuwt voor een nieuwe golf"
        # (a second subject is a parser slip for the object, as in Arguments.objects)
        acted_on = view.deps(verb, "obj", "iobj") + view.deps(verb, "nsubj")[1:]
        return frozenset() if any(_named(view, k) for k in acted_on) else None
    if frame.kind == "money":
        lo, hi = view.text(clause)
        return frozenset() if any(q.kind in _MONEY_KINDS and lo <= q.start < hi for q in view.doc.quantities) else None
    hits = frozenset(k for k in clause if k != verb and _frame_word(toks[k].lemma, toks[k].text, frame.words))
    if frame.kind == "prep" and view.parsed:
        # the preposition opens a phrase about someone or something ("veroordeeld [voor] moord"), not an
        # adverbial ("[Voor] het eerst heeft een rechter ...", "[tegen] beter weten in")
        hits = frozenset(k for k in hits if not view.children(k, "fixed")
                         and ((h := view.head(k)) is None or toks[h].upos not in _ADVERBIAL))
    return hits or None


def _named(view: SentenceView, k: int) -> bool:
    """Whether token k is (in) a name the entities layer found."""
    t = view.doc.tokens[k]
    return any(m.start <= t.start < m.end for m in view.doc.mentions) or t.upos == "PROPN"


def _frame_word(lemma: str, text: str, words: frozenset[str]) -> bool:
    """Whether a word is one of the frame's words: by lemma, by form, or as the head of a compound
    (a Dutch compound ends in its head: handelsakkoord, EU-sancties), for heads of six letters or more,
    also in the plural (coronamaatregelen): lemmatisers often leave an unknown compound's plural as it is.
    An abbreviation's plural in "'s" counts as the abbreviation (F-16's, NGO's)."""
    low = text.lower()
    forms = {norm(lemma or text), low, dictionary_lemma(low), low.removesuffix("'s")}
    if forms & words:
        return True
    heads = _compound_heads(words)
    return bool(heads) and any(f.endswith(heads) for f in forms)


@lru_cache(maxsize=1024)
def _compound_heads(words: frozenset[str]) -> tuple[str, ...]:
    """The endings that make a word a compound of one of a frame's words (see `_frame_word`):
    a frame is asked about every word of every clause it is tried on."""
    return tuple(end for w in words if len(w) >= 6 for end in (w, w + "en", w + "s"))


def _choose(view: SentenceView, rows: tuple, verb: int, clause: list[int]):
    for row in rows:  # framed rows come first
        hits = frame_match(view, row.frame, verb, clause)
        if hits is not None:
            # a "with" word is what is acted with (the theme); a "target" word is the one acted on
            return row, (hits if row.frame.kind != "target" else frozenset())
    return None, frozenset()


def find(doc: Document, view: SentenceView, lex: Lexicon) -> tuple[list[Match], list[Match]]:
    """(event triggers, reporting verbs) in the sentence."""
    events: list[Match] = []
    reports: list[Match] = []
    taken: set[int] = set()
    for t in view.tokens:
        # an "adjective" with an object is a verb the tagger missed ("Rusland beschoot dorpen")
        if t.i in taken or (view.parsed and t.upos in _CLOSED and not (t.upos == "ADJ" and view.deps(t.i, "obj"))):
            continue
        if not t.text[:1].isalpha():
            continue
        if view.parsed and t.deprel in ("aux", "aux:pass", "cop") and view.head(t.i) is not None:
            continue  # "heeft" of "heeft een ontmoeting gehad": the main verb reports the event
        if view.parsed and t.deprel == "amod" and t.text.lower().endswith(_PRESENT_PARTICIPLE):
            continue  # an attribute, no event: "het [aanhoudend] protest" (ongoing, not arresting)
        clause = None
        for verb, prt, prt_tok in _keys(view, lex, t.i):
            key = (verb, prt)
            if key not in lex.triggers and key not in lex.reporting:
                continue
            clause = clause if clause is not None else view.clause(t.i)
            trig, hits = _choose(view, lex.triggers.get(key, ()), t.i, clause)
            if trig is not None:
                events.append(Match(t.i, prt_tok, trig, clause, hits))
                if trig.cameo is None:
                    # a news event that also reports a clause: "ontkent dat ..." is a statement (Contact)
                    # and attributes, here denies, what its clause says
                    rep, rep_hits = _choose(view, lex.reporting.get(key, ()), t.i, clause)
                    if rep is not None:
                        reports.append(Match(t.i, prt_tok, rep, clause, rep_hits))
            else:
                rep, hits = _choose(view, lex.reporting.get(key, ()), t.i, clause)
                if rep is None:
                    if prt:
                        break  # a particle verb whose frames fail is not its bare verb ("eist ... op")
                    continue
                reports.append(Match(t.i, prt_tok, rep, clause, hits))
            if prt_tok is not None:
                taken.add(prt_tok)
            break
    # the word a verb's frame matched reports that verb's event when both are of one type, not a second
    # one: "bracht een [bezoek] aan" (but "roept op tot een [boycot]": an appeal, and a boycott)
    return [m for m in events if not any(o is not m and m.token in o.frame_tokens and _same_kind(o.entry, m.entry)
                                         for o in events)], reports


def _same_kind(a: Trigger, b: Trigger) -> bool:
    return bool(a.plover and a.plover == b.plover) or bool(a.news_kind and a.news_kind == b.news_kind)
