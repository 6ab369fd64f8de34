"""One type per name within a document."""
from __future__ import annotations

from kroniek.analysis.ner_consistency import harmonise
from kroniek.doc import Mention


def m(start: int, text: str, type_: str) -> Mention:
    return Mention(start, start + len(text), text, type_)


def test_majority_type_wins() -> None:
    out = harmonise([m(0, "Ajax", "ORG"), m(20, "Ajax", "LOC"), m(40, "Ajax", "ORG"), m(60, "Gent", "LOC")])
    assert [x.type for x in out] == ["ORG", "ORG", "ORG", "LOC"]
    assert [(x.start, x.end) for x in out] == [(0, 4), (20, 24), (40, 44), (60, 64)]


def test_part_of_a_longer_name_takes_its_type() -> None:
    ms = [m(0, "Mark Rutte", "PER"), m(15, "Mark Rutte", "PER"), m(30, "Rutte", "ORG")]
    assert [x.type for x in harmonise(ms)] == ["PER", "PER", "PER"]
    assert harmonise(ms, parts=False)[2].type == "ORG"


def test_tie_keeps_own_type() -> None:
    out = harmonise([m(0, "Parijs", "LOC"), m(20, "Parijs", "ORG")])
    assert [x.type for x in out] == ["LOC", "ORG"]


def test_nothing_in_nothing_out() -> None:
    assert harmonise([]) == []
