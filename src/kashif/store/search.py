"""The full-text index behind ``kashif search``: tantivy (BM25), in a folder beside the database file.

Why tantivy and not DuckDB's own fts extension or SQLite FTS5: measured on 10,000 articles
(``benchmarks/search_engines.py``, numbers in the README), DuckDB's fts index has to be rebuilt whole after
every ingest (about 30 s for 10,000 articles, growing with the store) and answers a query in about 70 ms;
SQLite FTS5 adds articles incrementally and answers in about 1 ms; tantivy adds them incrementally too,
builds faster, answers in well under a millisecond, and its index is the smallest. All three rank by BM25
and agree on the results.

Documents are the articles' search terms (:func:`kashif.store.terms.index_terms`), tokenized on whitespace:
a query word matches any of its forms (``Occur.Should``), every word must match (``Occur.Must``). Each
document carries its article id, the id of the article it copies (so near-duplicates fold into one result)
and its publication day (for ``--since``).

The database is the source of truth. The index records nothing the database does not have; the database
records how far the index has got (``meta.search_indexed_upto``), and :meth:`SearchIndex.catch_up` adds
what is missing — after a crash between the two commits, or for a database made by an older kashif.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import tantivy

WRITER_HEAP_BYTES = 32 << 20  # one writer thread: small batches, bounded memory
NO_DATE = -1_000_000  # the publication day of an undated article (days since 1970-01-01)
_EPOCH = date(1970, 1, 1)


def day_number(d: date | None) -> int:
    return (d - _EPOCH).days if d is not None else NO_DATE


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    sb.add_integer_field("root", stored=False, indexed=False, fast=True)
    sb.add_integer_field("day", stored=False, indexed=True, fast=True)
    sb.add_text_field("terms", stored=False, tokenizer_name="whitespace", index_option="freq")
    return sb.build()


class SearchIndex:
    """A tantivy index in ``path`` (a folder, created if missing)."""

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.schema = _schema()
        if read_only and not os.path.isdir(path):
            self.index = None
            return
        os.makedirs(path, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=path, reuse=True)
        self._writer: Any = None

    def add(self, docs: Iterable[tuple[int, int | None, date | None, str]]) -> int:
        """Add (article id, duplicate_of, published, terms) documents; returns how many. Call :meth:`commit`."""
        if self.index is None:
            raise RuntimeError("read-only search index")
        if self._writer is None:
            self._writer = self.index.writer(WRITER_HEAP_BYTES, 1)
        n = 0
        for aid, dup, published, terms in docs:
            self._writer.add_document(tantivy.Document(
                id=aid, root=dup if dup is not None else aid, day=day_number(published), terms=terms or ""))
            n += 1
        return n

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            self.index.reload()

    def clear(self) -> None:
        if self.index is None:
            return
        writer = self.index.writer(WRITER_HEAP_BYTES, 1)
        writer.delete_all_documents()
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def count(self) -> int:
        return 0 if self.index is None else self.index.searcher().num_docs

    def search(self, groups: Sequence[Sequence[str]], *, limit: int = 10,
               since: date | None = None) -> list[tuple[int, float]]:
        """(article id, score) of the best articles that contain every group (a group: the alternative forms
        of one query word), best first. Near-duplicates count once: of an article and its copies, the one
        that matches best is returned."""
        if self.index is None or not groups:
            return []
        schema = self.schema
        musts = []
        for forms in groups:
            should = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "terms", f)) for f in forms]
            musts.append((tantivy.Occur.Must, tantivy.Query.boolean_query(should)))
        if since is not None:
            musts.append((tantivy.Occur.Must, tantivy.Query.range_query(
                schema, "day", tantivy.FieldType.Integer, day_number(since), None)))
        query = tantivy.Query.boolean_query(musts)
        searcher = self.index.searcher()
        want = limit * 3
        while True:
            hits = searcher.search(query, want, count=False).hits
            addresses = [addr for _, addr in hits]
            roots = searcher.fast_field_values("root", addresses)
            ids = searcher.fast_field_values("id", addresses)
            best: dict[int, tuple[float, int]] = {}  # root -> (score, the matching article)
            for (score, _), root, aid in zip(hits, roots, ids, strict=True):
                if root not in best:  # hits come best first
                    best[root] = (score, aid)
            if len(best) >= limit or len(hits) < want:
                ranked = sorted(best.values(), key=lambda sa: (-sa[0], sa[1]))
                return [(aid, score) for score, aid in ranked[:limit]]
            want *= 4

