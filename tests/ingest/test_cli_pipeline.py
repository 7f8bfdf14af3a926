"""The store's command line end to end: ingest (files, folders, a local feed with broken items, retry),
search, watch, export, the pipeline demo, and a busy database."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from holder import database_held_by_another_process
from httpserver import EMPTY_PAGE, Route, Server, page, rss

from kashif.cli import main
from kashif.extract.records import ACLED_COLUMNS
from kashif.store import Store

STRIKE = (
    "قتل خمسة مسلحين من جماعة الحوثي صباح اليوم بغارة جوية استهدفت تجمعاً لهم في مديرية صرواح غرب "
    "محافظة مأرب، بحسب ما أفادت مصادر عسكرية. وأضافت المصادر أن الغارة دمرت عربتين عسكريتين."
)
PROTEST = (
    "تظاهر مئات الطلاب أمام مبنى محافظة البصرة يوم الأحد احتجاجا على انقطاع الكهرباء لساعات طويلة، "
    "وطالبوا الحكومة المحلية بإيجاد حلول عاجلة قبل بدء موسم الامتحانات، ورفعوا لافتات تندد بالفساد."
)
HIDDEN_STRIKE = STRIKE.replace("الحوثي", "الحـ.ـوثي").replace("بغارة", "بغـ،ـارة")


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "strike.txt").write_text(HIDDEN_STRIKE, encoding="utf-8")
    lines = [json.dumps({"text": PROTEST, "published": "2021-03-07", "outlet": "وكالة", "title": "احتجاج"},
                        ensure_ascii=False), "{not json"]
    (folder / "sub" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "sub" / "bad.txt").write_bytes("Le café est chaud".encode("latin-1"))
    return folder


def test_ingest_search_watch_export(corpus: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "k.duckdb")
    assert run(["watch", "add", "جماعة الحوثي", "--db", db], capsys)[0] == 0
    status, out, err = run(["ingest", str(corpus), "--db", db, "--progress"], capsys)
    assert status == 3  # finished, with failures recorded
    assert " items" in err  # the progress bar
    assert "ingest: 4 read: 2 new (0 near-duplicates), 0 duplicates" in err and "2 failures" in err
    assert "malformed JSON on line 2" in err and "not UTF-8 (byte 6)" in err
    assert "watch: «جماعة الحوثي» in" in err and "hidden as «جماعة الحـ.ـوثي»" in err
    # Again: nothing new, same failures.
    status, _, err = run(["ingest", str(corpus), "--db", db], capsys)
    assert status == 3 and "2 duplicates" in err and "2 new" not in err

    status, out, _ = run(["search", "غارة", "--db", db], capsys)
    assert status == 0 and out.startswith("1. [") and "⟦بغـ،ـارة⟧ (بغارة)" in out and "strike.txt" in out
    status, out, _ = run(["search", "الطلاب", "--json", "--db", db], capsys)
    [hit] = [json.loads(x) for x in out.splitlines()]
    assert hit["title"] == "احتجاج" and hit["published"] == "2021-03-07" and hit["snippets"][0]["match"] == "الطلاب"
    assert run(["search", "غارة", "--since", "2030-01-01", "--db", db], capsys)[1] == "no articles match\n"
    assert run(["search", "غارة", "--since", "soon", "--db", db], capsys)[0] == 2

    status, out, _ = run(["watch", "list", "--db", db], capsys)
    assert status == 0 and out.startswith("«جماعة الحوثي»: 1 articles (1 hidden)")

    status, out, _ = run(["export", "--db", db], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0 and tuple(rows[0]) == ACLED_COLUMNS and len(rows) > 1
    status, out, _ = run(["export", "--format", "geojson", "--country", "Yemen", "--db", db], capsys)
    features = json.loads(out)["features"]
    assert features and {f["properties"]["country"] for f in features} == {"Yemen"}
    parquet = tmp_path / "e.parquet"
    assert run(["export", "--format", "parquet", "-o", str(parquet), "--modality", "occurred", "--db", db],
               capsys)[0] == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchone()[0] > 0
    assert run(["export", "--format", "parquet", "--db", db], capsys)[0] == 2  # needs a file


def test_retry_failed_reads_them_again(corpus: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "k.duckdb")
    assert run(["ingest", str(corpus), "--db", db], capsys)[0] == 3
    (corpus / "sub" / "bad.txt").write_text(PROTEST + " وفي نهاية اليوم فضت الشرطة التجمع.", encoding="utf-8")
    status, _, err = run(["ingest", "--retry-failed", "--db", db], capsys)
    assert status == 3 and "2 read: 1 new" in err and "1 failures" in err  # the JSON line is still broken
    assert run(["ingest", "--db", db], capsys)[0] == 2  # nothing to do is a usage error


def test_feed_with_broken_items_and_a_page_that_times_out(tmp_path: Path, capsys, server: Server) -> None:
    server.routes["/good"] = Route(page("غارة في مأرب", STRIKE).encode())
    server.routes["/empty"] = Route(EMPTY_PAGE.encode())
    server.routes["/slow"] = Route(page("بطيء", PROTEST).encode(), delay=5)
    server.routes["/feed"] = Route(rss("وكالة الاختبار", [
        ("غارة", server.url("/good"), "Tue, 05 Mar 2024 09:00:00 +0300"),
        ("محذوف", server.url("/gone"), "Tue, 05 Mar 2024 10:00:00 +0300"),
        ("فارغة", server.url("/empty"), "Tue, 05 Mar 2024 11:00:00 +0300"),
    ]), content_type="application/rss+xml")
    db = str(tmp_path / "k.duckdb")
    status, _, err = run(["ingest", server.url("/feed"), server.url("/slow"), "--timeout", "0.5", "--db", db],
                         capsys)
    assert status == 3 and "4 read: 1 new" in err and "3 failures" in err
    assert "HTTP 404" in err and "no main text found" in err and "timed out after 0.5 s" in err
    out = run(["export", "--format", "jsonl", "--db", db], capsys)[1]
    events = [json.loads(x) for x in out.splitlines()]
    assert events and all(e["outlet"] == "وكالة الاختبار" and e["published"] == "2024-03-05" for e in events)
    # The server mends two pages: a retry stores them, and only the empty page stays failed.
    server.routes["/gone"] = Route(page("عاد", PROTEST).encode())
    server.routes["/slow"] = Route(page("سريع", PROTEST.replace("مئات", "عشرات")).encode())
    status, _, err = run(["ingest", "--retry-failed", "--timeout", "0.5", "--db", db], capsys)
    assert status == 3 and "3 read: 2 new" in err and "1 failures" in err and "no main text found" in err
    # The entry read again keeps what the feed said of it: its title, its date, the feed's name.
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT title, published, outlet FROM articles WHERE url = ?",
                                [server.url("/gone")]).fetchone()
    assert row == ("محذوف", date(2024, 3, 5), "وكالة الاختبار")


def test_pipeline_demo(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["demo"], capsys)
    assert status == 0
    assert "== idlib-shelling:" in out and "hidden words: ⟦" in out and "Shelling/artillery/missile attack" in out
    assert "ACLED CSV" in out and (tmp_path / "kashif-demo.duckdb").exists()
    rows = list(csv.reader((tmp_path / "kashif-demo-events.csv").open(encoding="utf-8")))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) > 4
    status, out, _ = run(["demo"], capsys)  # again: the same articles are duplicates, the table the same
    assert status == 0 and "0 new" in out and "4 duplicates" in out and "== idlib-shelling:" in out


def test_busy_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    db = tmp_path / "k.duckdb"
    with database_held_by_another_process(db):
        status, _, err = run(["search", "قصف", "--db", str(db), "--wait", "0.2"], capsys)
        assert status == 2 and "database is busy" in err
    status, _, err = run(["search", "قصف", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert status == 2 and "no such database" in err


def test_retrying_many_lines_of_one_file_reads_it_once(tmp_path: Path, capsys, monkeypatch) -> None:
    from kashif.ingest import sources

    db = str(tmp_path / "k.duckdb")
    rows = tmp_path / "rows.jsonl"
    texts = [STRIKE, PROTEST, STRIKE.replace("مأرب", "صرواح"), PROTEST.replace("البصرة", "الناصرية")]
    rows.write_text("\n".join(json.dumps({"body": t}, ensure_ascii=False) for t in texts) + "\n", encoding="utf-8")
    status, _, err = run(["ingest", str(rows), "--db", db], capsys)  # no "text" field: every line fails
    assert status == 3 and "4 failures" in err
    # the file is mended; a retry reads the four failed lines in one pass and stores them all
    rows.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\n", encoding="utf-8")
    opened: list[str] = []
    real_open = open

    def counting_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(sources, "open", counting_open, raising=False)
    status, _, err = run(["ingest", "--retry-failed", "--db", db], capsys)
    assert status == 0 and "4 new" in err and "0 failures" in err
    assert opened.count(str(rows)) == 1
    monkeypatch.undo()
    assert run(["ingest", "--retry-failed", "--db", db], capsys)[0] == 0  # nothing left to retry
