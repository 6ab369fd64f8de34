"""The event lexicon and codebook: shipped tables load, bad rows are rejected with file and line."""
from __future__ import annotations

import pytest

from kroniek.events.codebook import PLOVER_TYPES, codebook, lookup, news_type_of, parse_codebook, parse_news_types
from kroniek.events.lexicon import lexicon, parse_cues, parse_reporting, parse_roles, parse_triggers, parse_words
from kroniek.events.tables import TableError

HEADER = "# lemma\tparticle\tframe\tcameo\tplover\tmode\tnews_type\tmodality\n"


def test_shipped_tables_load_and_agree_with_the_codebook() -> None:
    lex = lexicon()
    assert ("zeggen", "toe") in lex.triggers and ("houden", "aan") in lex.triggers
    assert ("zeggen", "") in lex.reporting and ("zeggen", "") not in lex.triggers
    book = codebook()
    for rows in lex.triggers.values():
        for t in rows:
            if t.cameo:
                assert book[t.cameo].plover == t.plover
    assert lex.roles["door"] == "agent" and lex.roles["in"] == "place"


def test_news_type_rows_code_no_cameo_or_plover_event() -> None:
    from kroniek.doc import Event
    from kroniek.events.coder import code_event

    news_only = [t for rows in lexicon().triggers.values() for t in rows if t.cameo is None]
    # event nouns (bezoek, overname, vrijspraak) are listed for their news type alone
    assert {("bezoek", ""), ("overname", ""), ("vrijspraak", "")} <= {(t.lemma, t.particle) for t in news_only}
    for t in news_only:
        assert t.news_type and t.plover is None, t
        ev = Event(id="", trigger_start=0, trigger_end=1, trigger_text=t.lemma, sentence=0)
        code_event(ev, t)
        assert (ev.cameo, ev.plover, ev.goldstein, ev.quadclass) == (None, None, None, None), t
        assert ev.news_type == t.news_type


def test_codebook_has_goldstein_quadclass_and_plover() -> None:
    c = lookup("173")
    assert (c.plover, c.plover_mode, c.goldstein, c.quadclass) == ("COERCE", "arrest", -5.0, 4)
    assert lookup("0331").plover == "AGREE" and lookup("141").plover == "PROTEST"
    assert lookup("010").plover is None  # PLOVER leaves public statements out
    assert lookup("1834").goldstein is not None  # borrowed from its parent code
    assert {c.plover for c in codebook().values() if c.plover} <= PLOVER_TYPES


def test_good_trigger_row_parses() -> None:
    rows = parse_triggers(HEADER + "houden\taan\t-\t173\tCOERCE\t-\tJustice.ArrestJail\tasserted\n", "x.tsv")
    assert rows[0].lemma == "houden" and rows[0].particle == "aan" and rows[0].cameo == "173"
    assert rows[0].line == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("houden\taan\t-\t173\tCOERCE\t-\tJustice.ArrestJail", "expected 8 tab-separated columns"),
        ("houden\taan\t-\t999\tCOERCE\t-\t-\tasserted", "not in the codebook"),
        ("houden\taan\t-\t173\tASSAULT\t-\t-\tasserted", "disagrees with CAMEO 173"),
        ("houden\taan\t-\t-\tCOERCE\t-\t-\tasserted", "needs a CAMEO code"),
        ("houden\taan\t-\t173\tCOERCE\t-\tarrest\tasserted", "bad news type"),
        ("houden\taan\tnaast:x\t173\tCOERCE\t-\t-\tasserted", "bad frame"),
        ("krijgen\t-\treceived\t111\tACCUSE\t-\t-\tasserted", "bad frame"),
        ("houden\taan\t-\t173\tCOERCE\t-\t-\tmaybe", "bad modality"),
        ("Houden\taan\t-\t173\tCOERCE\t-\t-\tasserted", "bad lemma"),
        ("houden\taan\t-\t-\t-\t-\t-\tasserted", "needs a CAMEO code or a news type"),
    ],
)
def test_bad_trigger_rows_are_rejected_naming_file_and_line(row: str, message: str) -> None:
    with pytest.raises(TableError, match=message) as err:
        parse_triggers(HEADER + "\n" + row + "\n", "lang/nl/event_triggers.tsv")
    assert str(err.value).startswith("lang/nl/event_triggers.tsv:3:")
    assert err.value.line == 3


def test_a_verb_and_frame_listed_twice_is_rejected() -> None:
    row = "houden\taan\t-\t173\tCOERCE\t-\t-\tasserted"
    framed = "houden\t-\twith:gijzeling\t181\tASSAULT\t-\t-\tasserted"
    assert len(parse_triggers(HEADER + "\n" + row + "\n" + framed + "\n", "t.tsv")) == 2  # another frame is fine
    with pytest.raises(TableError, match="t.tsv:4: houden aan - is listed twice \\(first at line 3\\)"):
        parse_triggers(HEADER + "\n" + row + "\n" + row + "\n", "t.tsv")


def test_other_tables_reject_bad_rows() -> None:
    with pytest.raises(TableError, match="x.tsv:1: bad modality"):
        parse_cues("niet\tdenied\tadv\n", "x.tsv")
    with pytest.raises(TableError, match="x.tsv:2: bad role 'who'"):
        parse_cues("niet\tnegated\tadv\nals\thypothetical\twho\n", "x.tsv")
    with pytest.raises(TableError, match="listed twice"):
        parse_cues("niet\tnegated\tadv\nniet\tnegated\tadv\n", "x.tsv")
    with pytest.raises(TableError, match="x.tsv:1: expected 3"):
        parse_reporting("zeggen\t-\n", "x.tsv")
    with pytest.raises(TableError, match="bad role 'where'"):
        parse_roles("in\twhere\n", "x.tsv")
    with pytest.raises(TableError, match="bad kind"):
        parse_words("dat\tverb\n", "x.tsv", ("sub", "rel"))


def test_codebook_rejects_bad_rows() -> None:
    ok = "173\tArrest\t-5.0\t4\tCOERCE\tarrest\n"
    assert parse_codebook(ok, "c.tsv")["173"].goldstein == -5.0
    with pytest.raises(TableError, match="c.tsv:2: CAMEO code 173 listed twice"):
        parse_codebook(ok + ok, "c.tsv")
    with pytest.raises(TableError, match="unknown PLOVER type"):
        parse_codebook("173\tArrest\t-5.0\t4\tARREST\t-\n", "c.tsv")
    with pytest.raises(TableError, match="QuadClass 7"):
        parse_codebook("173\tArrest\t-5.0\t7\tCOERCE\t-\n", "c.tsv")
    with pytest.raises(TableError, match="bad CAMEO code"):
        parse_codebook("17x\tArrest\t-5.0\t4\tCOERCE\t-\n", "c.tsv")


def test_cameo_news_types_go_by_the_longest_prefix_and_reject_bad_rows() -> None:
    assert news_type_of("111") == "Contact.Contact"  # criticism is said
    assert news_type_of("0331") == "Contact.Contact"
    assert news_type_of("173") is None  # arrests are typed by their lexicon rows, not by code
    assert parse_news_types("03\tContact.Contact\n031\tContact.Meet\n", "n.tsv")["031"] == "Contact.Meet"
    with pytest.raises(TableError, match="n.tsv:1: '99' is no CAMEO code"):
        parse_news_types("99\tContact.Contact\n", "n.tsv")
    with pytest.raises(TableError, match="bad news type"):
        parse_news_types("03\tcontact\n", "n.tsv")
    with pytest.raises(TableError, match="listed twice"):
        parse_news_types("03\tContact.Contact\n03\tContact.Meet\n", "n.tsv")


def test_frame_words_match_compound_heads_in_the_plural() -> None:
    from kroniek.events.triggers import _frame_word

    words = frozenset({"maatregel", "sanctie"})
    # the lemmatiser left the unknown compound's plural as it was
    assert _frame_word("coronamaatregelen", "coronamaatregelen", words)
    assert _frame_word("EU-sancties", "EU-sancties", words)
    assert not _frame_word("spelregels", "spelregels", frozenset({"regel"}))  # heads under six letters must match whole
    assert not _frame_word("boek", "boeken", words)


def test_finite_verbs_left_inflected_get_infinitive_guesses() -> None:
    from kroniek.events.triggers import infinitive_guesses, verb_endings

    assert all(end.isalpha() and inf.isalpha() for end, inf in verb_endings())
    assert "staan" in infinitive_guesses("staat")
    assert "werken" in infinitive_guesses("werkt")
    assert "nemen" in infinitive_guesses("neemt")
    assert infinitive_guesses("t") == []  # no stem
    assert infinitive_guesses("loopt") == ["loopen", "lopen"]  # every guess; the lexicon checks them later
    # a voiced consonant is unvoiced at the end of a stem: wijst -> wijzen, belooft -> beloven
    assert "wijzen" in infinitive_guesses("wijst") and "beloven" in infinitive_guesses("belooft")


def test_bad_verb_ending_row_names_file_and_line() -> None:
    from kroniek.events.tables import parse_rows
    from kroniek.events.triggers import parse_verb_endings

    where = "lang/nl/event_verb_endings.tsv"
    assert parse_verb_endings(parse_rows("aat\taan\n", where, 2), where) == (("aat", "aan"),)
    with pytest.raises(TableError, match="event_verb_endings.tsv:2"):
        parse_verb_endings(parse_rows("aat\taan\nT\ten\n", where, 2), where)
    with pytest.raises(TableError, match="event_verb_endings.tsv:2"):
        parse_verb_endings(parse_rows("aat\taan\nt\n", where, 2), where)
