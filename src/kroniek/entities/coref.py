"""In-document coreference: name mentions grouped into entities, and nominal ("de Russische
leider") and pronominal ("hij") references attached to the entity they stand for."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from kroniek.doc import Document, Entity, Mention
from kroniek.entities.lexicon import pronouns, role_words, words
from kroniek.entities.mentions import Found
from kroniek.kb import KBEntry
from kroniek.kb.normalize import key

_NATIONALITY = frozenset({"adjective", "demonym"})


def mention_type(f: Found, entry: KBEntry | None, form: str) -> str:
    if entry is None:
        return f.type or "MISC"
    return "MISC" if form in _NATIONALITY else entry.type


def group(doc: Document, linked: list[tuple[Found, KBEntry | None, str]], day: str | None) -> list[Entity]:
    """One entity per identity: same knowledge-base entry, or a name that repeats (part of) an earlier one."""
    entities: list[Entity] = []
    kb_names: dict[int, str] = {}
    by_key: dict[tuple[str, str], Entity] = {}
    surnames: dict[str, Entity] = {}  # last word of a person's name -> that person
    for f, entry, form in sorted(linked, key=lambda x: x[0].start):
        typ = mention_type(f, entry, form)
        k = key(f.text)
        ent = None
        if " " not in k and typ == "PER" and k in surnames:
            ent = surnames[k]  # "Lukashenko" after "Alexander Lukashenko" is him, whatever else the kb knows
        elif entry is not None:
            ent = by_key.get((entry.id, typ))
        else:
            ent = by_key.get(("", k)) or (surnames.get(k) if " " not in k else None)
        if ent is None:
            ent = Entity(id="", type=typ, name=f.text)
            entities.append(ent)
            if entry is not None:
                by_key[(entry.id, typ)] = ent
                ent.kb = entry.id
                kb_names[id(ent)] = entry.name
                ent.country = entry.country
                ent.lat, ent.lon = entry.lat, entry.lon
                ent.actor = None if typ == "MISC" else entry.actor_at(day)
            else:
                by_key[("", k)] = ent
        m = Mention(f.start, f.end, f.text, typ, source=f.source)
        ent.mentions.append(m)
        if typ == "PER":
            surnames.setdefault(k.split(" ")[-1], ent)
    entities = _merge_surnames(entities)
    for n, ent in enumerate(sorted(entities, key=lambda e: e.mentions[0].start), 1):
        ent.id = f"e{n}"
        texts = Counter(m.text for m in ent.mentions)
        # a person by the fullest form of the name, anything else by its usual one
        ent.name = max(texts, key=len) if ent.mentions[0].type == "PER" else texts.most_common(1)[0][0]
        if id(ent) in kb_names and (ent.name.islower() or ent.name.isupper()) and len(ent.name) > 3:
            ent.name = kb_names[id(ent)]  # "POETIN" in a headline is still Vladimir Poetin
        ent.type = Counter(m.type for m in ent.mentions).most_common(1)[0][0]
        for m in ent.mentions:
            m.entity = ent.id
    entities.sort(key=lambda e: int(e.id[1:]))
    return entities


def _merge_surnames(entities: list[Entity]) -> list[Entity]:
    """A surname said before the full name ("Fico ... premier Robert Fico") joins that one person."""
    people: dict[str, set[int]] = {}
    for n, e in enumerate(entities):
        if e.type == "PER":
            for m in e.mentions:
                k = key(m.text)
                if " " in k:
                    people.setdefault(k.rsplit(" ", 1)[-1], set()).add(n)
    drop = set()
    for n, e in enumerate(entities):
        if e.kb is not None:
            continue
        keys = {key(m.text) for m in e.mentions}
        if len(keys) != 1 or " " in next(iter(keys)):
            continue
        owners = people.get(next(iter(keys)), set()) - {n}
        if len(owners) == 1:
            target = entities[owners.pop()]
            for m in e.mentions:
                m.type = target.type
            target.mentions = sorted(target.mentions + e.mentions, key=lambda m: m.start)
            drop.add(n)
    return [e for n, e in enumerate(entities) if n not in drop]


def _mention_index(doc: Document, entities: list[Entity]) -> dict[int, tuple[Mention, Entity]]:
    """Token index -> (name mention, entity) for the tokens inside name mentions."""
    out: dict[int, tuple[Mention, Entity]] = {}
    for e in entities:
        for m in e.mentions:
            t = doc.token_at(m.start)
            while t is not None and t.start < m.end:
                out[t.i] = (m, e)
                t = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
    return out


def _person_mentions(entities: list[Entity]) -> list[tuple[Mention, Entity]]:
    found = [(m, e) for e in entities if e.type == "PER" for m in e.mentions + e.references]
    return sorted(found, key=lambda x: x[0].start)


def _subject_like(doc: Document, m: Mention) -> bool:
    t = doc.token_at(m.start)
    return t is not None and t.deprel.startswith("nsubj")


def antecedent(doc: Document, i: int, entities: list[Entity]) -> Entity | None:
    """The person a singular subject pronoun at token i stands for: the subject-like person
    mention of its own sentence before it, else of the sentences before (up to two back)."""
    tok = doc.tokens[i]
    # pronoun references are never antecedents: attaching them (pronoun_references) keeps the index
    table = pronouns()
    key = (id(entities), len(entities), sum(len(e.mentions) for e in entities),
           sum(1 for e in entities for r in e.references if r.text.lower() not in table))
    people = doc.derived("people", key, lambda: _person_mentions(entities))
    starts = doc.derived("people-starts", key, lambda: [m.start for m, _ in people])
    for back in range(0, 3):
        s = tok.sent - back
        if s < 0:
            break
        sent = doc.sentences[s]
        limit = tok.start if back == 0 else sent.end
        window = people[bisect_left(starts, sent.start) : bisect_left(starts, limit)]
        cands = [(m, e) for m, e in window if m.text.lower() not in pronouns()]
        if cands:
            subj = [c for c in cands if _subject_like(doc, c[0])]
            return (subj or cands)[0][1]
    return None


def _modifier(doc: Document, j: int, names: dict[int, tuple[Mention, Entity]]) -> bool:
    """Whether token j can stand between a determiner and a role word: "Russische", "66-jarige", "nieuwe"."""
    t = doc.tokens[j]
    if j in names:
        return names[j][1].type == "MISC"
    if t.upos:
        return t.upos == "ADJ"
    return t.text.islower() and t.text.endswith("e") and len(t.text) > 3


def _anchor_end(doc: Document, i: int, names: dict[int, tuple[Mention, Entity]]) -> int | None:
    """The token after "van" and a name that follow role word i ("de burgemeester van Istanbul", "de
    minister van Buitenlandse Zaken Rex Tillerson"), or None when no such name follows."""
    toks = doc.tokens
    if i + 2 >= len(toks) or toks[i + 1].text.lower() != "van" or toks[i + 1].sent != toks[i].sent:
        return None
    k = i + 2 + (toks[i + 2].text.lower() in words("determiner"))
    if k not in names or names[k][1].type == "PER":
        return None
    name = names[k][0]
    while k in names and names[k][0] is name:
        k += 1
    return k


def nominal_references(doc: Document, entities: list[Entity]) -> None:
    """Attach "de Russische leider" and the title in "De Russische president Vladimir Poetin" to their person."""
    names = _mention_index(doc, entities)
    toks = doc.tokens
    table = role_words()
    for t in toks:
        role = table.get(t.text.lower())  # the singular form itself: "premiers" are several people
        if role is None or not role.person or not role.role or t.i in names:
            continue
        sent = doc.sentences[t.sent]
        j, country = t.i - 1, None
        while j >= sent.token_start and j >= t.i - 3 and _modifier(doc, j, names):
            if j in names:
                country = names[j][1].country
            j -= 1
        det = j if j >= sent.token_start and toks[j].text.lower() in words("determiner") else None
        anchor = _anchor_end(doc, t.i, names)
        # the name that follows, also after whose role it is: "de minister van Buitenlandse Zaken Rex Tillerson"
        nxt = names.get(t.i + 1 if anchor is None else anchor)
        if nxt is not None and nxt[1].type == "PER":
            target = nxt[1]  # apposition: the title of the name that follows
            if target.kb is None and target.actor is None and country:
                target.actor = country + role.role  # "de Belarussische oppositieleider Maria Kolesnikova"
                target.country = country
            if det is None:
                continue  # a bare title ("premier Robert Fico") is part of how the name is said
        elif det is None:
            continue  # "een rechter" is someone new
        elif anchor is not None:
            continue  # "de burgemeester van Istanbul" says whose: not the person named last
        else:
            target = _recent_person(doc, entities, toks[det].start, role.role, country)
        if target is not None:
            start, end = toks[det].start, t.end
            target.references.append(Mention(start, end, doc.text[start:end], target.type, "coref", target.id))


def _recent_person(doc: Document, entities: list[Entity], before: int, role: str, country: str | None) -> Entity | None:
    best = None
    for m, e in _person_mentions(entities):
        if m.start >= before:
            break
        if country and e.country != country and (e.actor or "")[:3] != country:
            continue
        if e.actor and role and e.actor[3:6] and e.actor[3:6] != role:
            continue
        best = e
    return best


def pronoun_references(doc: Document, entities: list[Entity]) -> None:
    """Attach singular subject pronouns ("hij") to the person they stand for."""
    table = pronouns()
    for t in doc.tokens:
        p = table.get(t.text.lower())
        if p is None or p.case != "subj" or p.number != "sg" or p.gender == "n":
            continue
        e = antecedent(doc, t.i, entities)
        if e is not None:
            e.references.append(Mention(t.start, t.end, t.text, e.type, "coref", e.id))
