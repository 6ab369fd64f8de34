"""Finding name mentions: knowledge-base names in the tokens, the recogniser's mentions, and
capitalised proper-noun spans both missed."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kroniek.doc import Document, Mention, Token
from kroniek.entities.lexicon import role_of, words
from kroniek.kb import KB, KBEntry
from kroniek.kb.normalize import key, possessive_len

_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", ":", "-", "–", "—", "«", "„"})
_CURATED = frozenset({"country", "igo", "group", "seat", "leader", "capital", "region"})


@dataclass(slots=True)
class Found:
    """A name mention with the knowledge-base entries it may refer to (best first)."""

    start: int
    end: int
    text: str
    first: int  # token indices, end exclusive
    last: int
    candidates: list[tuple[KBEntry, str]] = field(default_factory=list)
    type: str | None = None  # from the recogniser when it found the span
    source: str = "kb"


@lru_cache(maxsize=100_000)
def _ordinary_word(word: str) -> bool:
    """Whether a capitalised word is also an ordinary Dutch word (Maandag, Vlak, Zeker)."""
    import simplemma

    low = word.lower()
    # simplemma knows Dutch proper nouns too (Parijs); their lemma keeps the capital
    return low != word and simplemma.is_known(low, "nl") and not simplemma.lemmatize(low, "nl")[:1].isupper()


@lru_cache(maxsize=100_000)
def _token_key(text: str) -> str:
    return key(text)


def _cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _sentence_initial(doc: Document, t: Token) -> bool:
    s = doc.sentences[t.sent]
    j = t.i - 1
    while j >= s.token_start and doc.tokens[j].text in _OPENERS:
        j -= 1
    # a full stop the sentence splitter took for an abbreviation still ends a sentence for us
    return j < s.token_start or doc.tokens[j].text[-1:] in ".!?"


def _span(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens first..last-1, without a possessive or abbreviation full stop at the end."""
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    tail = doc.tokens[last - 1].text
    cut = possessive_len(tail)
    if not cut and tail.endswith(".") and len(tail) > 1:
        cut = 1
    return start, end - cut


def kb_matches(doc: Document, kb: KB) -> list[Found]:
    """Longest knowledge-base names in each sentence, left to right."""
    out: list[Found] = []
    toks = doc.tokens
    for s in doc.sentences:
        i = s.token_start
        while i < s.token_end:
            t = toks[i]
            lower = not _cap(t)
            core = t.text[: len(t.text) - possessive_len(t.text)]
            if t.text.lower() in words("article") or (lower and (len(core) < 4 or not core.replace("-", "").isalpha()
                                                          or _ordinary_word(core.capitalize()))):
                i += 1
                continue
            most = kb.first_words.get(_token_key(t.text), 0)
            if not most:
                person = _genitive_person(kb, t) if not lower else []
                if person:  # "Macrons plannen": a Dutch genitive without apostrophe
                    out.append(Found(t.start, t.end, t.text, i, i + 1, person))
                i += 1
                continue
            hit = None
            for n in range(min(most, s.token_end - i), 0, -1):
                last = i + n
                if not toks[last - 1].text[:1].isalnum() and toks[last - 1].text not in ("’s", "'s"):
                    continue
                if toks[last - 1].text in ("’s", "'s"):
                    last -= 1
                start, end = _span(doc, i, last)
                cands = kb.lookup_key(key(doc.text[start:end]))
                if cands:
                    hit = (last, start, end, cands)
                    break
            if hit is None:
                i += 1
                continue
            last, start, end, cands = hit
            if lower:
                # a name typed in lower case ("rusland", "zelenskiy") only when it is a curated one
                cands = [c for c in cands if c[0].kind in _CURATED and c[1] == "name"]
            single = last - i == 1
            if single and _sentence_initial(doc, t) and _ordinary_word(t.text.rstrip(".")):
                # "Best gaf ..." is not the town; curated names (countries, leaders) are trusted
                cands = [c for c in cands if c[0].kind in _CURATED]
            if single and t.upos and t.upos not in ("PROPN", "ADJ", "NOUN", "X") and not t.text.isupper():
                cands = []
            if cands:
                out.append(Found(start, end, doc.text[start:end], i, last, cands))
            i = last if cands else i + 1
    return out


def _genitive_person(kb: KB, t: Token) -> list[tuple[KBEntry, str]]:
    k = _token_key(t.text)
    if len(k) < 5 or not k.endswith("s") or t.text[-2:-1].isupper():
        return []
    return [c for c in kb.lookup_key(k[:-1]) if c[0].type == "PER" and c[1] == "name"]


def _split_title(doc: Document, first: int, last: int) -> int:
    """Where a run of capitals turns from words into a name: "Mobiliteit | Ben Weyts"; `first` if it does not."""
    toks = doc.tokens
    for k in range(first + 1, last):
        if toks[k - 1].upos in ("NOUN", "ADJ") and all(t.upos == "PROPN" for t in toks[k:last]):
            return k
    return first


def after_portfolio(doc: Document, first: int, last: int) -> bool:
    """Whether tokens first..last are a portfolio, then a name: "minister van | Economie Kris Peeters"."""
    toks = doc.tokens
    return last - first >= 3 and first >= 2 and toks[first - 1].text in words("portfolio-link") \
        and role_of(toks[first - 2].text, toks[first - 2].lemma) is not None


def proper_spans(doc: Document, taken: set[int]) -> list[Found]:
    """Runs of capitalised tokens (with name particles inside) that no other source claimed."""
    out: list[Found] = []
    toks = doc.tokens
    # words the article also capitalises inside a sentence: names even where a sentence starts
    inner = {t.text for t in toks if _cap(t) and not _sentence_initial(doc, t)}
    for s in doc.sentences:
        i = s.token_start
        while i < s.token_end:
            t = toks[i]
            initial = _sentence_initial(doc, t)
            nxt = toks[i + 1] if i + 1 < s.token_end and (i + 1) not in taken and _cap(toks[i + 1]) else None
            # a name goes on: "De Morgen" and "Peter Goris" (tagged as names) even where a sentence starts
            name_pair = nxt is not None and (t.upos == nxt.upos == "PROPN" if t.upos else t.text.lower() not in words("article"))
            article = t.text.lower() in words("article") and (nxt is None or (initial and not name_pair))
            if i in taken or not _cap(t) or not t.text[:1].isalpha() or article or len(t.text) < 2:
                i += 1
                continue
            if initial and _ordinary_word(t.text) and not name_pair:
                i += 1  # "Maandag zei", "Vlak voor": capitalised only because a sentence starts
                continue
            j = i + 1
            while j < s.token_end and j not in taken:
                u = toks[j]
                if _cap(u) and u.text[:1].isalpha():
                    j += 1
                elif u.text in words("particle") and j + 1 < s.token_end and _cap(toks[j + 1]) and j + 1 not in taken:
                    j += 2
                else:
                    break
            # with tags, a lone capitalised word must be a proper noun ("Kamer" can be a noun)
            keep = not t.upos or j - i > 1 or t.upos in ("PROPN", "X")
            if initial and j - i == 1 and t.text not in inner:
                keep = False  # "Integendeel, ...": one capitalised word that only starts a sentence
            if keep:
                cut = _split_title(doc, i, j)
                if cut == i and after_portfolio(doc, i, j):
                    cut = i + 1
                for a, b in ((i, cut), (cut, j)) if cut > i else ((i, j),):
                    if a == i and b - a == 1 and initial and t.text not in inner:
                        continue  # "Pornoactrice | Stormy Daniels": a lone word that only starts the sentence
                    start, end = _span(doc, a, b)
                    out.append(Found(start, end, doc.text[start:end], a, b, [], guess_type(doc, a, b), "proper"))
            i = j
    return out


def person_title_before(doc: Document, first: int) -> bool:
    """Whether a person's title stands right before token `first`, in its sentence ("president | Poetin")."""
    if first <= 0 or doc.tokens[first - 1].sent != doc.tokens[first].sent:
        return False
    prev = doc.tokens[first - 1]
    role = role_of(prev.text, prev.lemma)
    return role is not None and role.person


def guess_type(doc: Document, first: int, last: int) -> str:
    toks = doc.tokens
    names = [t.text for t in toks[first:last]]
    prev = toks[first - 1] if first > 0 and toks[first - 1].sent == toks[first].sent else None
    if all(w.isupper() and len(w) > 1 for w in names):
        return "ORG"
    if person_title_before(doc, first):
        return "PER"
    if prev is not None and prev.text.lower() in words("locative"):
        return "LOC"
    if last - first == 1 and names[0].endswith(tuple(words("adjective-ending"))) and toks[first].upos in ("", "ADJ", "PROPN"):
        return "MISC"  # "Antwerpse", "Vlaamse": adjectives of places are MISC like nationalities
    # names of people are proper nouns throughout; "Europees Agentschap", "Financiële Morgen" are not
    if any(t.upos in ("ADJ", "NOUN") for t in toks[first:last]) and last - first > 1:
        return "ORG"
    # unknown names in Dutch news are most often people (CoNLL-2002 dev: PER > ORG > MISC > LOC)
    return "PER"


def recogniser_mentions(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.source == "ner"]
