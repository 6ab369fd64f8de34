"""Tokenisation and sentence splitting of Dutch news text."""
from __future__ import annotations

import pytest

from kroniek.doc import Document
from kroniek.pipeline import Pipeline


def analyse(text: str) -> Document:
    return Pipeline(["tokenize"])(Document(id="t", text=text))


def words(doc: Document) -> list[str]:
    return [t.text for t in doc.tokens]


def sents(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Het kost 1,5 mld. dollar.", ["Het", "kost", "1,5", "mld.", "dollar", "."]),
        ("Op 12 jan. 2020 zie blz. 3.", ["Op", "12", "jan.", "2020", "zie", "blz.", "3", "."]),
        ("Een stijging van 50%.", ["Een", "stijging", "van", "50", "%", "."]),
        ("Lukashenko's plannen", ["Lukashenko's", "plannen"]),
        ('"Oudere broer" Moskou', ['"', "Oudere", "broer", '"', "Moskou"]),
        ("Wit-Rusland en Noord-Korea", ["Wit-Rusland", "en", "Noord-Korea"]),
        ("om 16.00 uur, o.a. in Den Haag", ["om", "16.00", "uur", ",", "o.a.", "in", "Den", "Haag"]),
    ],
)
def test_tokens(text, expected):
    assert words(analyse(text)) == expected


def test_offsets_point_into_the_text():
    doc = analyse("De Russische president   Vladimir Poetin\n\nzegt: \"ja\".")
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))


def test_sentences_split_on_final_punctuation_not_on_abbreviations():
    doc = analyse("Het kost 1,5 mld. euro. Dat is veel, aldus dhr. Jansen! Klopt dat? Ja.")
    assert sents(doc) == ["Het kost 1,5 mld. euro.", "Dat is veel, aldus dhr. Jansen!", "Klopt dat?", "Ja."]


def test_sentences_keep_closing_quotes_and_split_on_paragraphs():
    doc = analyse('Hij zei: "Nee." Dat was het\n\nNieuwe alinea zonder punt\nEn een kop')
    assert sents(doc) == ['Hij zei: "Nee."', "Dat was het", "Nieuwe alinea zonder punt", "En een kop"]


def test_no_split_before_lowercase_continuation():
    doc = analyse("Dat kost ca. 5 euro... of meer. Klaar.")
    assert sents(doc) == ["Dat kost ca. 5 euro... of meer.", "Klaar."]


def test_sentence_token_ranges_are_consistent(example_path):
    from kroniek.input.txt import split_header

    _, body = split_header(example_path.read_text(encoding="utf-8"))
    doc = analyse(body.strip())
    assert len(doc.sentences) == 19
    # sentence starts of the gold events in ../shared/eval/dev
    starts = {s.start for s in doc.sentences}
    assert {0, 195, 346, 430, 845, 1059, 1166, 1246, 1440, 1541, 1878, 2130, 2291, 2348} <= starts
    for k, s in enumerate(doc.sentences):
        toks = doc.sentence_tokens(s)
        assert toks[0].start == s.start and toks[-1].end == s.end
        assert all(t.sent == k for t in toks)
    assert doc.sentence_of(doc.sentences[3].start + 2) == 3


def test_pretokenized_tokens_are_kept_exactly():
    doc = Document(id="p", text="A , b .\nC d", pretokenized=[["A", ",", "b", "."], ["C", "d"]])
    doc = Pipeline(["tokenize"])(doc)
    assert [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences] == [["A", ",", "b", "."], ["C", "d"]]
