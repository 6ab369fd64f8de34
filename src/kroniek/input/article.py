"""An article as read from input, before analysis, and the error that stands in for one that can't be read."""
from __future__ import annotations

from dataclasses import dataclass, field

from kroniek.dates import BadDate, DocDate, parse_doc_date
from kroniek.doc import Document

MAX_CHARS = 20_000_000  # beyond this an "article" is a dump, not news: refuse it clearly


class ArticleInputError(ValueError):
    """Raised while building an article from bad input; becomes an ArticleError record."""


def home_country(code: str) -> str:
    """An article's home country as an ISO 3166 alpha-3 code ("nld" is NLD); ArticleInputError otherwise."""
    norm = code.strip().upper()
    if len(norm) != 3 or not norm.isalpha():
        raise ArticleInputError(f"'country' must be an ISO 3166 alpha-3 code such as NLD or BEL, not {code!r}")
    return norm


@dataclass(slots=True)
class ArticleError:
    id: str
    error: str
    path: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "error": self.error}


@dataclass(slots=True)
class Article:
    id: str
    text: str
    date: DocDate | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "nl"
    path: str | None = None
    pretokenized: list[list[str]] | None = None
    warnings: list[str] = field(default_factory=list)
    country: str | None = None  # home country (ISO 3166 alpha-3) of an article that names none

    @classmethod
    def build(
        cls,
        id: str,
        text: str,
        date: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        language: str | None = None,
        path: str | None = None,
        country: str | None = None,
    ) -> Article:
        """Validate and normalise; raises ArticleInputError with a message meant for people."""
        if not isinstance(text, str):
            raise ArticleInputError(f"'text' must be a string, not {type(text).__name__}")
        text = text.strip()
        if not text:
            raise ArticleInputError("empty article: no text after the header")
        if len(text) > MAX_CHARS:
            raise ArticleInputError(f"article too large: {len(text):,} characters (limit {MAX_CHARS:,})")
        if "\x00" in text:
            raise ArticleInputError("text holds NUL bytes: binary data, not an article")
        try:
            doc_date = parse_doc_date(date)
        except BadDate as e:
            raise ArticleInputError(str(e)) from None
        country = home_country(country) if country is not None else None
        return cls(
            id=id,
            text=text,
            date=doc_date,
            title=title,
            url=url,
            source=source,
            language=language or "nl",
            path=path,
            country=country,
        )

    def to_document(self) -> Document:
        return Document(
            id=self.id,
            text=self.text,
            date=self.date,
            title=self.title,
            url=self.url,
            source=self.source,
            language=self.language,
            pretokenized=self.pretokenized,
            warnings=list(self.warnings),
            country=self.country,
        )
