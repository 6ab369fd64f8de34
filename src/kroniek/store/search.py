"""Full-text search over articles: Dutch Snowball stems (DuckDB's fts extension), BM25, compound-aware.

The index is a plain table of (stem, article, count) filled in the same transaction as the article,
so it is always in step with the articles, even after a crash. A query word also finds compounds
that contain it (*grondwet* finds *grondwetswijziging*), at half weight.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

import duckdb

TOKEN = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\w+")
K1, B = 1.2, 0.75
COMPOUND_WEIGHT = 0.5
MIN_COMPOUND = 4  # shorter stems would match inside too many unrelated words


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def index_terms_sql() -> str:
    """Index the articles from seq ? on (the ones just written)."""
    return (
        "INSERT INTO postings SELECT stem(w, 'dutch') AS term, article_id, count(*)::INTEGER AS tf FROM ("
        " SELECT article_id, unnest(regexp_split_to_array(lower(strip_accents(coalesce(title, '') || ' ' || text)),"
        " '[^a-z0-9]+')) AS w FROM articles WHERE seq >= ?) WHERE w <> '' AND length(w) <= 40 GROUP BY 1, 2"
    )


def stems(con: duckdb.DuckDBPyConnection, words: list[str]) -> list[str]:
    if not words:
        return []
    return con.execute("SELECT list_transform(?::VARCHAR[], x -> stem(x, 'dutch'))", [words]).fetchone()[0]


def query_terms(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[str, int, float]]:
    """(index term, query word number, weight) for each query word and the compounds that contain it."""
    words = list(dict.fromkeys(TOKEN.findall(fold(query))))
    out: list[tuple[str, int, float]] = []
    for i, stem in enumerate(stems(con, words)):
        out.append((stem, i, 1.0))
        if len(stem) >= MIN_COMPOUND:
            like = "%" + stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = con.execute("SELECT DISTINCT term FROM postings WHERE term LIKE ? ESCAPE '\\' AND term <> ?",
                               [like, stem]).fetchall()
            out.extend((t, i, COMPOUND_WEIGHT) for (t,) in rows)
    return out


def search_sql() -> str:
    return f"""
    WITH q AS (SELECT unnest(?::VARCHAR[]) AS term, unnest(?::INTEGER[]) AS qi, unnest(?::DOUBLE[]) AS w),
    n AS (SELECT count(*) AS n, coalesce(avg(n_terms), 1) AS avgdl FROM articles),
    hits AS (SELECT p.article_id, p.term, p.tf, q.qi, q.w FROM postings p JOIN q ON p.term = q.term),
    df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
    scored AS (
      SELECT h.article_id, count(DISTINCT h.qi) AS matched,
             sum(h.w * ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5))
                 * h.tf * ({K1} + 1) / (h.tf + {K1} * (1 - {B} + {B} * a.n_terms / n.avgdl))) AS score
      FROM hits h JOIN df ON df.term = h.term JOIN articles a ON a.article_id = h.article_id, n
      GROUP BY h.article_id)
    SELECT s.article_id, a.title, a.date, a.text, s.score, s.matched
    FROM scored s JOIN articles a ON a.article_id = s.article_id
    ORDER BY s.matched DESC, s.score DESC, a.seq LIMIT ? OFFSET ?"""


def snippet(text: str, hit_words: set[str], width: int = 240) -> str:
    """HTML-safe excerpt around the first hit, each hit wrapped in <mark>."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group().lower() in hit_words]
    if spans:
        start = max(0, spans[0][0] - width // 3)
        ws = text.rfind(" ", 0, start)
        start = ws + 1 if start and ws >= 0 else start
    else:
        start = 0
    end = min(len(text), start + width)
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    return ("…" if start > 0 else "") + "".join(out).replace("\n", " ") + ("…" if end < len(text) else "")


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int, offset: int) -> list[dict[str, Any]]:
    terms = query_terms(con, query)
    if not terms:
        return []
    rows = con.execute(search_sql(), [[t for t, _, _ in terms], [i for _, i, _ in terms], [w for _, _, w in terms],
                                      int(limit), int(offset)]).fetchall()
    if not rows:
        return []
    # which words of the found texts are hits: their folded stem is a query term (or holds one, for compounds)
    exact = {t for t, _, w in terms if w == 1.0}
    compound = {t for t, _, w in terms if w < 1.0}
    words = sorted({w.lower() for r in rows for w in _WORD.findall(r[3] or "")})
    hit_words = {w for w, s in zip(words, stems(con, [fold(w) for w in words]), strict=True)
                 if s in exact or s in compound or any(e in s for e in exact if len(e) >= MIN_COMPOUND)}
    return [{"article_id": r[0], "title": r[1], "date": r[2], "snippet": snippet(r[3] or "", hit_words),
             "score": round(float(r[4]), 4), "matched": int(r[5])} for r in rows]
