"""What every subcommand shares."""
from __future__ import annotations

from kroniek.diagnostics import warn

__all__ = ["warn", "component_names"]


def component_names(given: str | None) -> list[str] | None:
    """`--components a,b` as a list of pipeline component names; None when not given."""
    if not given:
        return None
    return [n.strip() for n in given.split(",") if n.strip()]


def country_code(given: str) -> str:
    """An ISO 3166 alpha-3 country code for `--country` (nld is read as NLD); a usage error otherwise."""
    import argparse

    from kroniek.input.article import ArticleInputError, home_country

    try:
        return home_country(given)
    except ArticleInputError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
