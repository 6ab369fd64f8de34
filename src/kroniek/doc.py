"""The document object that flows through the reading pipeline.

Every component takes a `Document` and fills in its part: the analysis layer fills
`sentences` and `tokens`, later layers add `mentions`, `entities`, `times`,
`quantities` and `events`. Offsets are Python string indices into `text`, end exclusive.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kroniek.dates import DocDate


@dataclass(slots=True)
class Token:
    i: int  # index in the document
    start: int
    end: int
    text: str
    sent: int = 0  # index of the sentence
    lemma: str = ""
    upos: str = ""
    xpos: str = ""
    feats: str = ""
    head: int = -1  # document index of the head token; -1 for the root
    deprel: str = ""
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int  # first token index
    token_end: int  # one past the last token index


@dataclass(slots=True)
class Mention:
    """A span that names something: from the entity recogniser, a gazetteer or coreference."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | MISC
    source: str = "ner"  # which component found it
    entity: str | None = None  # id of the entity it was resolved to


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    kb: str | None = None
    actor: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO-3 / CAMEO country code when known
    lat: float | None = None
    lon: float | None = None
    references: list[Mention] = field(default_factory=list)  # nominal and pronominal coreferent mentions


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    kind: str = "count"  # count | money | percent | age | ...
    approx: str | None = None  # the qualifier kept verbatim: ruim, zeker, bijna, circa, ...


@dataclass(slots=True)
class Argument:
    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence: int
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    news_type: str | None = None
    goldstein: float | None = None
    quadclass: int | None = None
    source: Argument | None = None
    target: Argument | None = None
    time: dict[str, Any] | None = None
    location: Argument | None = None
    quantities: list[int] = field(default_factory=list)
    modality: str = "asserted"
    attribution: Argument | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    date: DocDate | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "nl"
    pretokenized: list[list[str]] | None = None  # given sentences of given tokens
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the home country of an archive (a Dutch newspaper's: NLD) for an article that names no country
    country: str | None = None
    _derived: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, name: str, key: Any, build: Callable[[], Any]) -> Any:
        """An index derived from this document (built once, rebuilt when `key` changes), so that
        per-sentence lookups do not rescan a long article."""
        hit = self._derived.get(name)
        if hit is None or hit[0] != key:
            hit = (key, build())
            self._derived[name] = hit
        return hit[1]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside [start, end)."""
        k = bisect_left(self.tokens, start, key=lambda t: t.start)
        out = []
        while k < len(self.tokens) and self.tokens[k].end <= end:
            out.append(self.tokens[k])
            k += 1
        return out

    def sentence_tokens(self, s: int | Sentence) -> list[Token]:
        sent = self.sentences[s] if isinstance(s, int) else s
        return self.tokens[sent.token_start : sent.token_end]

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding the character at `offset`."""
        return _index_at(self.sentences, offset)

    def token_at(self, offset: int) -> Token | None:
        """The token whose span holds `offset`."""
        k = _index_at(self.tokens, offset)
        return None if k is None else self.tokens[k]

    def children(self, i: int) -> list[Token]:
        """Dependents of token i (in sentence order)."""
        s = self.sentences[self.tokens[i].sent]
        return [t for t in self.tokens[s.token_start : s.token_end] if t.head == i]


def _index_at(spans: Sequence[Token] | Sequence[Sentence], offset: int) -> int | None:
    """Index of the span (sorted, not overlapping) that holds `offset`, if any."""
    k = bisect_right(spans, offset, key=lambda x: x.start) - 1
    return k if k >= 0 and offset < spans[k].end else None
