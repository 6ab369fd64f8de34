"""The example chronicle the serve tests run against, built in a temporary folder.

It holds the reference article as the pipeline reads it today (its layers fill in as they land)
plus one hand-made reading whose every layer is present, so the page always has entities,
events, places and an article whose text contains markup that must show as text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE_ID = "markup-test"
HOSTILE_TEXT = ('Poetin sprak <script>window.__pwned = 1</script> in Minsk met Lukashenko. '
                'De politie arresteerde 12 betogers <img src=x onerror="window.__pwned = 2"> op 9 augustus.')


def _span(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return {"start": at, "end": at + len(needle), "text": needle}


def hostile_reading() -> dict[str, Any]:
    """A reading with entities, a time, a quantity and two events, over text full of markup."""
    t = HOSTILE_TEXT
    return {
        "id": HOSTILE_ID, "date": "2020-08-10", "language": "nl", "title": "Test <b>kop</b> & markup",
        "url": None, "source": "test", "text": t,
        "sentences": [{"start": 0, "end": t.index("De politie")}, {"start": t.index("De politie"), "end": len(t)}],
        "entities": [
            {"id": "e1", "type": "PER", "name": "Vladimir Poetin", "kb": "Q7747", "actor": "RUSGOV",
             "mentions": [_span(t, "Poetin")]},
            {"id": "e2", "type": "PER", "name": "Alexander Lukashenko", "kb": "Q3917", "actor": "BLRGOV",
             "mentions": [_span(t, "Lukashenko")]},
            {"id": "e3", "type": "LOC", "name": "Minsk", "kb": "Q2280", "actor": None, "lat": 53.9, "lon": 27.57,
             "mentions": [_span(t, "Minsk")]},
            {"id": "e4", "type": "ORG", "name": "politie", "kb": None, "actor": "BLRCOP",
             "mentions": [_span(t, "politie")]},
        ],
        "times": [{**_span(t, "9 augustus"), "type": "DATE", "value": "2020-08-09",
                   "earliest": "2020-08-09", "latest": "2020-08-09"}],
        "quantities": [{**_span(t, "12 betogers"), "value": 12, "unit": None, "kind": "count"}],
        "events": [
            {"id": "v1", "trigger": _span(t, "sprak"), "plover": "CONSULT", "cameo": "040",
             "news_type": "Contact.Meet",
             "source": {"entity": "e1", "actor": "RUSGOV", "text": "Poetin"},
             "target": {"entity": "e2", "actor": "BLRGOV", "text": "Lukashenko"},
             "time": {"value": "2020-08-10", "earliest": "2020-08-10", "latest": "2020-08-10"},
             "location": {"entity": "e3", "text": "Minsk"}, "quantities": [], "modality": "asserted"},
            {"id": "v2", "trigger": _span(t, "arresteerde"), "plover": "COERCE", "cameo": "173",
             "news_type": "Justice.ArrestJail",
             "source": {"entity": "e4", "actor": "BLRCOP", "text": "De politie"},
             "target": {"entity": None, "actor": "BLRCVL", "text": "12 betogers"},
             "time": {"value": "2020-08-09", "earliest": "2020-08-09", "latest": "2020-08-09"},
             "location": {"entity": "e3", "text": "Minsk"}, "quantities": [0], "modality": "asserted"},
        ],
        "warnings": [],
    }


def build(path: Path) -> Path:
    """Ingest examples/ and the hand-made reading into a new chronicle at `path`."""
    from kroniek.db import Chronicle

    with Chronicle(str(path)) as db:
        db.ingest([str(EXAMPLES)])
        db.add_readings([hostile_reading()])
    return path


_SHARED: dict[str, Path] = {}


def shared(tmp_path_factory: Any) -> Path:
    """One example chronicle per test session: reading the examples loads the models, so it is paid once."""
    if "path" not in _SHARED:
        _SHARED["path"] = build(tmp_path_factory.mktemp("chronicle") / "example.duckdb")
    return _SHARED["path"]
