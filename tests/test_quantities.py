"""Table-driven tests of quantity recognition."""
from __future__ import annotations

import pytest

from kroniek.dates import parse_doc_date
from kroniek.doc import Document
from kroniek.pipeline import Pipeline
from kroniek.quantities.numbers import parse_digits, parse_number_word
from kroniek.quantities.recognize import find_quantities


def quantities(text: str) -> list[tuple]:
    return [(q.text, q.value, q.unit, q.kind, q.approx) for q in find_quantities(text)]


@pytest.mark.parametrize("s,value", [
    ("1,5", 1.5), ("12.500", 12500), ("300.000", 300000), ("1.500.000,25", 1500000.25), ("300", 300), ("2.5", 2.5),
    ("12,5x", None), ("1.2345", None),
])
def test_digits(s, value):
    assert parse_digits(s) == value


@pytest.mark.parametrize("w,value", [
    ("vierentwintig", 24), ("tweeëntwintig", 22), ("eenentwintig", 21), ("driehonderd", 300),
    ("tweeduizend", 2000), ("honderdvijftig", 150), ("vijfhonderdduizend", 500000), ("anderhalf", 1.5),
    ("tweeënhalf", 2.5), ("negentienhonderdvierennegentig", 1994), ("één", 1),
    ("achtervolging", None), ("tweedrie", None), ("twintigtwintig", None), ("huis", None), ("", None),
])
def test_number_words(w, value):
    assert parse_number_word(w) == value


CASES = [
    ("Poetin heeft een bedrag van 1,5 miljard dollar toegezegd.", [("1,5 miljard dollar", 1_500_000_000, "USD", "money", None)]),
    ("Dat is 1,25 miljard euro.", [("1,25 miljard euro", 1_250_000_000, "EUR", "money", None)]),
    ("Het kost € 12,50 per stuk.", [("€ 12,50", 12.5, "EUR", "money", None)]),
    ("Een boete van $5 mld. volgde.", [("$5 mld.", 5_000_000_000, "USD", "money", None)]),
    ("Hij leende anderhalf miljard roebel.", [("anderhalf miljard roebel", 1_500_000_000, "RUB", "money", None)]),
    ("Er ging twee miljoen pond naartoe.", [("twee miljoen pond", 2_000_000, "GBP", "money", None)]),
    ("De Zwitserse bank betaalde 300 Zwitserse frank.", [("300 Zwitserse frank", 300, "CHF", "money", None)]),
    ("De inflatie steeg met 3,5 procent.", [("3,5 procent", 3.5, "%", "percent", None)]),
    ("Ruim 50% van de kiezers stemde.", [("50%", 50, "%", "percent", "Ruim")]),
    ("Zeker 774 deelnemers werden aangehouden.", [("774", 774, "deelnemers", "count", "Zeker")]),
    ("Bijna 2000 agenten waren op de been.", [("2000", 2000, "agenten", "count", "Bijna")]),
    ("Er vielen vierentwintig doden.", [("vierentwintig", 24, "doden", "count", None)]),
    ("Hij liet tientallen Russen oppakken.", [("tientallen", None, "Russen", "count", "tientallen")]),
    ("De stad telt 300.000 inwoners.", [("300.000", 300000, "inwoners", "count", None)]),
    ("De 66-jarige Lukashenko bleef.", [("66-jarige", 66, "a", "age", None)]),
    ("Jan Jansen (52) werd opgepakt.", [("52", 52, "a", "age", None)]),
    ("Zij is 26 jaar oud.", [("26 jaar", 26, "a", "age", None)]),
    ("Het beleg duurde circa vier uur.", [("vier uur", 4, "h", "duration", "circa")]),
    ("Hij liep 20 km en droeg 5 kilo.", [("20 km", 20, "km", "length", None), ("5 kilo", 5, "kg", "mass", None)]),
    ("De Lijn koopt 120 hybride bussen en 7 elektrische.", [("120", 120, "bussen", "count", None),
                                                           ("7", 7, None, "count", None)]),
    ("Bilal Al Marchohi ( 22 ) zit opgesloten.", [("22", 22, "a", "age", None)]),
    ("Een man en een vrouw.", []),
    ("Het werd 3-1 voor Ajax.", []),
    ("Hij werd 3e in de race.", []),
    ("De verkiezingen van 9 augustus.", []),
    ("Een F-16 stortte neer.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quantities(text, expected):
    assert quantities(text) == expected


def test_numbers_inside_dates_and_clock_times_are_not_quantities():
    doc = Document("q", "Op 9 augustus 2020 om 16.00 uur waren er 300 betogers, al 26 jaar.", parse_doc_date("2020-09"))
    Pipeline(["tokenize", "quantities", "times"])(doc)
    assert [(q.text, q.kind) for q in doc.quantities] == [("300", "count"), ("26 jaar", "duration")]
