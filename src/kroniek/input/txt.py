"""Plain-text articles with the optional `date` header, and pretokenized text."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kroniek.input.article import Article, ArticleInputError

# `date` then a date-like word, on the first line; the text follows on the same line or the next.
_HEADER = re.compile(r"\A\s*date[ \t]+(?P<date>\S+)[ \t]*(?:\r?\n)?")
_HEADER_EMPTY = re.compile(r"\A\s*date[ \t]*(?:\r?\n|\Z)")


def split_header(raw: str) -> tuple[str | None, str]:
    """Return (date string or None, body)."""
    m = _HEADER.match(raw)
    if m:
        return m["date"], raw[m.end() :]
    if _HEADER_EMPTY.match(raw):
        raise ArticleInputError("header 'date' without a date")
    return None, raw


def parse_txt(raw: str, id: str, path: str | None = None) -> Article:
    date, body = split_header(raw)
    return Article.build(id=id, text=body, date=date, path=path)


def parse_pretokenized(raw: str, name: str, path: str | None = None) -> Iterator[Article]:
    """One sentence per line, tokens split by single spaces; blank lines separate documents."""
    blocks: list[list[str]] = [[]]
    for line in raw.split("\n"):
        line = line.rstrip("\r")
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    n = 0
    for lines in blocks:
        if not lines:
            continue
        n += 1
        sents = [[t for t in line.split(" ") if t] for line in lines]
        art = Article.build(id=f"{name}:{n}", text="\n".join(lines), path=path)
        # keep the given lines exactly: `text` is the lines joined with \n
        art.text = "\n".join(lines)
        art.pretokenized = sents
        yield art
