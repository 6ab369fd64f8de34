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
MAX_COMPOUNDS = 50  # compounds searched per query word


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


TERMS_SQL = (
    "SELECT stem(w, 'dutch') AS term, seq, count(*)::INTEGER AS tf FROM ("
    " SELECT seq, unnest(regexp_split_to_array(lower(strip_accents(coalesce(title, '') || ' ' || text)),"
    " '[^a-z0-9]+')) AS w FROM articles WHERE seq >= ?) WHERE w <> '' AND length(w) <= 40 GROUP BY 1, 2"
)


def index_articles(con: duckdb.DuckDBPyConnection, first_seq: int) -> None:
    """Add the articles from `first_seq` on to the index and the vocabulary (inside the caller's transaction).

    A new term's id follows the first article it appears in (then the term itself), so ids do not depend on
    how articles were cut into batches: a resumed ingest numbers terms exactly as an uninterrupted one."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _kroniek_terms AS {TERMS_SQL}", [first_seq])
    con.execute("CREATE OR REPLACE TEMP TABLE _kroniek_df AS SELECT term, min(seq) AS first_seq, count(*) AS n "
                "FROM _kroniek_terms GROUP BY term")
    con.execute("UPDATE vocab SET df = vocab.df + d.n FROM _kroniek_df d WHERE vocab.term = d.term")
    con.execute("""INSERT INTO vocab
        SELECT d.term, (SELECT coalesce(max(term_id), 0) FROM vocab) + row_number() OVER (ORDER BY d.first_seq, d.term),
               d.n
        FROM _kroniek_df d ANTI JOIN vocab v ON v.term = d.term""")
    con.execute("INSERT INTO postings SELECT v.term_id, t.seq, t.tf "
                "FROM _kroniek_terms t JOIN vocab v ON v.term = t.term")


def stems(con: duckdb.DuckDBPyConnection, words: list[str]) -> list[str]:
    if not words:
        return []
    return con.execute("SELECT list_transform(?::VARCHAR[], x -> stem(x, 'dutch'))", [words]).fetchone()[0]


def query_terms(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[str, int, int, int, float]]:
    """(term, term id, document frequency, query word number, weight) for each query word found in the index,
    and for the compounds in the index that contain it."""
    words = list(dict.fromkeys(TOKEN.findall(fold(query))))
    out: list[tuple[str, int, int, int, float]] = []
    for i, stem in enumerate(stems(con, words)):
        if len(stem) >= MIN_COMPOUND:
            # the word itself, and the commonest compounds holding it (a short stem sits in very many words)
            rows = con.execute("SELECT term, term_id, df FROM vocab WHERE contains(term, ?) "
                               "ORDER BY term = ? DESC, df DESC, term_id LIMIT ?", [stem, stem, MAX_COMPOUNDS + 1]
                               ).fetchall()
        else:
            rows = con.execute("SELECT term, term_id, df FROM vocab WHERE term = ?", [stem]).fetchall()
        out.extend((t, tid, df, i, 1.0 if t == stem else COMPOUND_WEIGHT) for t, tid, df in rows)
    return out


def search_sql() -> str:
    """Rank articles for the query terms; returns the page's (article seq, matched, score) only: the wide text
    is fetched afterwards for those few articles."""
    return f"""
    WITH q AS (SELECT unnest(?::INTEGER[]) AS term_id, unnest(?::BIGINT[]) AS df, unnest(?::INTEGER[]) AS qi,
                      unnest(?::DOUBLE[]) AS w),
    n AS (SELECT count(*) AS n, coalesce(avg(n_terms), 1) AS avgdl FROM articles),
    hits AS (SELECT p.article_seq, p.tf, q.df, q.qi, q.w FROM postings p JOIN q ON p.term_id = q.term_id
             WHERE p.term_id = ANY(?::INTEGER[]))
    SELECT h.article_seq AS seq, count(DISTINCT h.qi) AS matched,
           sum(h.w * ln(1 + (n.n - h.df + 0.5) / (h.df + 0.5))
               * h.tf * ({K1} + 1) / (h.tf + {K1} * (1 - {B} + {B} * a.n_terms / n.avgdl))) AS score
    FROM hits h JOIN articles a ON a.seq = h.article_seq, n
    GROUP BY h.article_seq
    ORDER BY matched DESC, score DESC, seq LIMIT ? OFFSET ?"""


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
    ids = [t[1] for t in terms]
    ranked = con.execute(search_sql(), [ids, [t[2] for t in terms], [t[3] for t in terms], [t[4] for t in terms],
                                        ids, int(limit), int(offset)]).fetchall()
    if not ranked:
        return []
    seqs = [r[0] for r in ranked]
    found = {r[0]: r[1:] for r in con.execute(
        "SELECT seq, article_id, title, date, text FROM articles WHERE seq = ANY(?::BIGINT[])", [seqs]).fetchall()}
    # which words of the found texts are hits: their folded stem is one of the matched terms
    matched = {t[0] for t in terms}
    words = sorted({w.lower() for r in found.values() for w in _WORD.findall(r[3] or "")})
    hit_words = {w for w, s in zip(words, stems(con, [fold(w) for w in words]), strict=True) if s in matched}
    out = []
    for seq, n_matched, score in ranked:
        aid, title, date, text = found[seq]
        out.append({"article_id": aid, "title": title, "date": date, "snippet": snippet(text or "", hit_words),
                    "score": round(float(score), 4), "matched": int(n_matched)})
    return out
