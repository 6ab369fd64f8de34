"""Tokenisation: spaCy's Dutch rules plus our news abbreviations and symbol splits."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex

from kroniek.lang.nl import abbreviations


@lru_cache(maxsize=1)
def dutch_tokenizer() -> Tokenizer:
    nlp = spacy.blank("nl")
    tok = nlp.tokenizer
    for abbr in abbreviations():
        tok.add_special_case(abbr, [{ORTH: abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            tok.add_special_case(cap, [{ORTH: cap}])
    # "50%" -> "50" "%": percentages are quantities with a unit token, as in the treebanks
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[0-9])%"]
    tok.suffix_search = compile_suffix_regex(suffixes).search
    return tok


# the tokenizer's vocabulary and cache grow with every new word: start afresh past this many
# (see analysis/model.py MAX_LEXEMES)
MAX_LEXEMES = 300_000


def tokenize(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, space_after) for every non-whitespace token."""
    out: list[tuple[int, int, str, bool]] = []
    tok = dutch_tokenizer()
    if len(tok.vocab) > MAX_LEXEMES:
        dutch_tokenizer.cache_clear()
        tok = dutch_tokenizer()
    for t in tok(text):
        if t.is_space:
            continue
        out.append((t.idx, t.idx + len(t.text), t.text, bool(t.whitespace_)))
    # whitespace tokens spaCy makes for runs of spaces still mean a space after the previous token
    for k in range(len(out) - 1):
        s, e, w, sp = out[k]
        if not sp and out[k + 1][0] > e:
            out[k] = (s, e, w, True)
    return out
