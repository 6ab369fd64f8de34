"""Saved web pages: main text, title and publication date extracted with trafilatura."""
from __future__ import annotations

from kroniek.input.article import Article, ArticleInputError


def parse_html(raw: str, id: str, path: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        raise ArticleInputError("web page without extractable main text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    title = data.get("title")
    # trafilatura keeps the headline as the first line of the body; the title field already holds it
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    date = data.get("date") or None
    return Article.build(
        id=id,
        text=text,
        date=date,
        title=title,
        url=data.get("url"),
        source=data.get("sitename") or data.get("hostname"),
        language=data.get("language"),
        path=path,
    )
