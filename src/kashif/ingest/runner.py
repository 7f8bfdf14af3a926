"""Ingest: read items, restore and extract each new article, de-duplicate, cluster events, store in batches.

:class:`Ingestor` takes what :func:`kashif.ingest.sources.iter_items` yields. Items are gathered into
batches; for each batch the store is asked once which content hashes it already has (exact duplicates are
counted and skipped before any work is done on them), the new articles are restored and extracted, matched
against earlier articles by MinHash (a near-duplicate is stored and linked to the article it copies), their
events are put into clusters (the same sub-type and modality, within :data:`CLUSTER_KM` km and
:data:`CLUSTER_DAYS` day of the cluster's first event), watch terms are looked for, and the whole batch is written
in one transaction. Memory is bounded by the batch, not the corpus.

Failures (from reading, or an article that breaks restore/extract) are recorded in the store with their
reason, never stop the run, and are tried again by ``kashif ingest --retry-failed``.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kashif.extract import parse_published
from kashif.extract.gazetteer import km
from kashif.extract.pipeline import extract_restored
from kashif.ingest.dedupe import THRESHOLD, band_keys, content_hash, signature, similarity
from kashif.ingest.sources import Failure, Item
from kashif.restore import Restoration, restore
from kashif.store.db import Store, _now
from kashif.store.terms import Query, find_spans, folded_words, index_terms, parse_query

CLUSTER_KM = 5.0
CLUSTER_DAYS = 1
BATCH_SIZE = 200


@dataclass
class WatchHit:
    term: str
    article_id: int
    ref: str
    original: str  # the matched text as it stands in the original article (the first obfuscated match if any)
    hidden: bool  # a match was obfuscated in the original
    count: int = 1  # matches in the article


@dataclass
class Summary:
    """What one ingest run did."""

    read: int = 0  # items read (articles and failures)
    new: int = 0  # articles stored
    duplicates: int = 0  # exact duplicates of stored articles, skipped
    near_duplicates: int = 0  # stored and linked to the article they copy
    events: int = 0
    failures: int = 0
    watch_hits: list[WatchHit] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (ref, reason), the first few hundred

    def line(self) -> str:
        return (f"{self.read} read: {self.new} new ({self.near_duplicates} near-duplicates), "
                f"{self.duplicates} duplicates, {self.events} events, {self.failures} failures")


@dataclass
class _New:
    item: Item
    id: int
    hash: str
    r: Restoration
    row: dict[str, Any]
    edits: list[dict[str, Any]]
    hidden: list[dict[str, Any]]
    sig: list[int] | None
    keys: list[int]
    events: list[Any]
    pub: date | None


class Ingestor:
    """Ingests items into ``store``. ``on_item`` (if given) is called after each item, with the summary."""

    def __init__(self, store: Store, *, batch_size: int = BATCH_SIZE,
                 on_item: Callable[[Summary], None] | None = None,
                 on_watch: Callable[[WatchHit], None] | None = None, options: str | None = None) -> None:
        """``options``: the reading options (JSON) recorded with failures, for ``--retry-failed``."""
        self.store = store
        self.options = options
        self.batch_size = batch_size
        self.on_item = on_item
        self.on_watch = on_watch
        self.summary = Summary()
        self.watch: list[tuple[str, Query]] = [(t, parse_query(t)) for t in store.watch_terms()]
        self._next_article = store.next_id("articles")
        self._next_event = store.next_id("events")
        self._pending: list[Item] = []
        self._failures: list[tuple[str, str, str | None]] = []  # ref, reason, reading options (JSON)
        self._resolved: list[str] = []  # refs whose failures to clear

    def run(self, items: Iterable[Item | Failure]) -> Summary:
        """Ingest ``items``. Interrupted (Ctrl-C), it still stores what it has processed before it stops."""
        try:
            for item in items:
                self.summary.read += 1
                if isinstance(item, Failure):
                    self._fail(item.ref, item.reason, item.context)
                else:
                    self._pending.append(item)
                    if len(self._pending) >= self.batch_size:
                        self.flush()
                if self.on_item is not None:
                    self.on_item(self.summary)
        except BaseException:
            self.flush()  # what was read before the interruption (flush itself keeps what it processed)
            raise
        self.flush()
        return self.summary

    def resolved(self, ref: str) -> None:
        """A failed ref was read again without failing itself: clear its failure with the next batch."""
        self._resolved.append(ref)

    def _fail(self, ref: str, reason: str, context: dict[str, str] | None = None) -> None:
        self.summary.failures += 1
        if len(self.summary.failed) < 500:
            self.summary.failed.append((ref, reason))
        recorded = self.options
        if context:
            recorded = json.dumps({**(json.loads(self.options) if self.options else {}), "context": context},
                                  ensure_ascii=False)
        self._failures.append((ref, reason, recorded))

    # -- one batch ------------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Process and store the pending items. Interrupted while processing, it stores the articles already
        processed (and the failures seen) before the interruption goes on."""
        items, self._pending = self._pending, []
        fresh: list[_New] = []
        try:
            hashes = {}
            for item in items:
                try:
                    hashes[id(item)] = content_hash(item.text)
                except Exception as e:  # text that cannot be encoded (a lone surrogate from JSON)
                    self._fail(item.ref, f"unusable text: {type(e).__name__}: {e}")
            known = self.store.known_hashes(hashes.values())
            seen: set[str] = set()
            for item in items:
                h = hashes.get(id(item))
                if h is None:
                    continue
                if h in known or h in seen:
                    self.summary.duplicates += 1
                    self._resolved.append(item.ref)
                    continue
                try:
                    new = self._process(item, h)
                except Exception as e:  # an article that breaks restore/extract is a failure, not a crash
                    self._fail(item.ref, _internal(e))
                    continue
                seen.add(h)
                fresh.append(new)
        finally:
            self._store(fresh)

    def _store(self, fresh: list[_New]) -> None:
        """Write processed articles in one transaction; if that fails, one by one, recording the ones that
        cannot be written as failures."""
        try:
            if fresh:
                self._write(fresh)
        except Exception:
            for n in fresh:
                try:
                    self._write([n])
                except Exception as e:
                    self._fail(n.item.ref, "could not store: " + _internal(e))
        if self._failures:
            self.store.record_failures(self._failures)
            self._failures = []
        if self._resolved:
            self.store.clear_failures(self._resolved)
            self._resolved = []

    def _write(self, fresh: list[_New]) -> None:
        self._link_duplicates(fresh)
        event_rows = self._cluster(fresh)
        tables: dict[str, list[dict[str, Any]]] = {
            "articles": [n.row for n in fresh], "edits": [], "hidden_words": [], "events": event_rows,
            "lsh_bands": [], "watch_hits": [],
        }
        hits: list[WatchHit] = []
        for n in fresh:
            tables["edits"] += n.edits
            tables["hidden_words"] += n.hidden
            tables["lsh_bands"] += [{"band_key": k, "article_id": n.id} for k in n.keys]
            rows, found = self._watch(n)
            tables["watch_hits"] += rows
            hits += found
        self.store.write_batch(tables)
        self.store.index_articles(tables["articles"])
        self._resolved += [n.item.ref for n in fresh]
        self.summary.new += len(fresh)
        self.summary.near_duplicates += sum(1 for n in fresh if n.row["duplicate_of"] is not None)
        self.summary.events += len(event_rows)
        for hit in hits:
            if len(self.summary.watch_hits) < 1000:
                self.summary.watch_hits.append(hit)
            if self.on_watch is not None:
                self.on_watch(hit)

    def _process(self, item: Item, h: str) -> _New:
        text = item.text
        r = restore(text)
        pub = plausible(parse_published(item.published)) if item.published else None
        events = extract_restored(r, published=pub)
        aid = self._next_article
        self._next_article += 1
        folded = folded_words(r.text)
        sig = signature(folded)
        row = {
            "id": aid, "content_hash": h, "ref": item.ref, "outlet": item.outlet, "url": item.url,
            "title": item.title, "published": pub, "ingested_at": _now(), "original_text": text,
            "restored_text": r.text, "evasion_score": r.evasion_score, "word_count": r.word_count,
            "hidden_words": r.hidden_words, "duplicate_of": None, "similarity": None, "minhash": sig,
            "terms": index_terms(folded),
        }
        edits = [{"article_id": aid, "seq": i, **e.to_dict()} for i, e in enumerate(r.edits)]
        hidden = [{"article_id": aid, "seq": i, **hw.to_dict()} for i, hw in enumerate(r.hidden)]
        return _New(item, aid, h, r, row, edits, hidden, sig, band_keys(sig) if sig else [], events, pub)

    def _link_duplicates(self, fresh: list[_New]) -> None:
        """Point each new article that copies an earlier one (stored, or earlier in this batch) at it."""
        for n in fresh:
            n.row["duplicate_of"] = n.row["similarity"] = None
        stored = self.store.band_matches(k for n in fresh for k in n.keys)
        batch_keys: dict[int, list[_New]] = {}
        candidates_per: list[set[int]] = []
        for n in fresh:
            cands: set[int] = set()
            for k in n.keys:
                cands.update(stored.get(k, ()))
                cands.update(m.id for m in batch_keys.get(k, ()))
            candidates_per.append(cands)
            for k in n.keys:
                batch_keys.setdefault(k, []).append(n)
        sigs = self.store.signatures(set().union(*candidates_per) if candidates_per else ())
        by_id = {n.id: n for n in fresh}
        for n, cands in zip(fresh, candidates_per, strict=True):
            best, best_sim = None, 0.0
            for c in sorted(cands):
                if c in by_id:
                    other = by_id[c]
                    sig, root = other.sig, other.row["duplicate_of"]
                else:
                    sig, root = sigs[c]
                if sig is None or n.sig is None:
                    continue
                sim = similarity(n.sig, sig)
                if sim >= THRESHOLD and sim > best_sim:
                    best, best_sim = (root if root is not None else c), sim
            if best is not None:
                n.row["duplicate_of"] = best
                n.row["similarity"] = round(best_sim, 4)

    def _cluster(self, fresh: list[_New]) -> list[dict[str, Any]]:
        """Event rows for the batch, each with its cluster (an earlier event's cluster, or its own)."""
        rows: list[dict[str, Any]] = []
        for n in fresh:
            for seq, ev in enumerate(n.events):
                d = ev.to_dict()
                d["event_date"] = date.fromisoformat(d["event_date"]) if d["event_date"] else None
                rows.append({"id": self._next_event, "article_id": n.id, "seq": seq, "cluster_id": None, **d})
                self._next_event += 1
        self._cluster_copies(fresh, rows)
        days = {r["event_date"] + timedelta(days=d) for r in rows if _placed(r)
                for d in range(-CLUSTER_DAYS, CLUSTER_DAYS + 1) if _shiftable(r["event_date"], d)}
        # Clusters are anchored on their first event: an event joins a cluster when it is close to that
        # event, never by a chain of events a day apart each (a ten-day campaign is ten events).
        anchors: dict[tuple[str, str], list[tuple]] = {}
        for cluster, sub, modality, day, lat, lon, precision, location in self.store.cluster_anchors(days):
            anchors.setdefault((sub, modality), []).append((cluster, day, lat, lon, precision, location))
        for r in rows:
            if r["cluster_id"] is not None or "_same_as" in r:
                continue
            if _placed(r):
                key = (r["sub_event_type"], r["modality"])
                near = [(dist, cluster) for cluster, day, lat, lon, precision, location in anchors.get(key, ())
                        if abs((day - r["event_date"]).days) <= CLUSTER_DAYS
                        and (dist := km(lat, lon, r["latitude"], r["longitude"])) <= CLUSTER_KM
                        and _comparable(r, precision, location)]
                if near:
                    r["cluster_id"] = min(near)[1]
                else:
                    r["cluster_id"] = r["id"]
                    anchors.setdefault(key, []).append((r["id"], r["event_date"], r["latitude"], r["longitude"],
                                                        r["geo_precision"], r["location"]))
            else:
                r["cluster_id"] = r["id"]
        for r in rows:
            same = r.pop("_same_as", None)
            if same is not None:
                r["cluster_id"] = same["cluster_id"]
        return rows

    def _cluster_copies(self, fresh: list[_New], rows: list[dict[str, Any]]) -> None:
        """An event of a near-duplicate article joins the same event of the article it copies (same sub-type,
        modality, place and date, undated or unplaced included): a stored event's cluster is set at once, an
        event of this batch is named in ``_same_as`` and its cluster copied once it has one."""
        roots = {n.id: n.row["duplicate_of"] for n in fresh if n.row["duplicate_of"] is not None}
        if not roots:
            return
        known: dict[tuple, Any] = {}
        for aid, cluster, sub, modality, location, day in self.store.events_of(roots.values()):
            known.setdefault((aid, sub, modality, location, day), cluster)
        for r in rows:  # rows are in article order: a root in this batch comes before its copies
            key = (r["sub_event_type"], r["modality"], r["location"], r["event_date"])
            root = roots.get(r["article_id"])
            if root is None:
                known.setdefault((r["article_id"], *key), r)
                continue
            same = known.get((root, *key))
            if isinstance(same, dict):
                r["_same_as"] = same
            elif same is not None:
                r["cluster_id"] = same

    def _watch(self, n: _New) -> tuple[list[dict[str, Any]], list[WatchHit]]:
        """The watch terms' matches in a new article: rows to store, and one hit per term to report."""
        r = n.r
        out: list[dict[str, Any]] = []
        hits: list[WatchHit] = []
        for term, query in self.watch:
            rows = []
            for span in find_spans(r.text, query, phrase_only=True):
                ostart, oend = r.original_span(span.start, span.end)
                original = n.item.text[ostart:oend]
                rows.append({"term": term, "article_id": n.id, "start": span.start, "end": span.end,
                             "original": original, "original_start": ostart, "original_end": oend,
                             "hidden": original != r.text[span.start : span.end]})
            if not rows:
                continue
            out += rows
            shown = next((x for x in rows if x["hidden"]), rows[0])
            hits.append(WatchHit(term, n.id, n.item.ref, shown["original"], shown["hidden"], len(rows)))
        return out, hits


def _placed(r: dict[str, Any]) -> bool:
    return r["event_date"] is not None and r["latitude"] is not None


def _shiftable(day: date, d: int) -> bool:
    return date.min + timedelta(days=CLUSTER_DAYS) <= day <= date.max - timedelta(days=CLUSTER_DAYS) or d == 0


def _comparable(r: dict[str, Any], precision: int | None, location: str | None) -> bool:
    """May two events close in space be one? Both placed to a town or closer; a place known only to its
    province or country (geo_precision 3) only with the same place."""
    if (r["geo_precision"] or 3) >= 3 or (precision or 3) >= 3:
        return r["location"] == location
    return True


def plausible(day: date | None) -> date | None:
    """A publication date, or None for one no news article has (before 1900, or more than two days ahead:
    placeholders such as 0001-01-01 and 9999-12-31)."""
    if day is None or day.year < 1900 or day > date.today() + timedelta(days=2):
        return None
    return day


def _internal(e: BaseException) -> str:
    where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    place = f" ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    return f"internal error: {type(e).__name__}: {e}{place}"

