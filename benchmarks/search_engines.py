"""Which search engine for ``kashif search``: DuckDB's fts extension, SQLite FTS5 or tantivy, measured.

All three index the same documents — the search terms kashif makes of restored text
(:func:`kashif.store.terms.index_terms`: folded words and their clitic-stripped cores) for the articles of
``../shared/eval/restore/clean_news_dev.jsonl`` cycled to ``--docs`` documents — with BM25 ranking and the
same whitespace tokenizer, and answer the same queries (common event words, one- and two-word). Reported:
index build time, mean query time, index size on disk, and whether the top-10 results agree with DuckDB's.

DuckDB's fts extension comes from the ``duckdb-extension-fts`` package (the ``bench`` extra pins it with the
DuckDB it is built for); tantivy is what kashif uses.

    .venv/bin/python benchmarks/search_engines.py [--docs 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from kashif import restore
from kashif.store.terms import folded_words, index_terms, parse_query

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "restore" / "clean_news_dev.jsonl"
QUERIES = ["قصف", "غارة", "اشتباكات", "مقتل", "الحوثيين", "داعش", "تظاهر", "اعتقال", "قصف مدفعي", "الحرس الثوري",
           "انفجار عبوة", "وزارة الداخلية"]


def fts_extension_path() -> str | None:
    """DuckDB's fts extension from the duckdb-extension-fts package, for the installed DuckDB, if there."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    found = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = found / "fts.duckdb_extension"
    return str(path) if path.exists() else None


def folder_size(path: str) -> int:
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    args = ap.parse_args()
    base = [json.loads(x)["text"] for x in CORPUS.open(encoding="utf-8")]
    terms = [index_terms(folded_words(restore(t).text)) for t in base]
    docs = [(i + 1, terms[i % len(terms)]) for i in range(args.docs)]
    queries = [[" ".join(g) for g in parse_query(q).groups] for q in QUERIES]
    tmp = tempfile.mkdtemp(prefix="kashif-search-")
    report: dict[str, dict] = {}
    tops: dict[str, list[list[int]]] = {}

    # DuckDB + fts.
    extension = fts_extension_path()
    if extension is None:
        print(f"DuckDB's fts extension for DuckDB {duckdb.__version__} is not installed "
              "(scripts/bench installs the bench extra, which pins a matching pair)", file=sys.stderr)
        return 2
    path = os.path.join(tmp, "d.duckdb")
    con = duckdb.connect(path)
    con.execute(f"LOAD '{extension}'")
    con.execute("CREATE TABLE a (id BIGINT, terms VARCHAR)")
    lines = os.path.join(tmp, "docs.jsonl")
    with open(lines, "w", encoding="utf-8") as f:
        for i, t in docs:
            f.write(json.dumps({"id": i, "terms": t}, ensure_ascii=False) + "\n")
    con.execute("INSERT INTO a SELECT * FROM read_json(?, columns = {'id': 'BIGINT', 'terms': 'VARCHAR'})", [lines])
    build = time.perf_counter()
    con.execute("PRAGMA create_fts_index('a', 'id', 'terms', stemmer = 'none', stopwords = 'none', "
                r"ignore = '\s+', strip_accents = 0, lower = 0, overwrite = 1)")
    build = time.perf_counter() - build
    con.execute("CHECKPOINT")

    def duck() -> list[list[int]]:
        out = []
        for groups in queries:
            cols = ", ".join(f"fts_main_a.match_bm25(id, ?) AS s{i}" for i in range(len(groups)))
            cond = " AND ".join(f"s{i} IS NOT NULL" for i in range(len(groups)))
            tot = " + ".join(f"s{i}" for i in range(len(groups)))
            rows = con.execute(f"SELECT id FROM (SELECT id, {cols} FROM a) WHERE {cond} ORDER BY {tot} DESC, id "
                               "LIMIT 10", groups).fetchall()
            out.append([r[0] for r in rows])
        return out

    q, tops["duckdb"] = timed(duck)
    report["duckdb-fts"] = {"build_s": round(build, 2), "query_ms": round(1000 * q / len(queries), 1),
                            "size_mb": round(folder_size(path) / 1e6, 1), "extra_dependency": "duckdb-extension-fts"}
    con.close()

    # SQLite FTS5 (stdlib), BM25 ranking.
    spath = os.path.join(tmp, "s.sqlite")
    s = sqlite3.connect(spath)
    build = time.perf_counter()
    s.execute("CREATE VIRTUAL TABLE a USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')")
    s.executemany("INSERT INTO a (rowid, terms) VALUES (?, ?)", docs)
    s.commit()
    build = time.perf_counter() - build

    def lite() -> list[list[int]]:
        out = []
        for groups in queries:
            expr = " AND ".join("(" + " OR ".join(f'"{w}"' for w in g.split()) + ")" for g in groups)
            rows = s.execute("SELECT rowid FROM a WHERE a MATCH ? ORDER BY bm25(a), rowid LIMIT 10", [expr]).fetchall()
            out.append([r[0] for r in rows])
        return out

    q, tops["sqlite"] = timed(lite)
    report["sqlite-fts5"] = {"build_s": round(build, 2), "query_ms": round(1000 * q / len(queries), 1),
                             "size_mb": round(folder_size(spath) / 1e6, 1),
                             "extra_dependency": "none (a second database file beside DuckDB)"}
    s.close()

    try:
        import tantivy
    except ImportError:
        tantivy = None
    if tantivy is not None:
        tpath = os.path.join(tmp, "t")
        os.mkdir(tpath)
        sb = tantivy.SchemaBuilder()
        sb.add_integer_field("id", stored=True, indexed=True)
        sb.add_text_field("terms", stored=False, tokenizer_name="whitespace")
        schema = sb.build()
        index = tantivy.Index(schema, path=tpath)
        build = time.perf_counter()
        writer = index.writer()
        for i, t in docs:
            writer.add_document(tantivy.Document(id=i, terms=t))
        writer.commit()
        index.reload()
        build = time.perf_counter() - build
        searcher = index.searcher()

        def tant() -> list[list[int]]:
            out = []
            for groups in queries:
                expr = " AND ".join("(" + " OR ".join(w for w in g.split()) + ")" for g in groups)
                query = index.parse_query(expr, ["terms"])
                hits = searcher.search(query, 10).hits
                out.append([searcher.doc(addr)["id"][0] for _, addr in hits])
            return out

        q, tops["tantivy"] = timed(tant)
        report["tantivy"] = {"build_s": round(build, 2), "query_ms": round(1000 * q / len(queries), 1),
                             "size_mb": round(folder_size(tpath) / 1e6, 1),
                             "extra_dependency": "tantivy (a second index folder beside DuckDB)"}

    # Do the engines agree? Share of DuckDB's top-10 documents (by text, since the corpus repeats) in each.
    def texts(ids: list[int]) -> set[str]:
        return {docs[i - 1][1] for i in ids}

    for name, key in (("sqlite-fts5", "sqlite"), ("tantivy", "tantivy")):
        if key in tops:
            same = [len(texts(a) & texts(b)) / max(1, len(texts(a))) for a, b in zip(tops["duckdb"], tops[key],
                                                                                       strict=True)]
            report[name]["top10_overlap_with_duckdb"] = round(sum(same) / len(same), 2)
    print(f"{args.docs} documents, {len(QUERIES)} queries")
    for name, r in report.items():
        print(f"{name:12} build {r['build_s']:6.2f} s   query {r['query_ms']:6.1f} ms   size {r['size_mb']:6.1f} MB   "
              f"{'overlap ' + str(r.get('top10_overlap_with_duckdb')) if 'top10_overlap_with_duckdb' in r else ''}")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "search_engines.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
