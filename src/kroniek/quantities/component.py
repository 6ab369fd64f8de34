"""The "quantities" pipeline component: fills doc.quantities."""
from __future__ import annotations

from kroniek.doc import Document
from kroniek.pipeline import Component, component
from kroniek.quantities.recognize import find_quantities


@component("quantities")
def make_quantities() -> Component:
    def quantities(doc: Document) -> Document:
        doc.quantities = find_quantities(doc.text, doc.tokens or None, doc.token_at if doc.tokens else None)
        return doc

    return quantities
