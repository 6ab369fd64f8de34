"""Input: every accepted form becomes an article, every bad one a clear error in its place."""
from __future__ import annotations

import json

import pytest

from kroniek.dates import BadDate, parse_doc_date
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.input.txt import split_header


def collect(paths, **kw):
    warnings: list[str] = []
    items = list(iter_articles(paths, warn=warnings.append, **kw))
    return items, warnings


@pytest.mark.parametrize(
    "given,precision,earliest,latest",
    [
        ("2020", "year", "2020-01-01", "2020-12-31"),
        ("2020-09", "month", "2020-09-01", "2020-09-30"),
        ("2020-02", "month", "2020-02-01", "2020-02-29"),
        ("2020-09-14", "day", "2020-09-14", "2020-09-14"),
        ("2020-09-14T10:30:00+02:00", "time", "2020-09-14", "2020-09-14"),
        ("2020-09-14T23:59:59Z", "time", "2020-09-14", "2020-09-14"),
    ],
)
def test_document_date_forms(given, precision, earliest, latest):
    d = parse_doc_date(given)
    assert d.given == given
    assert d.precision == precision
    assert str(d.earliest) == earliest and str(d.latest) == latest


@pytest.mark.parametrize("bad", ["2020-13", "2021-02-29", "20-09", "gisteren", "2020-09-31", "2020-00"])
def test_bad_document_dates(bad):
    with pytest.raises(BadDate, match="bad date"):
        parse_doc_date(bad)


def test_header_on_same_line_with_leading_space(example_path):
    date, body = split_header(example_path.read_text(encoding="utf-8"))
    assert date == "2020-09"
    assert body.startswith("De Russische president")


def test_header_on_its_own_line():
    date, body = split_header("date 2020-09-14\nDe tekst.\n")
    assert date == "2020-09-14" and body == "De tekst.\n"


def test_txt_country_header_after_the_date_or_alone(tmp_path):
    (tmp_path / "a.txt").write_text("date 2021-05-24\ncountry blr\nDe regering liet betogers oppakken.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("country BEL\nHet kabinet valt.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("country\nHet kabinet valt.", encoding="utf-8")
    (tmp_path / "d.txt").write_text("country Belgie\nHet kabinet valt.", encoding="utf-8")
    items, _ = collect([tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "d.txt")])
    a, b, c, d = items
    assert (a.country, a.date.given, a.text) == ("BLR", "2021-05-24", "De regering liet betogers oppakken.")
    assert (b.country, b.date, b.text) == ("BEL", None, "Het kabinet valt.")
    assert isinstance(c, ArticleError) and "country" in c.error
    assert isinstance(d, ArticleError) and "alpha-3" in d.error


def test_txt_without_header_has_no_date(tmp_path):
    (tmp_path / "a.txt").write_text("Gewoon een artikel zonder kop.", encoding="utf-8")
    [art], _ = collect([tmp_path / "a.txt"])
    assert isinstance(art, Article) and art.date is None and art.id == "a"


def test_text_is_stripped_but_otherwise_kept(example_path):
    [art], _ = collect([example_path])
    raw = example_path.read_text(encoding="utf-8")
    assert art.text in raw and art.text == art.text.strip()
    assert art.id == "sotsji-2020-09" and art.date.given == "2020-09"


def test_malformed_date_is_an_error(tmp_path):
    (tmp_path / "x.txt").write_text("date 2020-13 Tekst.", encoding="utf-8")
    [err], _ = collect([tmp_path / "x.txt"])
    assert isinstance(err, ArticleError) and "2020-13" in err.error and "month 13" in err.error


def test_missing_file_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    items, _ = collect([tmp_path / "nope.txt", tmp_path / "empty"])
    assert [type(i) for i in items] == [ArticleError, ArticleError]
    assert "no such file" in items[0].error
    assert "no articles" in items[1].error


def test_empty_article(tmp_path):
    (tmp_path / "e.txt").write_text("date 2020-09-01\n   \n", encoding="utf-8")
    [err], _ = collect([tmp_path / "e.txt"])
    assert isinstance(err, ArticleError) and "empty" in err.error


def test_binary_file(tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 10)
    [err], _ = collect([tmp_path / "b.txt"])
    assert isinstance(err, ArticleError) and "binary" in err.error


def test_latin1_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "l.txt").write_bytes("date 2020-09-14\nCafé in Curaçao, €5".encode("cp1252"))
    [art], warnings = collect([tmp_path / "l.txt"])
    assert art.text == "Café in Curaçao, €5"
    assert any("Windows-1252" in w for w in warnings)
    assert any("Windows-1252" in w for w in art.warnings)


def test_jsonl_broken_line_does_not_stop_the_others(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Eerste.", "date": "2020-01-02", "title": "T"}),
        "{this is not json",
        json.dumps({"text": "Derde zonder id."}),
        json.dumps({"id": "d", "text": "", "date": None}),
        json.dumps({"id": "e", "text": "Vijfde.", "date": "2020-99"}),
        json.dumps(["not", "an", "object"]),
    ]
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items, _ = collect([tmp_path / "s.jsonl"])
    assert [i.id for i in items] == ["a", "s:2", "s:3", "d", "e", "s:6"]
    ok = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in ok] == ["a", "s:3"]
    assert ok[0].title == "T" and ok[0].date.given == "2020-01-02"
    errs = {i.id: i.error for i in items if isinstance(i, ArticleError)}
    assert "line 2" in errs["s:2"] and "not JSON" in errs["s:2"]
    assert "empty" in errs["d"] and "bad date" in errs["e"] and "object" in errs["s:6"]


def test_jsonl_home_country_is_checked(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Het kabinet wil de belastingen verlagen.", "country": "NLD"}),
             json.dumps({"id": "b", "text": "Tekst.", "country": "nl"})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items, _ = collect([tmp_path / "c.jsonl"])
    assert isinstance(items[0], Article) and items[0].country == "NLD" and items[0].to_document().country == "NLD"
    assert isinstance(items[1], ArticleError) and "alpha-3" in items[1].error


def test_folder_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "C."}\n', encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x,y", encoding="utf-8")
    items, _ = collect([tmp_path])
    assert [i.id for i in items] == ["a", "z", "c:1"]


def test_html_page(tmp_path):
    page = """<html><head><title>Poetin belooft steun</title>
    <meta property="article:published_time" content="2020-09-15T10:00:00Z"></head>
    <body><nav>menu home contact</nav><article><h1>Poetin belooft steun</h1>
    <p>De Russische president Vladimir Poetin heeft Loekasjenko maandag in Sotsji economische steun toegezegd.
    Het gaat om een bedrag van anderhalf miljard dollar, meldt het Kremlin.</p>
    <p>De twee leiders spraken elkaar urenlang in de Russische badplaats aan de Zwarte Zee.</p></article>
    <footer>cookies</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [art], _ = collect([tmp_path / "p.html"])
    assert isinstance(art, Article)
    assert art.title == "Poetin belooft steun"
    assert art.date.given == "2020-09-15"
    assert "Zwarte Zee" in art.text and "cookies" not in art.text and "menu" not in art.text


def test_pretokenized_documents(tmp_path):
    (tmp_path / "p.txt").write_text("Dit is één zin .\nNog een !\n\n\nTweede document .\n", encoding="utf-8")
    items, _ = collect([tmp_path / "p.txt"], pretokenized=True)
    assert [a.id for a in items] == ["p.txt:1", "p.txt:2"]
    assert items[0].text == "Dit is één zin .\nNog een !"
    assert items[0].pretokenized == [["Dit", "is", "één", "zin", "."], ["Nog", "een", "!"]]


def test_five_megabyte_article_is_read_whole(tmp_path):
    para = "De Russische president Vladimir Poetin heeft Loekasjenko maandag steun toegezegd. " * 10 + "\n\n"
    text = "date 2020-09\n" + para * (5_000_000 // len(para) + 1)
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    [art], _ = collect([tmp_path / "big.txt"])
    assert isinstance(art, Article) and len(art.text) >= 5_000_000 - 2
