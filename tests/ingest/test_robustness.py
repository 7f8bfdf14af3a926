"""Ingest on hostile input and in bad moments: impossible dates and tolls, unencodable text, Ctrl-C while
processing or writing, failures of whole files fixed later, event clusters that must not chain, vocalised
words, copies that match where their original does not, time zones, a schema upgrade."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

import kashif.ingest.runner as runner
from kashif.cli import main
from kashif.extract.records import Event
from kashif.ingest.runner import Ingestor
from kashif.ingest.sources import Item, iter_items
from kashif.store import Store, StoreError, export
from kashif.store.schema import MIGRATIONS, SCHEMA_VERSION
from kashif.store.terms import parse_query

REPORT = ("قتل خمسة مدنيين في قصف مدفعي استهدف حيا سكنيا في مدينة حلب صباح اليوم، بحسب ما أفاد الدفاع "
          "المدني، وأضاف أن فرق الإسعاف نقلت الجرحى إلى مستشفيات المدينة.")
OTHER = ("تظاهر مئات الطلاب أمام مبنى محافظة البصرة يوم الأحد احتجاجا على انقطاع الكهرباء لساعات طويلة، "
         "وطالبوا الحكومة المحلية بإيجاد حلول عاجلة قبل بدء موسم الامتحانات.")


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def event(day: str, lat: float, lon: float, *, location: str = "Aleppo", precision: int = 1, killed: int = 1,
          sub: str = "Air/drone strike") -> Event:
    return Event(event_type="Explosions/Remote violence", sub_event_type=sub, modality="occurred", actor1="",
                 actor1_attributed="", actor2="", location=location, country="Syria", admin1="", geonameid=None,
                 latitude=lat, longitude=lon, geo_precision=precision, event_date=day, time_precision=1,
                 fatalities=killed, evidence="قصف", evidence_start=0, evidence_end=3)


def fake_extractor(monkeypatch, by_marker: dict[str, list[Event]]) -> None:
    """Extraction replaced by fixed events, chosen by a marker word in the text."""
    def extract_restored(r, published=None):
        return next((evs for marker, evs in by_marker.items() if marker in r.text), [])

    monkeypatch.setattr(runner, "extract_restored", extract_restored)


def texts(n: int) -> list[str]:
    words = ["القصف", "المدينة", "الحي", "السكان", "الأنقاض", "الجرحى", "الإسعاف", "المستشفى", "الطريق", "السوق"]
    return [f"علامة{i} " + " ".join(words[(i + j) % 10] + str(j) for j in range(20)) for i in range(n)]


# -- impossible values ------------------------------------------------------------------------------------------
def test_placeholder_dates_and_absurd_tolls_do_not_stop_a_run(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    items = [Item("old", REPORT, published="0001-01-01"), Item("new", OTHER, published="9999-12-31"),
             Item("toll", "قتل 99999999999 مدنيا في قصف مدفعي على مدينة إدلب صباح اليوم", published="2024-05-01")]
    with Store(db) as store:
        summary = Ingestor(store).run(items)
        assert (summary.new, summary.failures) == (3, 0)
        assert store.con.execute("SELECT ref, published FROM articles ORDER BY id").fetchall() == [
            ("old", None), ("new", None), ("toll", date(2024, 5, 1))]


def test_unencodable_text_is_a_failure_and_json_surrogates_are_replaced(tmp_path: Path) -> None:
    lines = tmp_path / "f.jsonl"
    lines.write_text('{"text": "تظاهر مئات الطلاب \\ud800 أمام مبنى المحافظة"}\n', encoding="utf-8")
    [item] = list(iter_items([str(lines)]))
    assert "\ufffd" in item.text
    with Store(tmp_path / "k.duckdb") as store:
        summary = Ingestor(store).run([item, Item("raw", "نص فيه \ud800 محرف"), Item("ok", OTHER)])
        assert (summary.new, summary.failures) == (2, 1)
        [(ref, reason, _)] = store.failures()
        assert ref == "raw" and reason.startswith("unusable text")


def test_an_article_the_store_rejects_is_a_failure_and_the_rest_of_its_batch_is_stored(
        tmp_path: Path, monkeypatch) -> None:
    real = Store.write_batch

    def picky(self, tables):
        if any(row["ref"] == "bad" for row in tables["articles"]):
            raise duckdb.ConversionException("cannot store this one")
        return real(self, tables)

    monkeypatch.setattr(Store, "write_batch", picky)
    with Store(tmp_path / "k.duckdb") as store:
        summary = Ingestor(store).run([Item("a", REPORT), Item("bad", OTHER), Item("c", REPORT + " وتواصل القصف.")])
        assert (summary.new, summary.failures) == (2, 1)
        assert [r for r, _, _ in store.failures()] == ["bad"]
        assert store.failures()[0][1].startswith("could not store: internal error: ConversionException")


# -- Ctrl-C ------------------------------------------------------------------------------------------------------
def test_ctrl_c_while_processing_keeps_the_articles_already_processed(tmp_path: Path, monkeypatch) -> None:
    real = runner.extract_restored
    calls = []

    def interrupted(r, published=None):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(r, published)

    monkeypatch.setattr(runner, "extract_restored", interrupted)
    items = [Item("a", REPORT), Item("b", OTHER), Item("c", REPORT + " وتجدد القصف مساء.")]
    with Store(tmp_path / "k.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            Ingestor(store, batch_size=10).run(items)
        assert [r for (r,) in store.con.execute("SELECT ref FROM articles ORDER BY id").fetchall()] == ["a", "b"]


def test_ctrl_c_while_writing_leaves_no_open_transaction(tmp_path: Path, monkeypatch) -> None:
    real = Store.insert_rows
    state = {"armed": True}

    def interrupted(self, table, rows):
        if state["armed"] and table == "events":
            state["armed"] = False
            raise KeyboardInterrupt
        return real(self, table, rows)

    monkeypatch.setattr(Store, "insert_rows", interrupted)
    with Store(tmp_path / "k.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            Ingestor(store).run([Item("a", REPORT)])
        assert store.article_count() == 0  # the batch was rolled back whole
        assert Ingestor(store).run([Item("a", REPORT)]).new == 1  # and the store works on


# -- failures fixed later -------------------------------------------------------------------------------------------
def test_a_whole_file_that_failed_is_cleared_once_it_reads(tmp_path: Path, capsys) -> None:
    db, folder = str(tmp_path / "k.duckdb"), tmp_path / "in"
    folder.mkdir()
    broken = folder / "a.json"
    broken.write_text('[{"text": "' + REPORT + '"}', encoding="utf-8")
    assert run(["ingest", str(folder), "--db", db], capsys)[0] == 3
    broken.write_text(json.dumps([{"text": REPORT}], ensure_ascii=False), encoding="utf-8")
    status, _, err = run(["ingest", "--retry-failed", "--db", db], capsys)
    assert status == 0 and "1 new" in err
    status, _, err = run(["ingest", "--retry-failed", "--db", db], capsys)
    assert status == 0 and "0 read" in err  # nothing left to retry


def test_retry_reads_with_the_field_names_of_the_first_reading(tmp_path: Path, capsys) -> None:
    db, lines = str(tmp_path / "k.duckdb"), tmp_path / "f.jsonl"
    lines.write_text(json.dumps({"body": OTHER}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    assert run(["ingest", str(lines), "--text-field", "body", "--db", db], capsys)[0] == 3
    lines.write_text(json.dumps({"body": OTHER}, ensure_ascii=False) + "\n"
                     + json.dumps({"body": REPORT}, ensure_ascii=False) + "\n", encoding="utf-8")
    status, _, err = run(["ingest", "--retry-failed", "--db", db], capsys)
    assert status == 0 and "1 new" in err


# -- clusters ----------------------------------------------------------------------------------------------------
def test_a_campaign_over_many_days_is_not_one_cluster(tmp_path: Path, monkeypatch) -> None:
    bodies = texts(10)
    fake_extractor(monkeypatch, {f"علامة{i} ": [event(f"2024-03-{i + 1:02d}", 36.2, 37.16)] for i in range(10)})
    with Store(tmp_path / "k.duckdb") as store:
        Ingestor(store, batch_size=3).run(Item(f"d{i}", bodies[i]) for i in range(10))
        rows = store.con.execute("SELECT cluster_id, min(event_date), max(event_date), count(*) FROM events "
                                 "GROUP BY cluster_id ORDER BY 1").fetchall()
    assert len(rows) >= 4
    assert all((last - first).days <= 1 for _, first, last, _ in rows)


def test_country_level_places_cluster_only_with_the_same_place(tmp_path: Path, monkeypatch) -> None:
    bodies = texts(3)
    fake_extractor(monkeypatch, {
        "علامة0 ": [event("2024-03-01", 33.51, 36.29, location="Damascus", precision=1)],
        "علامة1 ": [event("2024-03-01", 33.51, 36.29, location="Syria", precision=3)],
        "علامة2 ": [event("2024-03-01", 33.52, 36.30, location="Damascus", precision=1)],
    })
    with Store(tmp_path / "k.duckdb") as store:
        Ingestor(store).run(Item(f"d{i}", bodies[i]) for i in range(3))
        clusters = [c for (c,) in store.con.execute("SELECT cluster_id FROM events ORDER BY id").fetchall()]
    assert clusters[0] == clusters[2] != clusters[1]


def test_acled_timestamp_does_not_depend_on_the_time_zone(tmp_path: Path, monkeypatch) -> None:
    fake_extractor(monkeypatch, {"علامة0 ": [event("2024-03-01", 36.2, 37.16)]})
    with Store(tmp_path / "k.duckdb") as store:
        Ingestor(store).run([Item("d0", texts(1)[0])])
        stamps = []
        for zone in ("UTC", "Asia/Tokyo", "America/New_York"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            buf = io.StringIO()
            export.write_acled_csv(store, buf)
            stamps.append(next(csv.DictReader(io.StringIO(buf.getvalue())))["timestamp"])
    monkeypatch.delenv("TZ")
    time.tzset()
    assert len(set(stamps)) == 1 and abs(int(stamps[0]) - time.time()) < 600


# -- search and watch ---------------------------------------------------------------------------------------------
def test_vocalised_words_are_found_watched_and_shown(tmp_path: Path, capsys) -> None:
    db, folder = str(tmp_path / "k.duckdb"), tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قَصَفَ الطيران الحربي مدينة إدلب صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين",
                                  encoding="utf-8")
    run(["watch", "add", "قصف", "--db", db], capsys)
    status, _, err = run(["ingest", str(folder), "--db", db], capsys)
    assert "watch: «قصف»" in err
    for query in ("قصف", "قَصَفَ"):
        status, out, _ = run(["search", query, "--db", db], capsys)
        assert status == 0 and "⟦قَصَفَ⟧" in out, out


def test_a_copy_that_alone_matches_is_the_result(tmp_path: Path) -> None:
    copy = REPORT + " وسجلت هزة أرضية خفيفة في المنطقة."
    with Store(tmp_path / "k.duckdb") as store:
        Ingestor(store).run([Item("a", REPORT, published="2019-12-03"), Item("b", copy, published="2021-01-01")])
        ids = dict(store.con.execute("SELECT ref, id FROM articles").fetchall())
        assert store.con.execute("SELECT duplicate_of FROM articles WHERE ref = 'b'").fetchone()[0] == ids["a"]
        assert [a for a, _ in store.search(parse_query("هزة").groups)] == [ids["b"]]
        assert [a for a, _ in store.search(parse_query("قصف").groups, since=date(2020, 6, 1))] == [ids["b"]]
        assert len(store.search(parse_query("قصف").groups)) == 1  # the two count once


def test_an_incomplete_index_is_said_and_rebuilt(tmp_path: Path, capsys) -> None:
    import shutil

    db = str(tmp_path / "k.duckdb")
    with Store(db) as store:
        Ingestor(store).run([Item("a", REPORT)])
    shutil.rmtree(db + ".search")
    status, out, err = run(["search", "قصف", "--db", db], capsys)
    assert status == 0 and "holds 0 of 1 articles" in err and "--reindex" in err
    status, _, err = run(["ingest", "--reindex", "--db", db], capsys)
    assert status == 0 and "rebuilt (1 articles)" in err
    status, out, err = run(["search", "قصف", "--db", db], capsys)
    assert out.startswith("1. [") and err == ""


# -- the file ------------------------------------------------------------------------------------------------------
def test_a_first_version_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO events (id, article_id, fatalities, evidence) VALUES (1, 1, 4, 'قصف')")
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.con.execute("SELECT fatalities, evidence FROM events").fetchone() == (4, "قصف")
        store.con.execute("UPDATE events SET fatalities = 99999999999")


def test_other_duckdb_files_and_bad_export_paths_are_clear_errors(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE articles (x INT)").close()
    with pytest.raises(StoreError, match="not kashif's"):
        Store(other)
    db = str(tmp_path / "k.duckdb")
    Store(db).close()
    status, _, err = run(["export", "--format", "parquet", "-o", str(tmp_path / "no" / "x.parquet"), "--db", db],
                         capsys)
    assert status == 2 and "cannot write" in err
    assert os.path.exists(db)
