"""Actors of phrases: from the entities inside them, role words with a country, or context."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from kroniek.doc import Document, Entity, Mention
from kroniek.entities.coref import antecedent
from kroniek.entities.lexicon import pronouns, role_of, words
from kroniek.entities.parties import party_compound
from kroniek.kb import load as load_kb

_ENTITY_PREFERENCE = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
_LOCATED = frozenset({"", "COP"})  # roles that are where they act: the public, the police


def _entity(doc: Document, eid: str | None) -> Entity | None:
    return next((e for e in doc.entities if e.id == eid), None) if eid else None


def main_country(doc: Document) -> str | None:
    """The country the document is most about: the most mentioned one over all its entities, else the
    home country its input gives (a Dutch archive's article on "het kabinet" alone)."""
    counts: Counter[str] = Counter()
    for e in doc.entities:
        c = (e.actor or "")[:3] if e.actor and e.actor[:3] != "IGO" else e.country
        if c:
            counts[c] += len(e.mentions)
    return counts.most_common(1)[0][0] if counts else doc.country


def _nearest_country(doc: Document, lo: int, hi: int, offset: int,
                     country_of: Callable[[Entity], str | None]) -> str | None:
    """The country (`country_of` an entity) of the entity mention starting in [lo, hi) nearest to `offset`."""
    best, gap = None, None
    for e in doc.entities:
        c = country_of(e)
        if not c:
            continue
        for m in e.mentions:
            if lo <= m.start < hi and (gap is None or abs(m.start - offset) < gap):
                best, gap = c, abs(m.start - offset)
    return best


def _place_country(e: Entity) -> str | None:
    return e.country if e.type == "LOC" else None


def _actor_country(e: Entity) -> str | None:
    code = e.actor or ""
    return code[:3] if e.type in ("PER", "ORG") and len(code) >= 3 and code[:3] != "IGO" else None


def context_country(doc: Document, offset: int) -> str | None:
    """The country in view at `offset`: the last place named in this or the two sentences before, else the main one."""
    s = doc.sentence_of(offset)
    lo = doc.sentences[max(0, s - 2)].start if s is not None else 0
    return _nearest_country(doc, lo, offset, offset, _place_country) or main_country(doc)


def sentence_place_country(doc: Document, offset: int) -> str | None:
    """The country of the place nearest to `offset` in its sentence, before or after it."""
    s = doc.sentence_of(offset)
    if s is None:
        return None
    return _nearest_country(doc, doc.sentences[s].start, doc.sentences[s].end, offset, _place_country)


def sentence_actor_country(doc: Document, offset: int) -> str | None:
    """The country of the nearest named actor (a person or organisation with a country's code) before
    `offset` in its sentence."""
    s = doc.sentence_of(offset)
    if s is None:
        return None
    return _nearest_country(doc, doc.sentences[s].start, offset, offset, _actor_country)


_LONGEST_NAME = 300  # characters: how far back a mention may start and still reach a span


def _mention_index(doc: Document) -> tuple[list[int], list[tuple[Mention, Entity]]]:
    def build() -> tuple[list[int], list[tuple[Mention, Entity]]]:
        pairs = sorted(((m, e) for e in doc.entities for m in e.mentions + e.references), key=lambda x: x[0].start)
        return [m.start for m, _ in pairs], pairs

    key = (len(doc.entities), sum(len(e.mentions) + len(e.references) for e in doc.entities))
    return doc.derived("entity-mentions", key, build)


def _inside(doc: Document, start: int, end: int) -> list[tuple[int, Entity]]:
    starts, pairs = _mention_index(doc)
    found = []
    for m, e in pairs[bisect_left(starts, start - _LONGEST_NAME) : bisect_left(starts, end)]:
        if m.start < end and start < m.end:  # a head token inside "Vladimir Poetin" is the name
            found.append((m.start, e))
    return found


def phrase_actor(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """(entity id, actor code) of the noun phrase at [start, end); (None, None) when none is known."""
    toks = doc.tokens_in(start, end)
    if len(toks) == 1 and toks[0].text.lower() in pronouns():
        e = _entity(doc, pronoun_antecedent(doc, toks[0].i))
        if e is not None:
            return e.id, e.actor
    inside = _inside(doc, start, end)
    agents = sorted((x for x in inside if x[1].type in ("PER", "ORG")),
                    key=lambda x: (_ENTITY_PREFERENCE[x[1].type], x[0]))
    roles = [r for r in (role_of(t.text, t.lemma) for t in toks) if r is not None]
    # a named actor with a code is that actor; a person without it is coded by the role beside the
    # name ("oud-minister Plasterk"), as it would be without the name (an organisation's name may hold
    # a role word: "Koning Boudewijnstichting")
    # ... and an organisation without a code does not hide a role word outside its name ("minister van
    # Binnenlandse Zaken"), only one inside it
    outside = agents and agents[0][1].type != "PER" and any(
        role_of(t.text, t.lemma) is not None and not any(m.start <= t.start < m.end for m in agents[0][1].mentions)
        for t in toks)
    # ... but an organisation named by a role word alone is that role ("de Amerikaanse Senaat": USALEG)
    bare_role = agents and not agents[0][1].actor and role_of(agents[0][1].name) is not None
    if agents and (agents[0][1].actor or (agents[0][1].type != "PER" and not outside and not bare_role) or not roles):
        e = agents[0][1]
        if not e.actor and e.type == "PER":
            # a person of a country is that country's (CAMEO codes civilians by their country):
            # "de Italiaanse modeontwerper Gianni Versace" -> ITA
            country = next((x.country or (x.actor or "")[:3] for _, x in sorted(inside, key=lambda x: x[0])
                            if x.type in ("MISC", "LOC") and (x.country or x.actor)), None)
            return e.id, country
        return e.id, e.actor
    eid = agents[0][1].id if agents else None
    compound = _compound_actor(doc, toks)
    if compound is not None:
        return eid, compound
    places = [e for _, e in sorted(inside, key=lambda x: x[0]) if e.country or e.actor]
    if roles and not places:
        named = _around_role(doc, toks)
        if named is not None and named.type == "PER" and (named.actor or eid):
            return named.id, named.actor  # "president" of "president Alexander Lukashenko"
        if named is not None and named.type != "PER":
            places = [named]  # "president" of "de Belarussische president"
    if roles:
        country = next((p.country or (p.actor or "")[:3] for p in places), None)
        if country is None and any(t.text.lower() in words("several") for t in toks):
            return None, None  # "de twee leiders": more than one actor, none named
        if country is None:
            # an institution without a country ("het kabinet") is first that of the actor who acts on
            # it in the same sentence ("Wilders beschuldigde het kabinet"); the public ("betogers") and
            # the police are of the place their sentence names ("tientallen betogers in Minsk
            # gearresteerd"), else of where the text last placed us
            located = roles[0].role in _LOCATED
            country = sentence_place_country(doc, start) if located else sentence_actor_country(doc, start)
        country = country or context_country(doc, start)
        if country:
            # the first role word is the head: "leger van de regering" is first of all an army
            return eid, country + roles[0].role
        return eid, None
    if places:
        e = places[0]
        return e.id, e.actor or e.country
    return None, None


def _compound_actor(doc: Document, toks: list) -> str | None:
    """The actor a compound of a role and a name codes: a party's ("CDA-leider", "N-VA-voorzitter")
    or a leader's country with the role ("regering-Rajoy", "kabinet-Rutte")."""
    day = doc.date.earliest.isoformat() if doc.date else None
    for t in toks:
        if "-" not in t.text.strip("-"):
            continue
        first, _, last = t.text.rpartition("-")
        # a party's people ("CDA-leider"), not its things ("N-VA-lijst")
        head = role_of(last)
        party = party_compound(load_kb(), t.text) if head is not None else None
        if party is not None:
            return party.actor_at(day)
        if head is not None:
            # a country's or an organisation's people: "EU-ministers" (IGOEEC), "VS-diplomaten" (USAGOV)
            owner = next((e for e, form in load_kb().lookup(first) if e.kind in ("country", "igo") and form == "name"), None)
            if owner is not None and owner.actor:
                return owner.actor if owner.kind == "igo" else owner.actor[:3] + head.role
        role = role_of(first.split("-")[0])
        if role is not None and last[:1].isupper():
            leader = next((e for e, form in load_kb().lookup(last) if e.type == "PER" and form == "name"), None)
            country = (leader.actor_at(day) or leader.country or "")[:3] if leader is not None else ""
            if country and country != "IGO":
                return country + role.role
    return None


def _entity_at(doc: Document, offset: int) -> Entity | None:
    for e in doc.entities:
        for m in e.mentions:
            if m.start <= offset < m.end:
                return e
    return None


def _around_role(doc: Document, toks: list) -> Entity | None:
    """A phrase that is only a role word: the name right after it, else a nationality word just before it."""
    last = toks[-1]
    if last.i + 1 < len(doc.tokens) and doc.tokens[last.i + 1].sent == last.sent:
        after = _entity_at(doc, doc.tokens[last.i + 1].start)
        if after is not None and after.type == "PER":
            return after
    first = toks[0]
    for j in range(first.i - 1, max(first.i - 3, -1), -1):
        if doc.tokens[j].sent != first.sent:
            break
        before = _entity_at(doc, doc.tokens[j].start)
        if before is not None and before.type in ("MISC", "LOC") and before.country:
            return before
    return None


def pronoun_antecedent(doc: Document, i: int) -> str | None:
    """Entity id a pronoun at token i stands for (singular persons only), or None."""
    tok = doc.tokens[i]
    for e in doc.entities:
        if any(m.start == tok.start for m in e.references):
            return e.id
    p = pronouns().get(tok.text.lower())
    if p is None or p.number != "sg" or p.gender == "n":
        return None
    e = antecedent(doc, i, doc.entities)
    return e.id if e is not None else None


def group_antecedent(doc: Document, i: int) -> tuple[int, int] | None:
    """Span of the group ("demonstranten in Minsk") a plural pronoun at token i may stand for:
    the nearest group role word before it in this or the previous sentence."""
    tok = doc.tokens[i]
    p = pronouns().get(tok.text.lower())
    if p is None or p.number == "sg":
        return None
    first = doc.sentences[max(0, tok.sent - 1)].token_start
    for j in range(i - 1, first - 1, -1):
        t = doc.tokens[j]
        r = role_of(t.text, t.lemma)
        if r is not None and not r.person:
            sent = doc.sentences[t.sent]
            # the group with the place that follows it: "demonstranten in Minsk"
            end = j + 1
            limit = min(sent.token_end, i, j + 4)
            while end < limit and (doc.tokens[end].text.lower() in words("place-link") or doc.tokens[end].text[:1].isupper()):
                end += 1
            start_tok = j - 1 if j > sent.token_start else j
            return doc.tokens[start_tok].start, doc.tokens[end - 1].end
    return None
