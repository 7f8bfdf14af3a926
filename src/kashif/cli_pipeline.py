"""The store's subcommands of the ``kashif`` command line: ``ingest``, ``search``, ``watch``, ``export``,
and the pipeline demo. :mod:`kashif.cli` lists them in its command table.

Every one of them takes ``--db PATH`` (default ``$KASHIF_DB`` or ``kashif.duckdb`` in the current folder)
and ``--wait SECONDS`` (how long to wait for another kashif process that has the database open).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from kashif.cli import ANSI_MARK, BRACKET_MARK, CliError, Output, OutputWriter, want_colour

# Exit status of an ingest that finished but could not read some items (they are recorded for --retry-failed).
PARTIAL = 3
_SPACES = re.compile(r"\s+")
SNIPPET_CHARS = 90  # characters of context each side of a search match


def _db_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH",
                   help="the database file (default: $KASHIF_DB, else kashif.duckdb in the current folder)")
    p.add_argument("--wait", type=float, default=10.0, metavar="SECONDS",
                   help="how long to wait while another kashif process uses the database (default: 10)")


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    from kashif.store import Store, StoreError

    try:
        return Store(args.db, read_only=read_only, wait=args.wait)
    except StoreError as e:
        raise CliError(str(e)) from None


def _date(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None


# -- ingest -------------------------------------------------------------------------------------------------
def ingest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="PATH|URL",
                   help="text, JSON, JSONL, HTML or feed files, folders (recursively), http(s) pages or feeds")
    p.add_argument("--retry-failed", action="store_true",
                   help="read again every item recorded as failed (and the inputs given, if any)")
    p.add_argument("--reindex", action="store_true", help="rebuild the search index from the database")
    p.add_argument("--text-field", default="text", help="JSON/JSONL field with the article text (default: text)")
    p.add_argument("--title-field", default="title", help="JSON/JSONL title field (default: title)")
    p.add_argument("--url-field", default="url", help="JSON/JSONL URL field (default: url)")
    p.add_argument("--date-field", default="published",
                   help="JSON/JSONL publication date field (default: published, else date)")
    p.add_argument("--outlet-field", default="outlet", help="JSON/JSONL outlet field (default: outlet)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="per HTTP request (default: 10)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--batch-size", type=int, default=200, help=argparse.SUPPRESS)
    _db_arguments(p)


_JSONL_LINE = re.compile(r"(.+)#L(\d+)")  # the ref of one line of a JSONL file


def _reading(recorded: str | None, options: Any) -> Any:
    """The options to read a failed item again with: the field names it was first read with (recorded), this
    run's network settings."""
    if not recorded:
        return options
    try:
        fields = {k: v for k, v in json.loads(recorded).items() if k.endswith("_field") and isinstance(v, str)}
    except (ValueError, AttributeError):
        return options
    return replace(options, **fields)


def _with_context(item: Any, recorded: str | None) -> Any:
    """A re-read item with what its source said of it the first time (a feed entry's title, date, feed)."""
    from kashif.ingest.sources import Failure

    if isinstance(item, Failure) or not recorded:
        return item
    try:
        context = json.loads(recorded).get("context") or {}
    except (ValueError, AttributeError):
        return item
    return replace(item, title=context.get("title") or item.title,
                   published=context.get("published") or item.published,
                   outlet=context.get("outlet") or item.outlet)


def _absolute(inputs: list[str]) -> list[str]:
    """Local paths made absolute, so that failures recorded now can be retried from any folder."""
    return [x if "://" in x or not os.path.exists(x) else os.path.abspath(x) for x in inputs]


def run_ingest(args: argparse.Namespace) -> int:
    from kashif.ingest.runner import Ingestor
    from kashif.ingest.sources import Failure, SourceOptions, iter_items, read_lines, read_ref

    if not args.inputs and not args.retry_failed and not args.reindex:
        raise CliError("ingest: name files, folders or URLs to ingest, or use --retry-failed or --reindex")
    if args.batch_size < 1:
        raise CliError("--batch-size must be at least 1")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    options = SourceOptions(text_field=args.text_field, title_field=args.title_field, url_field=args.url_field,
                            date_field=args.date_field, outlet_field=args.outlet_field, timeout=args.timeout)
    reading = json.dumps({k: v for k, v in asdict(options).items() if k.endswith("_field")})
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    with _open(args) as store:
        if args.reindex:
            print(f"ingest: search index rebuilt ({store.reindex()} articles)", file=sys.stderr)
            if not args.inputs and not args.retry_failed:
                return 0
        retry = [ref for ref, _, _ in store.failures()] if args.retry_failed else []
        first_options = store.failure_options()
        retried = set(retry)

        def items() -> Any:
            # Lines of one JSONL file read with the same options are read together, in one pass over the file.
            groups: dict[tuple[str, str | None], list[int]] = {}
            for ref in retry:
                parent, sep, _ = ref.rpartition("#")
                if sep and parent in retried:
                    continue  # its file (or feed) is read again as a whole
                line = _JSONL_LINE.fullmatch(ref)
                if line and not os.path.lexists(ref):
                    groups.setdefault((line.group(1), first_options.get(ref)), []).append(int(line.group(2)))
                else:
                    groups[(ref, first_options.get(ref))] = []
            for (ref, recorded), lines in groups.items():
                wanted = {f"{ref}#L{n}" for n in lines} if lines else {ref}
                failed: set[str] = set()
                reading = _reading(recorded, options)
                for item in read_lines(ref, lines, reading) if lines else read_ref(ref, reading):
                    if isinstance(item, Failure) and item.ref in wanted:
                        failed.add(item.ref)
                    yield _with_context(item, recorded)
                for done in sorted(wanted - failed):
                    ingestor.resolved(done)
            yield from iter_items(_absolute(args.inputs), options)

        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(unit=" items", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
        last = [0.0]

        def on_item(summary: Any) -> None:
            if bar is None:
                return
            bar.update(1)
            now = time.monotonic()
            if now - last[0] > 0.5:
                last[0] = now
                bar.set_postfix(new=summary.new, dup=summary.duplicates, events=summary.events,
                                failed=summary.failures, refresh=False)

        def on_watch(hit: Any) -> None:
            how = f", hidden as «{hit.original}»" if hit.hidden else ""
            times = f" ×{hit.count}" if hit.count > 1 else ""
            message = f"watch: «{hit.term}»{times} in {hit.ref} (article #{hit.article_id}{how})"
            if bar is not None:
                bar.write(message, file=sys.stderr)
            else:
                print(message, file=sys.stderr)

        ingestor = Ingestor(store, batch_size=args.batch_size, on_item=on_item, on_watch=on_watch, options=reading)
        try:
            summary = ingestor.run(items())
        finally:
            if bar is not None:
                bar.close()
    for ref, reason in summary.failed[:20]:
        print(f"failed: {ref}: {reason}", file=sys.stderr)
    if summary.failures > 20:
        print(f"... and {summary.failures - 20} more failures (see them again with --retry-failed)",
              file=sys.stderr)
    print(f"ingest: {summary.line()}", file=sys.stderr)
    return PARTIAL if summary.failures else 0


# -- search -------------------------------------------------------------------------------------------------
def search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", help="words to find (every word must occur); obfuscated spellings work")
    p.add_argument("--limit", type=int, default=10, help="results to show (default: 10)")
    p.add_argument("--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="one JSON object per result")
    p.add_argument("--highlight", action=argparse.BooleanOptionalAction, default=None,
                   help="mark matches in colour (default: on a terminal; else with ⟦ ⟧)")
    _db_arguments(p)


def snippet(original: str, restored_span: tuple[int, int], r: Any, mark: tuple[str, str],
            width: int = SNIPPET_CHARS) -> tuple[str, str, bool]:
    """(snippet of the ORIGINAL text around a match with the match marked, the match as restored, whether
    the match was obfuscated)."""
    s, e = r.original_span(*restored_span)
    shown, restored = original[s:e], r.text[restored_span[0] : restored_span[1]]
    hidden = shown != restored
    a = max(0, s - width)
    b = min(len(original), e + width)
    while a > 0 and not original[a - 1].isspace() and s - a < width + 20:
        a -= 1
    while b < len(original) and not original[b].isspace() and b - e < width + 20:
        b += 1
    text = "".join((
        "…" if a else "", _SPACES.sub(" ", original[a:s]).lstrip(), mark[0], shown, mark[1],
        f" ({restored})" if hidden else "", _SPACES.sub(" ", original[e:b]).rstrip(),
        "…" if b < len(original) else "",
    ))
    return text, restored, hidden


def run_search(args: argparse.Namespace) -> int:
    from kashif import restore
    from kashif.store import StoreError
    from kashif.store.terms import find_spans, parse_query

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    since = _date(args.since, "--since")
    query = parse_query(" ".join(args.query))
    if query.empty:
        raise CliError("search: the query has no words")
    out = Output()
    mark = ANSI_MARK if want_colour(args.highlight, out) else BRACKET_MARK
    with _open(args, read_only=True) as store:
        if not store.index_complete():
            print(f"kashif: warning: the search index holds {store.search_index.count()} of "
                  f"{store.article_count()} articles; run `kashif ingest --reindex --db {store.path}`",
                  file=sys.stderr)
        try:
            hits = store.search(query.groups, limit=args.limit, since=since)
        except StoreError as e:
            raise CliError(str(e)) from None
        for rank, (aid, score) in enumerate(hits, 1):
            art = store.article(aid)
            root = art["duplicate_of"] or aid
            copies = [(c, o) for c, o in [(root, store.article(root)["outlet"]), *store.copies(root)] if c != aid]
            r = restore(art["original_text"])
            spans = find_spans(r.text, query)
            snips = [snippet(art["original_text"], sp, r, mark) for sp in spans[:3]]
            if args.json:
                out.write(json.dumps({
                    "rank": rank, "score": round(score, 4), "article_id": aid, "title": art["title"],
                    "outlet": art["outlet"], "published": art["published"].isoformat() if art["published"] else None,
                    "url": art["url"], "ref": art["ref"], "copies": [c for c, _ in copies],
                    "snippets": [{"text": t, "match": m, "hidden": h} for t, m, h in snips],
                }, ensure_ascii=False) + "\n")
                continue
            head = " · ".join(str(x) for x in (art["published"], art["outlet"], art["title"]) if x)
            out.write(f"{rank}. [{score:.2f}] #{aid} {head}\n   {art['url'] or art['ref']}\n")
            if copies:
                out.write(f"   the same report in {len(copies)} other article(s): "
                          f"{', '.join(str(o or f'#{c}') for c, o in copies[:5])}\n")
            for text, _, _ in snips:
                out.write(f"   {text}\n")
        if not hits and not args.json:
            out.write("no articles match\n")
    out.flush()
    return 0


# -- watch --------------------------------------------------------------------------------------------------
def watch_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (("add", "watch a term"), ("remove", "stop watching a term"),
                       ("list", "list the watch terms and how many articles matched each")):
        q = sub.add_parser(name, help=text, description=text)
        if name != "list":
            q.add_argument("term", nargs="+",
                           help="the term (a group's name, a place; several words are a phrase)")
        _db_arguments(q)


def run_watch(args: argparse.Namespace) -> int:
    from kashif.store.terms import parse_query

    term = " ".join(" ".join(getattr(args, "term", [])).split())
    out = Output()
    if args.action in ("add", "remove"):
        if not term:
            raise CliError(f"watch {args.action}: give the term")
        if parse_query(term).empty:
            raise CliError(f"watch {args.action}: {term!r} has no words")
        with _open(args) as store:
            if args.action == "add":
                added = store.add_watch(term)
                out.write(f"watching «{term}»\n" if added else f"already watching «{term}»\n")
            else:
                removed = store.remove_watch(term)
                if not removed:
                    raise CliError(f"watch remove: «{term}» is not a watch term")
                out.write(f"no longer watching «{term}»\n")
        out.flush()
        return 0
    if args.db is not None or os.path.exists(_default_db()):
        with _open(args, read_only=True) as store:
            rows = store.watch_summary()
    else:
        rows = []
    if not rows:
        out.write("no watch terms (add one with: kashif watch add TERM)\n")
    for t, articles, hidden, last in rows:
        when = f", last {last:%Y-%m-%d %H:%M}" if last else ""
        out.write(f"«{t}»: {articles} articles ({hidden} hidden){when}\n")
    out.flush()
    return 0


def _default_db() -> str:
    from kashif.store.db import default_path

    return default_path()


# -- export -------------------------------------------------------------------------------------------------
def export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("acled-csv", "jsonl", "geojson", "parquet"), default="acled-csv",
                   help="acled-csv: ACLED's 31 columns, one row per event cluster (default); jsonl: one event "
                        "per line; geojson: one point per located cluster; parquet: one row per event")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: stdout; parquet needs a file)")
    p.add_argument("--since", metavar="DATE", help="only events on or after DATE (YYYY-MM-DD)")
    p.add_argument("--country", help="only events in this country (English name, e.g. Syria)")
    p.add_argument("--modality", choices=("occurred", "threatened", "planned", "denied"),
                   help="only events of this modality")
    _db_arguments(p)


def run_export(args: argparse.Namespace) -> int:
    import duckdb

    from kashif.store import export

    filters = {"since": _date(args.since, "--since"), "country": args.country, "modality": args.modality}
    if args.format == "parquet" and not args.output:
        raise CliError("export --format parquet needs --output FILE")
    with _open(args, read_only=True) as store:
        if args.format == "parquet":
            try:
                n = export.write_parquet(store, args.output, **filters)
            except duckdb.Error as e:
                raise CliError(f"{args.output}: cannot write: {e}") from None
        else:
            writer = {"acled-csv": export.write_acled_csv, "jsonl": export.write_jsonl,
                      "geojson": export.write_geojson}[args.format]
            if args.output:
                try:
                    with open(args.output, "w", encoding="utf-8", newline="") as f:
                        n = writer(store, f, **filters)
                except OSError as e:
                    raise CliError(f"{args.output}: {e.strerror or e}") from None
            else:
                out = Output()
                n = writer(store, OutputWriter(out), **filters)
                out.flush()
    what = "events" if args.format in ("jsonl", "parquet") else "event clusters"
    print(f"export: {n} {what}" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


# -- the pipeline demo (README's first command) ------------------------------------------------------------------
def pipeline_demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", default="kashif-demo.duckdb",
                   help="the demo's database (default: kashif-demo.duckdb in the current folder)")
    p.add_argument("--wait", type=float, default=10.0, help=argparse.SUPPRESS)
    p.add_argument("--export", metavar="FILE", default="kashif-demo-events.csv",
                   help="where to write the ACLED CSV export (default: kashif-demo-events.csv)")


def run_pipeline_demo(args: argparse.Namespace) -> int:
    from kashif.cli import load_articles
    from kashif.ingest.runner import Ingestor
    from kashif.ingest.sources import Item
    from kashif.store import export

    articles = load_articles(args.dir)
    published = _published_dates(args.dir)
    out = Output()
    mark = ANSI_MARK if want_colour(args.highlight, out) else BRACKET_MARK
    with _open(args) as store:
        ingestor = Ingestor(store)
        summary = ingestor.run(Item(ref=f"examples/{name}.txt", text=text, outlet=name, published=published.get(name))
                               for name, text in articles)
        rows = store.con.execute(
            "SELECT id, outlet, ref, word_count, evasion_score FROM articles WHERE ref IN "
            "(SELECT unnest(from_json(?, '[\"VARCHAR\"]'))) ORDER BY ref",
            [json.dumps([f"examples/{n}.txt" for n, _ in articles], ensure_ascii=False)]
        ).fetchall()
        for aid, name, _ref, words, score in rows:
            hidden = store.con.execute(
                "SELECT word, original FROM hidden_words WHERE article_id = ? ORDER BY seq", [aid]).fetchall()
            events = store.con.execute(
                "SELECT event_type, sub_event_type, modality, actor1, actor2, location, event_date, fatalities "
                "FROM events WHERE article_id = ? ORDER BY seq", [aid]).fetchall()
            out.write(f"== {name}: {words} words, {len(hidden)} hidden (evasion score {score:.3f})\n")
            if hidden:
                shown = "، ".join(f"{mark[0]}{w}{mark[1]} ← {o}" for w, o in hidden[:12])
                more = f" … (+{len(hidden) - 12})" if len(hidden) > 12 else ""
                out.write(f"   hidden words: {shown}{more}\n")
            out.write(_table(events, ("type / sub-type", "modality", "actor1", "actor2", "location", "date",
                                      "killed")))
        try:
            with open(args.export, "w", encoding="utf-8", newline="") as f:
                clusters = export.write_acled_csv(store, f)
        except OSError as e:
            raise CliError(f"{args.export}: {e.strerror or e}") from None
        stats = store.stats()
    out.write(f"\ningest: {summary.line()}\n")
    out.write(f"database {args.db}: {stats['articles']} articles, {stats['events']} events in "
              f"{stats['clusters']} clusters; ACLED CSV ({clusters} rows) written to {args.export}\n")
    out.write(f"next: kashif search --db {args.db} قصف   ·   kashif export --db {args.db} --format geojson\n")
    out.flush()
    return 0


def _published_dates(directory: str | None) -> dict[str, str]:
    """name → publication date from ``published.tsv`` (name, TAB, YYYY-MM-DD) beside the articles, if any."""
    from importlib import resources

    if directory is None:
        entry = resources.files("kashif").joinpath("examples", "published.tsv")
        text = entry.read_text(encoding="utf-8") if entry.is_file() else ""
    else:
        path = os.path.join(directory, "published.tsv")
        text = open(path, encoding="utf-8").read() if os.path.isfile(path) else ""
    dates = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, day = line.partition("\t")
            dates[name.strip()] = day.strip()
    return dates


def _table(rows: list[tuple], headers: tuple[str, ...]) -> str:
    if not rows:
        return "   (no events)\n"
    cells = [[f"{r[0]} / {r[1]}", r[2], r[3] or "", r[4] or "", r[5] or "", str(r[6] or ""), str(r[7])]
             for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    lines = ["   " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["   " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines) + "\n"

