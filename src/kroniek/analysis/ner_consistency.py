"""Document-level consistency of recognised entities.

The recogniser sees one sentence at a time, so the same name can get different types in one article
("Ajax" ORG here, LOC there) or be missed where its context is poor. Within a document a name almost
always keeps one type: each name gets the type most of its mentions got, and later bare occurrences of a
name found elsewhere (same token sequence) become mentions too.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from kroniek.doc import Document, Mention

MIN_CHARS = 2  # one-letter "names" are mostly initials and list markers


def harmonise(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (sorted, non-overlapping, on token boundaries of `doc`) made consistent per name."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        votes[m.text][m.type] += 1
    out = [Mention(m.start, m.end, m.text, _winner(votes[m.text], m.type), m.source) for m in mentions]
    names = {text: _winner(v, "") for text, v in votes.items() if len(text) >= MIN_CHARS and text[:1].isupper()}
    if not names:
        return out
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for text in names:
        words = text.split(" ")
        by_first[words[0]].append(words)
    taken = {i for m in out for i in range(m.start, m.end)}
    toks = doc.tokens
    added = []
    for k, t in enumerate(toks):
        if t.text not in by_first or t.start in taken:
            continue
        for words in sorted(by_first[t.text], key=len, reverse=True):
            end = k + len(words)
            if end > len(toks) or toks[end - 1].sent != t.sent:
                continue
            if [x.text for x in toks[k:end]] != words:
                continue
            a, b = t.start, toks[end - 1].end
            text = doc.text[a:b]
            # only where the text reads the same (single spaces), never across other mentions
            if text != " ".join(words) or any(i in taken for i in range(a, b)):
                continue
            added.append(Mention(a, b, text, names[text], "ner"))
            taken.update(range(a, b))
            break
    return sorted(out + added, key=lambda m: m.start)


def _winner(votes: Counter[str], fallback: str) -> str:
    if not votes:
        return fallback
    best = max(votes.values())
    tied = [t for t, n in votes.items() if n == best]
    return fallback if fallback in tied else sorted(tied)[0]
