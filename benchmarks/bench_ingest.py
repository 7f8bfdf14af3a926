"""Ingest benchmark: 10,000 articles end to end into a fresh DuckDB file, articles/s and memory.

The articles are ``../shared/eval/restore/clean_news_dev.jsonl`` cycled; a share of each cycle after the
first (``--obfuscated``, 30% by default) is obfuscated by kashif's own obfuscator with a new seed, so it is a
new text (restored, extracted, and linked to its source as a near-duplicate); the rest of the repeats are
exact duplicates, found by their content hash. Reported: items/s over the whole run (search index included),
articles restored+extracted per second, the peak resident memory, and the resident memory at each tenth of
the run, which must not grow with the corpus.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 10000] [--obfuscated 0.3] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kashif.ingest.runner import Ingestor
from kashif.ingest.sources import Item
from kashif.restore.obfuscate import obfuscate
from kashif.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "restore" / "clean_news_dev.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"


def rss_mb() -> float:
    """Current resident set size in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def items(docs: list[dict], n: int, share: float, seed: int = 1) -> Iterator[Item]:
    rng = random.Random(seed)
    for i in range(n):
        doc = docs[i % len(docs)]
        text = doc["text"]
        if i >= len(docs) and rng.random() < share:
            text, _ = obfuscate(text, rate=0.15, seed=i)
        yield Item(ref=f"{doc.get('source', 'doc')}@{i}", text=text, title=doc.get("title"),
                   outlet=doc.get("outlet"), published=doc.get("published") or doc.get("date"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--obfuscated", type=float, default=0.3)
    ap.add_argument("--db", help="database file (default: a new temporary file)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"missing {CORPUS}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    tmp = tempfile.TemporaryDirectory(prefix="kashif-bench-")
    db = args.db or str(Path(tmp.name) / "bench.duckdb")
    from kashif import extract

    extract("تمهيد", published="2020-01-01")  # load the lexicon and gazetteer before timing
    marks: list[tuple[int, float, float]] = []
    step = max(1, args.articles // 10)
    start_wall, start_cpu = time.perf_counter(), time.process_time()

    def on_item(summary) -> None:
        if summary.read % step == 0:
            marks.append((summary.read, round(time.perf_counter() - start_wall, 1), round(rss_mb(), 1)))

    with Store(db) as store:
        ingestor = Ingestor(store, on_item=on_item)
        summary = ingestor.run(items(docs, args.articles, args.obfuscated))
        stats = store.stats()
    wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
    processed = summary.new
    result = {
        "articles": args.articles, "obfuscated_share_of_repeats": args.obfuscated,
        "new": summary.new, "near_duplicates": summary.near_duplicates, "duplicates": summary.duplicates,
        "events": summary.events, "clusters": stats["clusters"], "failures": summary.failures,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "items_per_s": round(args.articles / wall, 1),
        "restored_and_extracted_per_s": round(processed / wall, 1),
        "peak_rss_mb": round(peak_mb(), 1), "rss_by_items": marks,
        "db_mb": round(Path(db).stat().st_size / 1e6, 1),
    }
    print(f"{args.articles} articles in {wall:.1f} s (cpu {cpu:.1f} s): "
          f"{result['items_per_s']} articles/s end to end; {processed} restored+extracted "
          f"({result['restored_and_extracted_per_s']}/s), {summary.near_duplicates} near-duplicates, "
          f"{summary.duplicates} exact duplicates, {summary.events} events in {stats['clusters']} clusters")
    print(f"memory: peak RSS {result['peak_rss_mb']} MB; RSS (MB) after each tenth: "
          + ", ".join(f"{n}: {m}" for n, _, m in marks))
    print(f"database: {result['db_mb']} MB")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
