"""What every subcommand shares."""
from __future__ import annotations

from kroniek.diagnostics import warn

__all__ = ["warn", "component_names"]


def component_names(given: str | None) -> list[str] | None:
    """`--components a,b` as a list of pipeline component names; None when not given."""
    if not given:
        return None
    return [n.strip() for n in given.split(",") if n.strip()]
