"""Plain-text articles with the optional `date` and `country` headers, and pretokenized text."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kroniek.input.article import Article, ArticleInputError

# `date` then a date-like word, on the first line; the text follows on the same line or the next.
_DATE = (re.compile(r"\A\s*date[ \t]+(?P<value>\S+)[ \t]*(?:\r?\n)?"), re.compile(r"\A\s*date[ \t]*(?:\r?\n|\Z)"))
# `country` then an ISO 3166 alpha-3 code, on a line of its own after the date (or first): the home country
# of an article that names none, as `kroniek read --country` gives it to a whole archive
_COUNTRY = (re.compile(r"\A[ \t]*country[ \t]+(?P<value>\S+)[ \t]*(?:\r?\n|\Z)"),
            re.compile(r"\A[ \t]*country[ \t]*(?:\r?\n|\Z)"))


def _split(raw: str, header: tuple[re.Pattern[str], re.Pattern[str]], missing: str) -> tuple[str | None, str]:
    given, empty = header
    m = given.match(raw)
    if m:
        return m["value"], raw[m.end() :]
    if empty.match(raw):
        raise ArticleInputError(missing)
    return None, raw


def split_header(raw: str) -> tuple[str | None, str]:
    """Return (date string or None, body)."""
    return _split(raw, _DATE, "header 'date' without a date")


def split_country(raw: str) -> tuple[str | None, str]:
    """Return (country code or None, rest) for a `country` header line at the start of `raw`."""
    return _split(raw, _COUNTRY, "header 'country' without a country code")


def parse_txt(raw: str, id: str, path: str | None = None) -> Article:
    country, rest = split_country(raw)
    date, body = split_header(rest)
    if country is None and date is not None:
        country, body = split_country(body)
    return Article.build(id=id, text=body, date=date, path=path, country=country)


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
