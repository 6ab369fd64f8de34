"""Table-driven tests of time recognition and normalisation on real news phrasings."""
from __future__ import annotations

import pytest

from kroniek.dates import parse_doc_date
from kroniek.doc import Document
from kroniek.time.component import read_times


def times(text: str, date: str | None = "2020-09-16") -> list[tuple]:
    doc = Document("t", text, parse_doc_date(date))
    return [(t.text, t.type, t.value, t.earliest, t.latest) for t in read_times(doc)]


def one(text: str, date: str | None = "2020-09-16") -> tuple:
    got = times(text, date)
    assert len(got) == 1, got
    return got[0]


# (sentence, the expression, type, value, earliest, latest) with the article dated Wednesday 16 September 2020
DAY_PRECISE = [
    ("De verkiezingen vonden plaats op 9 augustus.", "9 augustus", "DATE", "2020-08-09", "2020-08-09", "2020-08-09"),
    ("Hij werd op 9 aug. 2019 opgepakt.", "9 aug. 2019", "DATE", "2019-08-09", "2019-08-09", "2019-08-09"),
    ("Het vonnis van 09-08-2020 blijft.", "09-08-2020", "DATE", "2020-08-09", "2020-08-09", "2020-08-09"),
    ("Op 9/8 was het bestand al van kracht.", "9/8", "DATE", "2020-08-09", "2020-08-09", "2020-08-09"),
    ("Het bestand geldt tot maandag.", "maandag", "DATE", "2020-09-21", "2020-09-21", "2020-09-21"),
    ("De CDU meldde zondag dat het zal lukken.", "zondag", "DATE", "2020-09-13", "2020-09-13", "2020-09-13"),
    ("Merkel heeft zaterdag aangekondigd gesprekken aan te gaan.", "zaterdag", "DATE", "2020-09-12", "2020-09-12",
     "2020-09-12"),
    ("De raadkamer beslist op donderdag 17 december.", "donderdag 17 december", "DATE", "2020-12-17", "2020-12-17",
     "2020-12-17"),
    ("De raadkamer besliste op donderdag 14 december.", "donderdag 14 december", "DATE", "2017-12-14", "2017-12-14",
     "2017-12-14"),
    ("Hij kreeg op 13 februari van dit jaar gif.", "13 februari van dit jaar", "DATE", "2020-02-13", "2020-02-13",
     "2020-02-13"),
    ("Dat moet zo'n 300 miljoen euro per jaar opleveren.", "per jaar", "SET", "P1Y", None, None),
    ("Zaterdag 12 september werd hij gekozen.", "Zaterdag 12 september", "DATE", "2020-09-12", "2020-09-12",
     "2020-09-12"),
    ("De wet geldt sinds 2020-01-01.", "2020-01-01", "DATE", "2020-01-01", "2020-01-01", "2020-01-01"),
    ("Begin 2019 was het nog rustig.", "Begin 2019", "DATE", "2019", "2019-01-01", "2019-05-26"),
    ("Eind september komt er een besluit.", "Eind september", "DATE", "2020-09", "2020-09-19", "2020-09-30"),
    ("Medio juli sloot de fabriek.", "Medio juli", "DATE", "2020-07", "2020-07-10", "2020-07-21"),
    ("In 1994 kwam hij aan de macht.", "1994", "DATE", "1994", "1994-01-01", "1994-12-31"),
    ("In de jaren negentig was dat anders.", "de jaren negentig", "DATE", "199", "1990-01-01", "1999-12-31"),
    ("Dat was in de jaren '80 gewoon.", "de jaren '80", "DATE", "198", "1980-01-01", "1989-12-31"),
    ("Maandag sprak hij met de premier.", "Maandag", "DATE", "2020-09-14", "2020-09-14", "2020-09-14"),
    ("Maandagavond was er een rel.", "Maandagavond", "TIME", "2020-09-14TEV", "2020-09-14", "2020-09-14"),
    ("Zondagochtend vertrok de stoet.", "Zondagochtend", "TIME", "2020-09-13TMO", "2020-09-13", "2020-09-13"),
    ("Vanochtend meldde de politie een ongeval.", "Vanochtend", "TIME", "2020-09-16TMO", "2020-09-16", "2020-09-16"),
    ("Gisteravond brak er brand uit.", "Gisteravond", "TIME", "2020-09-15TEV", "2020-09-15", "2020-09-15"),
    ("Gisteren kwam de ploeg bijeen.", "Gisteren", "DATE", "2020-09-15", "2020-09-15", "2020-09-15"),
    ("Eergisteren viel het besluit.", "Eergisteren", "DATE", "2020-09-14", "2020-09-14", "2020-09-14"),
    ("Vandaag begint het proces.", "Vandaag", "DATE", "2020-09-16", "2020-09-16", "2020-09-16"),
    ("Morgen beslist de rechter.", "Morgen", "DATE", "2020-09-17", "2020-09-17", "2020-09-17"),
    ("Vorige week werd hij vrijgelaten.", "Vorige week", "DATE", "2020-W37", "2020-09-07", "2020-09-13"),
    ("Het afgelopen weekend vielen er doden.", "Het afgelopen weekend", "DATE", "2020-W37-WE", "2020-09-12",
     "2020-09-13"),
    ("Volgende maand start de bouw.", "Volgende maand", "DATE", "2020-10", "2020-10-01", "2020-10-31"),
    ("Vorig jaar daalde de werkloosheid.", "Vorig jaar", "DATE", "2019", "2019-01-01", "2019-12-31"),
    ("Dit jaar is het anders.", "Dit jaar", "DATE", "2020", "2020-01-01", "2020-12-31"),
    ("Twee dagen geleden werd hij gearresteerd.", "Twee dagen geleden", "DATE", "2020-09-14", "2020-09-14",
     "2020-09-14"),
    ("De minister komt over drie weken terug.", "over drie weken", "DATE", "2020-W41", "2020-10-05", "2020-10-11"),
    ("Het debat begint om 16.00 uur.", "16.00 uur", "TIME", "2020-09-16T16:00", "2020-09-16", "2020-09-16"),
    ("De winkels sluiten om half acht.", "half acht", "TIME", "2020-09-16T07:30", "2020-09-16", "2020-09-16"),
    ("Om half acht 's avonds was het voorbij.", "half acht 's avonds", "TIME", "2020-09-16T19:30", "2020-09-16",
     "2020-09-16"),
    ("De trein vertrekt om 8u30.", "8u30", "TIME", "2020-09-16T08:30", "2020-09-16", "2020-09-16"),
    ("Het ongeval gebeurde rond kwart over drie.", "kwart over drie", "TIME", "2020-09-16T03:15", "2020-09-16",
     "2020-09-16"),
    ("De raad zal maandag beslissen.", "maandag", "DATE", "2020-09-21", "2020-09-21", "2020-09-21"),
    ("Volgende week maandag valt het besluit.", "Volgende week maandag", "DATE", "2020-09-21", "2020-09-21",
     "2020-09-21"),
    ("Zondag jl. werd er betoogd.", "Zondag jl.", "DATE", "2020-09-13", "2020-09-13", "2020-09-13"),
    ("In de zomer van 2019 was het droog.", "In de zomer van 2019", "DATE", "2019-SU", "2019-06-01", "2019-08-31"),
    ("Met Pasen 2024 komt hij terug.", "Pasen 2024", "DATE", "2024-03-31", "2024-03-31", "2024-03-31"),
    ("Eind vorig jaar liep het mis.", "Eind vorig jaar", "DATE", "2019", "2019-08-08", "2019-12-31"),
    ("In december zal het parlement stemmen.", "december", "DATE", "2020-12", "2020-12-01", "2020-12-31"),
    ("In februari was de steun al toegezegd.", "februari", "DATE", "2020-02", "2020-02-01", "2020-02-29"),
]


@pytest.mark.parametrize("text,span,typ,value,lo,hi", DAY_PRECISE)
def test_day_precise_document(text, span, typ, value, lo, hi):
    assert one(text) == (span, typ, value, lo, hi)


DURATIONS_AND_SETS = [
    ("Hij is al 26 jaar aan de macht.", "al 26 jaar", "DURATION", "P26Y"),
    ("Na afloop van de circa vier uur durende gesprekken vertrok hij.", "circa vier uur durende", "DURATION", "PT4H"),
    ("Het onderzoek liep twee weken lang.", "twee weken lang", "DURATION", "P2W"),
    ("De 66-jarige president bleef.", "66-jarige", "DURATION", "P66Y"),
    ("Het duurde anderhalf jaar.", "anderhalf jaar", "DURATION", "P18M"),
    ("Na een half uur was het klaar.", "een half uur", "DURATION", "PT30M"),
    ("Hij wachtte tien minuten.", "tien minuten", "DURATION", "PT10M"),
    ("Dat kan enkele dagen duren.", "enkele dagen", "DURATION", "PXD"),
    ("De komende jaren verandert er weinig.", "De komende jaren", "DURATION", "PXY"),
    ("De zaak sleept al jaren aan.", "al jaren", "DURATION", "PXY"),
    ("De afgelopen twee dagen regende het.", "De afgelopen twee dagen", "DURATION", "P2D"),
    ("Er werd urenlang onderhandeld.", "urenlang", "DURATION", "PTXH"),
    ("Na een jarenlange crisis herstelt de economie.", "jarenlange", "DURATION", "PXY"),
    ("Demonstranten gaan dagelijks de straat op.", "dagelijks", "SET", "P1D"),
    ("De markt is wekelijks open.", "wekelijks", "SET", "P1W"),
    ("Elke maandag is er overleg.", "Elke maandag", "SET", "XXXX-WXX-1"),
    ("Het comité komt twee keer per jaar samen.", "twee keer per jaar", "SET", "P1Y"),
    ("Onlangs werd bekend dat hij stopt.", "Onlangs", "DATE", "PAST_REF"),
    ("Binnenkort volgt een besluit.", "Binnenkort", "DATE", "FUTURE_REF"),
    ("Destijds was dat verboden.", "Destijds", "DATE", "PAST_REF"),
    ("Momenteel wordt er gezocht.", "Momenteel", "DATE", "PRESENT_REF"),
    ("De Britse munt staat nu hoger.", "nu", "DATE", "PRESENT_REF"),
]


@pytest.mark.parametrize("text,span,typ,value", DURATIONS_AND_SETS)
def test_durations_sets_and_vague_references(text, span, typ, value):
    assert one(text)[:3] == (span, typ, value)


NOT_TIMES = [
    "Jan de Vries las het boek Augustus van Tolstoj.",  # a name, not a month
    "Van 11.11.11 kwam geen reactie.",  # an organisation
    "Het eindigde in 3-1 voor Ajax.",
    "Hij gaf de morgen een naam.",
    "Het Kremlin meldde later dat een deel van het geld gebruikt zou worden.",
    "Belarus, dat we voorheen Wit-Rusland noemden, was aanvankelijk neutraal.",
    "De stad telt 2020 inwoners en 16.00 stoelen.",
    "Nu de regering haar focus verlegt, vertrekken er meer boten.",
    "Nu twee congresleden zijn aangeklaagd, wankelt hij.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_no_false_hits(text):
    assert times(text) == []


def test_month_precise_document_gives_honest_weekday_interval():
    # dated only 2020-09: a Monday some time in the weeks of that month, never a guessed day
    got = one("De twee leiders spraken elkaar maandag in Sotsji.", "2020-09")
    assert got == ("maandag", "DATE", "XXXX-WXX-1", "2020-08-31", "2020-09-28")


def test_weekdays_of_one_story_stay_in_one_week():
    got = times("Maandag spraken de leiders elkaar. In de aanloop gingen demonstranten zondag de straat op.",
                "2020-09")
    assert got[0][3:] == ("2020-08-31", "2020-09-28")
    assert got[1][3:] == ("2020-08-30", "2020-09-27")  # the day before each possible Monday


def test_without_document_date_relative_expressions_stay_unresolved():
    got = times("Maandag zei hij dat gisteren 9 augustus was, en vorige week ook.", None)
    assert got == [
        ("Maandag", "DATE", "XXXX-WXX-1", None, None),
        ("gisteren", "DATE", None, None, None),
        ("9 augustus", "DATE", "XXXX-08-09", None, None),
        ("vorige week", "DATE", None, None, None),
    ]
    assert one("In 1994 begon het.", None) == ("1994", "DATE", "1994", "1994-01-01", "1994-12-31")


def test_year_precise_document():
    assert one("Gisteren kwam hij.", "2020")[3:] == ("2019-12-31", "2020-12-30")
    assert one("Op 9 augustus kwam hij.", "2020")[2] == "2020-08-09"


def test_timestamp_document_is_day_precise():
    assert one("Gisteren kwam hij.", "2020-09-14T10:00:00+02:00")[2] == "2020-09-13"


def test_clock_time_takes_the_day_of_its_sentence():
    got = times("Zondag om 20.00 uur begon de mars.", "2020-09-16")
    assert got[1] == ("20.00 uur", "TIME", "2020-09-13T20:00", "2020-09-13", "2020-09-13")


def test_clock_versus_duration():
    assert one("Het overleg duurde vier uur.")[1:3] == ("DURATION", "PT4H")
    assert one("Het overleg begint om vier uur.")[1:3] == ("TIME", "2020-09-16T04:00")


def test_earlier_that_day_is_the_day_just_spoken_of():
    got = times("Dinsdag had hij een ontmoeting met Wang Yi. Eerder op de dag raakte bekend dat hij vertrekt.")
    assert got[1] == ("Eerder op de dag", "DATE", "2020-09-15", "2020-09-15", "2020-09-15")


@pytest.mark.parametrize("date", ["2020-10-02", "2020-09", "2020", None])
def test_impossible_day_is_found_but_left_unresolved(date):
    from kroniek.pipeline import Pipeline

    doc = Pipeline(["tokenize", "quantities", "times"])(
        Document(id="x", text="Zondag 31 september ging het mis.", date=parse_doc_date(date))
    )
    [t] = doc.times
    assert t.value == "XXXX-09-31" and t.earliest is None and t.latest is None
