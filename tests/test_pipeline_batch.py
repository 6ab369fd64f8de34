"""Pipeline.pipe: batched components, input order, one failing article isolated from its batch."""
from __future__ import annotations

from kroniek.doc import Document
from kroniek.input import Article
from kroniek.pipeline import ComponentError, Pipeline, component
from kroniek.reader import read_articles


class Marker:
    """A batching component that breaks on articles whose text says so."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def pipe(self, docs: list[Document]) -> list[Document]:
        self.batches.append(len(docs))
        return [self(d) for d in docs]

    def __call__(self, doc: Document) -> Document:
        if "kapot" in doc.text:
            raise ValueError("kapot artikel")
        doc.title = "gezien"
        return doc


MARKER = Marker()


@component("test-marker")
def _make_marker() -> Marker:
    return MARKER


def test_batches_keep_order_and_isolate_a_failing_article():
    MARKER.batches.clear()
    nlp = Pipeline(["tokenize", "test-marker"])
    texts = ["Een.", "Twee.", "Dit is kapot.", "Vier.", "Vijf."]
    out = list(nlp.pipe([Document(id=str(k), text=t) for k, t in enumerate(texts)], batch_size=4))
    assert isinstance(out[2], ComponentError) and "kapot artikel" in str(out[2]) and out[2].component == "test-marker"
    good = [o for k, o in enumerate(out) if k != 2]
    assert [d.id for d in good] == ["0", "1", "3", "4"]
    assert all(d.title == "gezien" and d.tokens for d in good)
    assert MARKER.batches[0] == 4  # the first four went through together before the failure was isolated


def test_analyzer_batch_equals_one_by_one():
    texts = ["Poetin ontmoette Loekasjenko in Sotsji.", "De politie arresteerde 774 betogers in Minsk.", "Hallo."]
    one = [Pipeline(["tokenize", "analyze"])(Document(id=str(k), text=t)) for k, t in enumerate(texts)]
    many = list(Pipeline(["tokenize", "analyze"]).pipe([Document(id=str(k), text=t) for k, t in enumerate(texts)]))
    for a, b in zip(one, many, strict=True):
        assert [(t.lemma, t.upos, t.head, t.deprel) for t in a.tokens] == [(t.lemma, t.upos, t.head, t.deprel) for t in b.tokens]
        assert [(m.start, m.end, m.type) for m in a.mentions] == [(m.start, m.end, m.type) for m in b.mentions]


def test_read_articles_keeps_errors_in_place():
    from kroniek.input import ArticleError

    items = [Article(id="a", text="Een."), ArticleError("b", "bad header"), Article(id="c", text="Drie.")]
    res = list(read_articles(items, Pipeline(["tokenize"]), batch_size=2))
    assert [(r.id, r.ok) for r in res] == [("a", True), ("b", False), ("c", True)]
