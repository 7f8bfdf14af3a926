"""The DuckDB store: one file holding articles, edits, hidden words, events, clusters, failures and watch terms.

:class:`Store` opens (creating and migrating) the file, writes ingested batches in bulk and answers the
queries that ``kashif search``, ``watch`` and ``export`` need. DuckDB lets one process at a time open a file
for writing; a second ``kashif`` process waits up to ``wait`` seconds for it and then stops with
:class:`DatabaseBusy` — it never corrupts the file.

Writes go in batches through newline-delimited JSON files that DuckDB reads in one statement: DuckDB's
per-statement cost (about a millisecond) makes row-by-row inserts hundreds of times slower.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from kashif.store.schema import MIGRATIONS, SCHEMA_VERSION
from kashif.store.search import SearchIndex

DEFAULT_DB = "kashif.duckdb"
DB_ENV = "KASHIF_DB"
MEMORY_ENV = "KASHIF_DB_MEMORY"
DEFAULT_MEMORY = "1GB"  # a cap on DuckDB's memory (it spills to disk beyond it); it takes only what it needs

# Column types of the tables written in bulk (the order is the table's).
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "BIGINT", "content_hash": "VARCHAR", "ref": "VARCHAR", "outlet": "VARCHAR", "url": "VARCHAR",
        "title": "VARCHAR", "published": "DATE", "ingested_at": "TIMESTAMP", "original_text": "VARCHAR",
        "restored_text": "VARCHAR", "evasion_score": "DOUBLE", "word_count": "INTEGER",
        "hidden_words": "VARCHAR[]", "duplicate_of": "BIGINT", "similarity": "DOUBLE",
        "minhash": "UINTEGER[]", "terms": "VARCHAR",
    },
    "edits": {
        "article_id": "BIGINT", "seq": "INTEGER", "start": "INTEGER", "end": "INTEGER",
        "original": "VARCHAR", "replacement": "VARCHAR", "kind": "VARCHAR",
    },
    "hidden_words": {
        "article_id": "BIGINT", "seq": "INTEGER", "word": "VARCHAR", "start": "INTEGER", "end": "INTEGER",
        "original": "VARCHAR", "original_start": "INTEGER", "original_end": "INTEGER", "kinds": "VARCHAR[]",
    },
    "events": {
        "id": "BIGINT", "article_id": "BIGINT", "seq": "INTEGER", "cluster_id": "BIGINT",
        "event_type": "VARCHAR", "sub_event_type": "VARCHAR", "modality": "VARCHAR", "actor1": "VARCHAR",
        "actor1_attributed": "VARCHAR", "actor2": "VARCHAR", "location": "VARCHAR", "country": "VARCHAR",
        "admin1": "VARCHAR", "geonameid": "BIGINT", "latitude": "DOUBLE", "longitude": "DOUBLE",
        "geo_precision": "INTEGER", "event_date": "DATE", "time_precision": "INTEGER", "fatalities": "BIGINT",
        "evidence": "VARCHAR", "evidence_start": "INTEGER", "evidence_end": "INTEGER",
    },
    "lsh_bands": {"band_key": "BIGINT", "article_id": "BIGINT"},
    "watch_hits": {
        "term": "VARCHAR", "article_id": "BIGINT", "start": "INTEGER", "end": "INTEGER", "original": "VARCHAR",
        "original_start": "INTEGER", "original_end": "INTEGER", "hidden": "BOOLEAN",
    },
}


# A list parameter, passed as JSON text (see _json_list).
_VARCHARS = """(SELECT unnest(from_json(?, '["VARCHAR"]')))"""
_BIGINTS = """(SELECT unnest(from_json(?, '["BIGINT"]')))"""


class StoreError(Exception):
    """A problem with the store a user can act on (reported by the CLI as ``kashif: MESSAGE``)."""


class DatabaseBusy(StoreError):
    """Another process holds the database file."""


def default_path() -> str:
    """The database file: ``$KASHIF_DB`` if set, else ``kashif.duckdb`` in the current folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def _is_lock_error(e: Exception) -> bool:
    text = str(e).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


class Store:
    """An open kashif database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
                 wait: float = 10.0) -> None:
        self.path = str(path) if path is not None else default_path()
        self.read_only = read_only
        if read_only and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such database (run `kashif ingest` first, or pass --db)")
        config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                  "memory_limit": os.environ.get(MEMORY_ENV, DEFAULT_MEMORY)}
        deadline = time.monotonic() + wait
        delay = 0.05
        while True:
            try:
                self.con = duckdb.connect(self.path, read_only=read_only, config=config)
                break
            except duckdb.IOException as e:
                if not _is_lock_error(e):
                    raise StoreError(f"{self.path}: cannot open the database: {e}") from None
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(
                        f"{self.path}: database is busy: another kashif process is using it "
                        f"(waited {wait:g} s; use --wait to wait longer)"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: not a kashif database or not readable: {e}") from None
        self._tmp = None
        self._migrate()
        self.search_index = SearchIndex(self.path + ".search", read_only=read_only)
        if not read_only:
            self.catch_up_index()

    # -- lifecycle ----------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self.con.close()

    def _migrate(self) -> None:
        con = self.con
        has_meta = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        version = 0
        if not has_meta:
            tables = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: a DuckDB database, but not kashif's (it has other tables); "
                                 "use another --db")
        if has_meta:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer kashif (schema {version}, this one knows "
                             f"{SCHEMA_VERSION}); upgrade kashif")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(f"{self.path}: needs a schema upgrade; run `kashif ingest` on it once")
        for number in range(version, SCHEMA_VERSION):
            con.execute("BEGIN")
            try:
                if number == 0:
                    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                for statement in MIGRATIONS[number]:
                    con.execute(statement)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(number + 1)])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    # -- meta ---------------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def next_id(self, table: str) -> int:
        return int(self.con.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    # -- bulk writes --------------------------------------------------------------------------------------
    def _tmpdir(self) -> str:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="kashif-")
        return self._tmp.name

    def insert_rows(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts with the table's columns) in one statement."""
        if not rows:
            return
        cols = COLUMNS[table]
        path = os.path.join(self._tmpdir(), f"{table}.jsonl")
        biggest = 0
        with open(path, "wb") as f:
            for row in rows:
                line = json.dumps(row, ensure_ascii=False, default=_json_default).encode("utf-8") + b"\n"
                biggest = max(biggest, len(line))
                f.write(line)
        # DuckDB's JSON reader buffers twice the largest object it allows: allow what this batch needs.
        limit = max(16 << 20, biggest + 1024)
        spec = ", ".join(f"'{name}': '{kind}'" for name, kind in cols.items())
        names = ", ".join(f'"{name}"' for name in cols)
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM read_json(?, format = 'newline_delimited', "
            f"columns = {{{spec}}}, maximum_object_size = {limit})",
            [path],
        )

    def write_batch(self, tables: dict[str, Sequence[dict[str, Any]]]) -> None:
        """Write one batch (rows per table) in one transaction: all of it or none of it."""
        self.con.execute("BEGIN")
        try:
            for table, rows in tables.items():
                self.insert_rows(table, rows)
            self.con.execute("COMMIT")
        except BaseException:  # Ctrl-C included: never leave the transaction open
            self.con.execute("ROLLBACK")
            raise

    # -- lookups used while ingesting ---------------------------------------------------------------------
    def _rows_in(self, sql: str, values: Iterable[Any]) -> list[tuple]:
        """Rows of ``sql``, whose one parameter is a list (``IN {_VARCHARS}`` or ``IN {_BIGINTS}``)."""
        values = list(set(values))
        return self.con.execute(sql, [_json_list(values)]).fetchall() if values else []

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, int]:
        return dict(self._rows_in(f"SELECT content_hash, id FROM articles WHERE content_hash IN {_VARCHARS}", hashes))

    def band_matches(self, keys: Iterable[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for key, article in self._rows_in(f"SELECT band_key, article_id FROM lsh_bands WHERE band_key IN {_BIGINTS}",
                                          keys):
            out.setdefault(key, []).append(article)
        return out

    def signatures(self, ids: Iterable[int]) -> dict[int, tuple[list[int], int | None]]:
        """id → (minhash, duplicate_of) for the given articles."""
        rows = self._rows_in(f"SELECT id, minhash, duplicate_of FROM articles WHERE id IN {_BIGINTS}", ids)
        return {i: (m, d) for i, m, d in rows}

    def cluster_anchors(self, days: Iterable[date]) -> list[tuple]:
        """The first events of the clusters dated on the given days: (cluster_id, sub_event_type, modality,
        event_date, latitude, longitude, geo_precision, location)."""
        return self._rows_in(
            "SELECT cluster_id, sub_event_type, modality, event_date, latitude, longitude, geo_precision, location "
            f"FROM events WHERE id = cluster_id AND latitude IS NOT NULL AND event_date IN "
            f"(SELECT CAST(d AS DATE) FROM {_VARCHARS} AS t(d))", (d.isoformat() for d in days))

    def events_of(self, article_ids: Iterable[int]) -> list[tuple]:
        """Events of the given articles: (article_id, cluster_id, sub_event_type, modality, location,
        event_date)."""
        return self._rows_in("SELECT article_id, cluster_id, sub_event_type, modality, location, event_date "
                             f"FROM events WHERE article_id IN {_BIGINTS}", article_ids)

    # -- failures -----------------------------------------------------------------------------------------
    def record_failures(self, failures: Sequence[tuple[str, str, str | None]]) -> None:
        """Record failed items: (ref, reason, the reading options as JSON, kept from the first failure)."""
        now = _now()
        for ref, reason, options in failures:
            self.con.execute(
                "INSERT INTO failures (ref, reason, first_failed, last_tried, attempts, options) "
                "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (ref) DO UPDATE SET reason = excluded.reason, "
                "last_tried = excluded.last_tried, attempts = failures.attempts + 1, "
                "options = coalesce(failures.options, excluded.options)",  # the first reading's options stay
                [ref, reason, now, now, options],
            )

    def clear_failures(self, refs: Iterable[str]) -> None:
        self._rows_in(f"DELETE FROM failures WHERE ref IN {_VARCHARS}", refs)

    def failures(self) -> list[tuple[str, str, int]]:
        return self.con.execute("SELECT ref, reason, attempts FROM failures ORDER BY first_failed, ref").fetchall()

    def failure_options(self) -> dict[str, str | None]:
        """ref → the reading options (JSON) a failed item was read with."""
        return dict(self.con.execute("SELECT ref, options FROM failures").fetchall())

    # -- watch terms --------------------------------------------------------------------------------------
    def add_watch(self, term: str) -> bool:
        """Add a watch term; False if it was there already."""
        if self.con.execute("SELECT 1 FROM watch_terms WHERE term = ?", [term]).fetchone():
            return False
        self.con.execute("INSERT INTO watch_terms VALUES (?, ?)", [term, _now()])
        return True

    def remove_watch(self, term: str) -> bool:
        found = self.con.execute("SELECT 1 FROM watch_terms WHERE term = ?", [term]).fetchone()
        self.con.execute("DELETE FROM watch_terms WHERE term = ?", [term])
        return bool(found)

    def watch_terms(self) -> list[str]:
        return [t for (t,) in self.con.execute("SELECT term FROM watch_terms ORDER BY added, term").fetchall()]

    def watch_summary(self) -> list[tuple[str, int, int, Any]]:
        """(term, articles matched, of which hidden, last matched article's ingest time) per watch term."""
        return self.con.execute(
            """SELECT w.term, count(DISTINCT h.article_id), count(DISTINCT h.article_id) FILTER (WHERE h.hidden),
                      max(a.ingested_at)
               FROM watch_terms w LEFT JOIN watch_hits h ON h.term = w.term
               LEFT JOIN articles a ON a.id = h.article_id
               GROUP BY w.term, w.added ORDER BY w.added, w.term"""
        ).fetchall()

    # -- search -------------------------------------------------------------------------------------------
    def index_articles(self, rows: Sequence[dict[str, Any]]) -> None:
        """Add newly written articles (rows with id, duplicate_of, published, terms) to the search index."""
        if not rows:
            return
        self.search_index.add((r["id"], r["duplicate_of"], r["published"], r["terms"]) for r in rows)
        self.search_index.commit()
        self.set_meta("search_indexed_upto", str(max(r["id"] for r in rows)))

    def catch_up_index(self) -> int:
        """Make the search index hold every article: add those it lacks (after a crash between the database's
        commit and the index's, or a database from an older kashif), or rebuild it if it disagrees. Returns
        the number of articles added."""
        total = self.article_count()
        indexed = self.search_index.count()
        if indexed == total:
            return 0
        upto = int(self.get_meta("search_indexed_upto") or 0)
        below = int(self.con.execute("SELECT count(*) FROM articles WHERE id <= ?", [upto]).fetchone()[0])
        if indexed != below:  # not just behind: start again
            self.search_index.clear()
            upto = 0
        added = 0
        while chunk := self.con.execute("SELECT id, duplicate_of, published, terms FROM articles WHERE id > ? "
                                        "ORDER BY id LIMIT 1000", [upto]).fetchall():
            added += self.search_index.add(chunk)
            self.search_index.commit()
            upto = chunk[-1][0]
            self.set_meta("search_indexed_upto", str(upto))
        return added

    def reindex(self) -> int:
        """Rebuild the search index from the stored terms; returns the number of articles indexed."""
        self.search_index.clear()
        self.set_meta("search_indexed_upto", "0")
        return self.catch_up_index()

    def index_complete(self) -> bool:
        return self.search_index.count() == self.article_count()

    def article_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, groups: Sequence[Sequence[str]], *, limit: int = 10,
               since: date | None = None) -> list[tuple[int, float]]:
        """(article id, score) of the best articles containing every group (a group: alternative forms of
        one query word), best first; near-duplicates folded into the article they copy."""
        return self.search_index.search(groups, limit=limit, since=since)

    def article(self, article_id: int) -> dict[str, Any] | None:
        cur = self.con.execute(
            "SELECT id, ref, outlet, url, title, published, original_text, restored_text, evasion_score, "
            "hidden_words, duplicate_of, similarity FROM articles WHERE id = ?", [article_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def copies(self, article_id: int) -> list[tuple[int, str | None]]:
        """(id, outlet) of the near-duplicates of an article."""
        return self.con.execute("SELECT id, outlet FROM articles WHERE duplicate_of = ? ORDER BY id",
                                [article_id]).fetchall()

    # -- export -------------------------------------------------------------------------------------------
    @staticmethod
    def event_filter(*, since: date | None = None, country: str | None = None,
                     modality: str | None = None) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e`` and its parameters."""
        where, params = ["TRUE"], []
        if since is not None:
            where.append("e.event_date >= ?")
            params.append(since)
        if country:
            where.append("lower(e.country) = lower(?)")
            params.append(country)
        if modality:
            where.append("e.modality = ?")
            params.append(modality)
        return " AND ".join(where), params

    def events_query(self, *, with_ingest_time: bool = True, **filters: Any) -> tuple[str, list[Any]]:
        """SQL (and its parameters) for the events joined with their article, in cluster order, filtered (see
        :meth:`event_filter`)."""
        where, params = self.event_filter(**filters)
        ingested = ", a.ingested_at" if with_ingest_time else ""
        return (f"""SELECT e.*, a.outlet, a.url, a.title, a.published, a.ref{ingested}
                    FROM events e JOIN articles a ON a.id = e.article_id
                    WHERE {where} ORDER BY e.cluster_id, e.id""", params)

    def event_rows(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """The rows of :meth:`events_query`, as dicts, streamed."""
        cur = self.con.cursor().execute(*self.events_query(**filters))  # its own cursor: the caller may query
        names = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(1000)
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row, strict=True))

    def stats(self) -> dict[str, int]:
        q = self.con.execute
        return {
            "articles": int(q("SELECT count(*) FROM articles").fetchone()[0]),
            "near_duplicates": int(q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]),
            "events": int(q("SELECT count(*) FROM events").fetchone()[0]),
            "clusters": int(q("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0]),
            "failures": int(q("SELECT count(*) FROM failures").fetchone()[0]),
        }


def _json_list(values: Sequence[Any]) -> str:
    """A list for a query parameter, as JSON text: DuckDB converts a Python list parameter element by element,
    trying optional imports (pandas, ...) for each one, which costs milliseconds per thousand values."""
    return json.dumps(list(values), ensure_ascii=False)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"cannot store {type(value).__name__}")
