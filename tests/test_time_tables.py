"""The word tables behind times and quantities: they load, and a bad row fails with its file and line."""
from __future__ import annotations

import pytest

from kroniek.quantities.numbers import approximators, magnitudes, not_counted, number_words, vague_amounts
from kroniek.quantities.tables import TableError, in_range, iso_code, number, one_of, parse_table, word
from kroniek.quantities.units import currencies, units
from kroniek.time.lexicon import lexicon


def test_all_tables_load():
    lex = lexicon()
    assert lex.months["augustus"] == (8, "full") and lex.weekdays["zondag"] == 7
    assert lex.units["jaar"] == ("Y", 1.0, "a") and lex.holidays["pasen"] == ("easter", 0, 0)
    assert number_words()["twintig"] == (20.0, "ten") and magnitudes()["miljard"] == 1e9
    assert vague_amounts()["tientallen"] == 20 and approximators()["zeker"] == "EQUAL_OR_MORE"
    assert currencies()["dollar"] == "USD" and currencies()["€"] == "EUR" and units()["procent"] == ("%", "percent")
    assert "om" in lex.grammar["clock_prep"] and "tot" in lex.grammar["limit_ahead"] and "de" in not_counted()


def test_a_word_may_have_several_roles_but_not_twice_the_same():
    checks = (word, one_of("a", "b"))
    assert parse_table("x.tsv", "tot\ta\ntot\tb\n", checks, key_columns=2) == [("tot", "a"), ("tot", "b")]
    with pytest.raises(TableError, match="line 2: 'tot.+a' already given on line 1"):
        parse_table("x.tsv", "tot\ta\ntot\ta\n", checks, key_columns=2)


def test_comments_and_blank_lines_are_skipped():
    rows = parse_table("x.tsv", "# comment\n\nmaandag\t1\n", (word, in_range(1, 7)))
    assert rows == [("maandag", 1)]


@pytest.mark.parametrize("text,checks,message", [
    ("maandag\t1\nfoo\n", (word, in_range(1, 7)), "lang/nl/x.tsv, line 2: 1 columns, expected 2"),
    ("# c\nmaandag\t8\n", (word, in_range(1, 7)), "lang/nl/x.tsv, line 2: column 2 '8': must lie between 1 and 7"),
    ("euro\teur\n", (word, iso_code), "line 1: column 2 'eur': must be a three-letter ISO 4217 code"),
    ("x\tMAYBE\n", (word, one_of("FUTURE", "PAST")), "line 1: column 2 'MAYBE': must be one of FUTURE, PAST"),
    ("x\t-3\n", (word, number), "line 1: column 2 '-3': must not be negative"),
    ("x\tabc\n", (word, number), "line 1: column 2 'abc'"),
    ("x\t\n", (word, number), "line 1: column 2 is empty"),
    ("a\t1\nb\t2\na\t3\n", (word, number), "line 3: 'a' already given on line 1"),
    ("# only comments\n", (word, number), "lang/nl/x.tsv: no rows"),
])
def test_bad_rows_name_file_and_line(text, checks, message):
    with pytest.raises(TableError, match=message.replace("(", r"\(")):
        parse_table("x.tsv", text, checks)
