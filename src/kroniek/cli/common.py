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
    """An ISO 3166 alpha-3 country code for `--country` (nld is read as NLD)."""
    import argparse

    code = given.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise argparse.ArgumentTypeError(f"not an ISO 3166 alpha-3 country code (NLD, BEL): {given!r}")
    return code
