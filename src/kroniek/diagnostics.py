"""Diagnostics go to stderr, never into the readings on stdout."""
from __future__ import annotations

import sys


def warn(msg: str) -> None:
    print(f"kroniek: {msg}", file=sys.stderr)
