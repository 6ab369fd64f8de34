"""Party members: a person the knowledge base gives no actor code takes that of the party the text
ties them to, as CAMEO codes party politicians (GOVPTY / OPPPTY): "PVV-leider Geert Wilders",
"VVD'er Mark Rutte", "Joke Schauvliege (CD&V)"."""
from __future__ import annotations

import re

from kroniek.doc import Document, Entity
from kroniek.entities.lexicon import role_of
from kroniek.kb import KB, KBEntry

# "VVD'er", "CDA’ers", "D66-ster": a member of the party named before the ending
_MEMBER = re.compile(r"^(.+?)(?:['’]|-)(?:er|ers|ster|sters)$")
_MOST_WORDS = 6  # a party name in brackets after a person: "( CD & V )" is three tokens


def party_named(kb: KB, text: str) -> KBEntry | None:
    """The party `text` names, if any."""
    return next((e for e, form in kb.lookup(text) if e.kind == "party" and form == "name"), None)


def party_compound(kb: KB, word: str) -> KBEntry | None:
    """The party a compound word names a member or part of: "PVV-leider", "N-VA-voorzitter", "VVD'er"."""
    member = _MEMBER.match(word)
    if member:
        return party_named(kb, member.group(1))
    head, _, role = word.rpartition("-")
    return party_named(kb, head) if head and role.isalpha() else None


def _party_before(doc: Document, kb: KB, i: int) -> KBEntry | None:
    """The party in the word before token i."""
    if i == 0 or doc.tokens[i - 1].sent != doc.tokens[i].sent:
        return None
    return party_compound(kb, doc.tokens[i - 1].text)


def _in_office(doc: Document, start: int) -> bool:
    """Whether the word before the name at `start` is a government office: "minister Jambon"."""
    t = doc.token_at(start)
    if t is None or t.i == 0 or doc.tokens[t.i - 1].sent != t.sent:
        return False
    role = role_of(doc.tokens[t.i - 1].text)
    return role is not None and role.role == "GOV"


def _party_after(doc: Document, kb: KB, last: int) -> KBEntry | None:
    """The party in brackets right after the name ending at token `last` (exclusive)."""
    toks = doc.tokens
    if last >= len(toks) or toks[last].text != "(" or toks[last].sent != toks[last - 1].sent:
        return None
    for j in range(last + 2, min(last + 2 + _MOST_WORDS, len(toks))):
        if toks[j].text == ")":
            return party_named(kb, doc.text[toks[last + 1].start : toks[j - 1].end])
    return None


def party_members(doc: Document, entities: list[Entity], kb: KB, day: str | None) -> None:
    """Give each person without an actor code the code of their party (on `day`) where the text names it."""
    for ent in entities:
        if ent.type != "PER" or ent.actor:
            continue
        for m in ent.mentions:
            first, end = doc.token_at(m.start), doc.token_at(m.end - 1)
            if first is None or end is None:
                continue
            party = _party_before(doc, kb, first.i) or _party_after(doc, kb, end.i + 1)
            if party is not None:
                ent.actor = party.actor_at(day)
                ent.country = ent.country or party.country
                break
        if ent.actor and any(_in_office(doc, m.start) for m in ent.mentions):
            # a minister is the government, whatever the party: CAMEO codes PTY for members outside it
            ent.actor = f"{ent.actor[:3]}GOV"
