"""Input: files, folders and streams become articles (or clear errors)."""
from kroniek.input.article import Article, ArticleError
from kroniek.input.sources import iter_articles

__all__ = ["Article", "ArticleError", "iter_articles"]
