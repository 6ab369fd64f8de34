"""Sentence splitting for news text: final punctuation (with trailing quotes and brackets) and line breaks."""
from __future__ import annotations

_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}
_LOWER_STARTS = ("'s", "'t", "’s", "’t")


def split_sentences(text: str, tokens: list[tuple[int, int, str, bool]]) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of the sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    k = 0
    while k < n:
        end_here = False
        _, e, w, _ = tokens[k]
        if w in _FINAL:
            j = k
            while j + 1 < n and tokens[j + 1][2] in _CLOSERS and tokens[j + 1][0] == tokens[j][1]:
                j += 1
            if j + 1 >= n:
                k = j
                end_here = True
            else:
                nxt = tokens[j + 1][2]
                gap = text[tokens[j][1] : tokens[j + 1][0]]
                lowercase_next = nxt[:1].islower() and not nxt.startswith(_LOWER_STARTS)
                if gap and not lowercase_next:
                    k = j
                    end_here = True
        if not end_here and k + 1 < n and "\n" in text[e : tokens[k + 1][0]]:
            end_here = True
        if end_here or k + 1 >= n:
            spans.append((start, k + 1))
            start = k + 1
        k += 1
    return spans
