"""HTTP API and web explorer over a chronicle database (`kroniek serve`)."""
from __future__ import annotations

from kroniek.serve.app import create_app
from kroniek.serve.server import serve

__all__ = ["create_app", "serve"]
