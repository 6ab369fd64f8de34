"""The "events" pipeline component: lexicon-coded events plus news types from the classifier."""
from __future__ import annotations

from kroniek.doc import Document
from kroniek.events.coder import Coder
from kroniek.events.lexicon import lexicon
from kroniek.events.newstype import model
from kroniek.pipeline import Component, component


@component("events")
def events_component() -> Component:
    coder = Coder(lexicon(), model())

    def run(doc: Document) -> Document:
        doc.events = coder(doc)
        for n, ev in enumerate(doc.events, 1):
            ev.id = f"v{n}"
        return doc

    return run
