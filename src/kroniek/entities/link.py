"""Linking: which knowledge-base entry a found name stands for, by the recogniser's type."""
from __future__ import annotations

from kroniek.entities.mentions import Found
from kroniek.kb import KBEntry

_TRUSTED = frozenset({"country", "igo", "group", "seat", "leader", "region"})  # cities are surnames too (Washington)


def _type(entry: KBEntry, form: str) -> str:
    return "MISC" if form in ("adjective", "demonym") else entry.type


def choose(f: Found) -> tuple[Found, KBEntry | None, str]:
    """The best candidate; one whose type agrees with the recogniser's when it typed the span.
    A recogniser type no candidate has keeps only curated entries (a person called Washington)."""
    if not f.candidates:
        return f, None, "name"
    if f.type:
        for entry, form in f.candidates:
            # the recogniser often calls a party MISC ("de Democraten"), or PER where the name cannot be a
            # person's ("GroenLinks-PvdA"); a plain word stays a person ("Groen")
            if _type(entry, form) == f.type or (f.type == "ORG" and entry.kind == "seat") or (
                    entry.kind == "party" and (f.type == "MISC" or (f.type == "PER" and not _plain_word(f.text)))):
                return f, entry, form
            if f.type == "MISC" and entry.type == "LOC" and form == "name":
                # a foreign place's name the recogniser took for a miscellaneous name ("heroveren Raqqa")
                return f, entry, form
        entry, form = f.candidates[0]
        if entry.kind not in _TRUSTED:
            return f, None, "name"
        return f, entry, form
    entry, form = f.candidates[0]
    return f, entry, form


def _plain_word(text: str) -> bool:
    """One capitalised word, as a surname is: "Groen", "Denk" (not "GroenLinks-PvdA", "D66", "CD&V")."""
    return text[:1].isupper() and text[1:].isalpha() and text[1:].islower()
