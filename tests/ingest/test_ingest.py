"""Ingest end to end into a real DuckDB file: idempotence, near-duplicates, clusters, failures and retry,
watch terms, search through obfuscation, exports, schema migration and two processes on one file."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from holder import database_held_by_another_process

from kashif.extract.records import ACLED_COLUMNS
from kashif.ingest.dedupe import band_keys, content_hash, signature, similarity
from kashif.ingest.runner import Ingestor, km
from kashif.ingest.sources import Failure, Item, iter_items
from kashif.restore import restore
from kashif.restore.obfuscate import obfuscate
from kashif.store import DatabaseBusy, Store, StoreError, export
from kashif.store.schema import SCHEMA_VERSION
from kashif.store.terms import find_spans, folded_words, parse_query, word_forms

# Reports written for these tests: the same shelling told by two outlets in their own words, and others.
SHELLING_A = (
    "قتل أربعة مدنيين بينهم امرأة وأصيب سبعة آخرون صباح الثلاثاء جراء قصف مدفعي نفذته قوات النظام السوري "
    "على مدينة معرة النعمان في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني. "
    "وأضاف الدفاع المدني أن فرق الإنقاذ عملت لساعات على انتشال المصابين من تحت الأنقاض."
)
SHELLING_B = (
    "أفادت مصادر محلية بمقتل أربعة مدنيين في قصف مدفعي على مدينة معرة النعمان بريف إدلب "
    "صباح الثلاثاء، واتهمت المصادر قوات النظام السوري بتنفيذ القصف. وأضافت أن سبعة أشخاص أصيبوا بجروح."
)
PROTEST = (
    "تظاهر مئات الطلاب أمام مبنى محافظة البصرة يوم الأحد احتجاجا على انقطاع الكهرباء لساعات طويلة، "
    "وطالبوا الحكومة المحلية بإيجاد حلول عاجلة قبل بدء موسم الامتحانات، ورفعوا لافتات تندد بالفساد."
)
WEATHER = (
    "توقعت هيئة الأرصاد الجوية أن تشهد المملكة ارتفاعا في درجات الحرارة خلال الأيام المقبلة، مع رياح نشطة "
    "مثيرة للأتربة والغبار على المناطق الشرقية، ونصحت السائقين بأخذ الحيطة والحذر على الطرق السريعة."
)
AGENCY_COPY_TAIL = " وتأتي هذه التطورات في ظل تصعيد عسكري تشهده المنطقة منذ أسابيع."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "k.duckdb"


def ingest(db: Path, items: list[Item | Failure], **kw: object) -> Ingestor:
    with Store(db) as store:
        ing = Ingestor(store, **kw)
        ing.run(items)
    return ing


def table(db: Path, sql: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.con.execute(sql).fetchall()


# -- pieces ---------------------------------------------------------------------------------------------------
def test_search_terms_strip_clitics_but_not_short_cores() -> None:
    assert "قصف" in word_forms("بقصف") and "قصف" in word_forms("والقصف") and "قصف" in word_forms("قصفها")
    assert word_forms("بلد") == ("بلد",)  # ب + لد is not a reading worth indexing
    q = parse_query("قصــ.ف")  # an obfuscated query means what it says
    assert q.groups == (("قصف",),)
    text = "وأدى القصف إلى دمار واسع، ثم تجدد قصف المدينة"
    assert [text[s:e] for s, e in find_spans(text, q)] == ["القصف", "قصف"]
    phrase = parse_query("الحرس الثوري")
    other = "قادة في الحرس الثوري الإيراني"
    assert [other[s:e] for s, e in find_spans(other, phrase, phrase_only=True)] == ["الحرس الثوري"]
    assert find_spans("الحرس على الباب والثوري", phrase, phrase_only=True) == []


def test_content_hash_and_minhash() -> None:
    assert content_hash("نص  الخبر\r\nهنا ") == content_hash("نص الخبر\nهنا")
    assert content_hash(SHELLING_A) != content_hash(SHELLING_B)
    copy, _ = obfuscate(SHELLING_A + AGENCY_COPY_TAIL, rate=0.3, seed=3)
    a, b = signature(folded_words(restore(SHELLING_A).text)), signature(folded_words(restore(copy).text))
    assert a is not None and b is not None
    assert similarity(a, b) >= 0.7 and set(band_keys(a)) & set(band_keys(b))
    other = signature(folded_words(PROTEST))
    assert other is not None and similarity(a, other) < 0.2
    assert signature(folded_words("خبر قصير جدا")) is None
    assert km(36.2, 37.1, 36.2, 37.1) == 0 and 60 < km(36.2, 37.1, 35.65, 36.95) < 65


# -- ingest end to end ---------------------------------------------------------------------------------------------
def test_ingest_is_idempotent_and_links_syndicated_copies(db: Path) -> None:
    obfuscated_copy, broken = obfuscate(SHELLING_A + AGENCY_COPY_TAIL, rate=0.3, seed=7)
    assert broken
    items = [
        Item("a", SHELLING_A, title="قصف على معرة النعمان", published="2019-12-03", outlet="outlet-a"),
        Item("p", PROTEST, published="2019-12-01", outlet="outlet-p"),
        Item("copy", obfuscated_copy, published="2019-12-03", outlet="outlet-c"),
    ]
    first = ingest(db, items).summary
    assert (first.read, first.new, first.duplicates, first.near_duplicates) == (3, 3, 0, 1)
    assert first.events > 0
    [(copy_of, sim)] = table(db, "SELECT duplicate_of, similarity FROM articles WHERE ref = 'copy'")
    assert copy_of == table(db, "SELECT id FROM articles WHERE ref = 'a'")[0][0] and sim >= 0.7
    # The copy's events join the clusters of the article it copies.
    rows = table(db, "SELECT a.ref, e.cluster_id, e.sub_event_type FROM events e JOIN articles a "
                     "ON a.id = e.article_id WHERE a.ref IN ('a', 'copy')")
    by_ref: dict[str, set] = {}
    for ref, cluster, sub in rows:
        by_ref.setdefault(ref, set()).add((cluster, sub))
    assert by_ref["copy"] <= by_ref["a"]
    # Hidden words and edits are stored against the original text.
    [(hidden, score, original, restored)] = table(
        db, "SELECT hidden_words, evasion_score, original_text, restored_text FROM articles WHERE ref = 'copy'")
    assert hidden and score > 0 and restored == SHELLING_A + AGENCY_COPY_TAIL
    for start, end, orig, rep in table(db, 'SELECT e.start, e."end", e.original, e.replacement FROM edits e '
                                           "JOIN articles a ON a.id = e.article_id WHERE a.ref = 'copy'"):
        assert original[start:end] == orig and rep != orig
    # Ingesting everything again stores nothing new.
    counts = table(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)")
    again = ingest(db, items).summary
    assert (again.new, again.duplicates, again.events) == (0, 3, 0)
    assert table(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)") == counts


def test_two_outlets_one_event_is_one_cluster(db: Path) -> None:
    ingest(db, [Item("a", SHELLING_A, published="2019-12-03", outlet="outlet-a"),
                Item("b", SHELLING_B, published="2019-12-03", outlet="outlet-b")])
    with Store(db, read_only=True) as store:
        groups = [g for g in export.clusters(store, modality="occurred")
                  if g[0]["sub_event_type"] == "Shelling/artillery/missile attack"]
    both = [g for g in groups if {r["ref"] for r in g} == {"a", "b"}]
    assert len(both) == 1, [[(r["ref"], r["location"], r["event_date"]) for r in g] for g in groups]
    row = export.cluster_row(both[0])
    assert row["source"] == "outlet-a; outlet-b" and row["fatalities"] == 4
    assert row["location"] == "Ma'arrat an Nu'man" and row["event_date"] == "2019-12-03"
    assert all(r["evidence"] in (SHELLING_A + SHELLING_B) for r in both[0])
    assert " | " in row["notes"]


def test_failures_are_recorded_and_retried(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "later.txt"
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(json.dumps({"text": PROTEST, "published": "2019-12-01"}, ensure_ascii=False) + "\n"
                     + '{"text": "نص مقطوع\n', encoding="utf-8")
    items = list(iter_items([str(missing), str(jsonl)]))
    summary = ingest(db, items).summary
    assert (summary.new, summary.failures) == (1, 2)
    with Store(db) as store:
        failed = dict((ref, reason) for ref, reason, _ in store.failures())
    assert failed[str(missing)] == "no such file or folder"
    assert failed[f"{jsonl}#L2"].startswith("malformed JSON on line 2")
    # The file appears and the line is mended: retrying reads exactly those two again.
    missing.write_text(WEATHER, encoding="utf-8")
    jsonl.write_text(json.dumps({"text": PROTEST}, ensure_ascii=False) + "\n"
                     + json.dumps({"text": SHELLING_B}, ensure_ascii=False) + "\n", encoding="utf-8")
    from kashif.ingest.sources import read_ref

    with Store(db) as store:
        refs = [ref for ref, _, _ in store.failures()]
        ing = Ingestor(store)
        retried = ing.run(item for ref in refs for item in read_ref(ref))
        assert (retried.new, retried.failures) == (2, 0)
        assert store.failures() == []


def test_an_article_that_breaks_extraction_is_a_failure_not_a_crash(db: Path, monkeypatch) -> None:
    import kashif.ingest.runner as runner

    def broken(r: object, published: object = None) -> list:
        if "الطلاب" in r.text:
            raise ValueError("boom")
        return []

    monkeypatch.setattr(runner, "extract_restored", broken)
    summary = ingest(db, [Item("p", PROTEST), Item("w", WEATHER)]).summary
    assert (summary.new, summary.failures) == (1, 1)
    [(ref, reason, attempts)] = table(db, "SELECT ref, reason, attempts FROM failures")
    assert ref == "p" and reason.startswith("internal error: ValueError: boom") and attempts == 1


def test_watch_terms_match_through_obfuscation(db: Path) -> None:
    with Store(db) as store:
        assert store.add_watch("قوات النظام") and not store.add_watch("قوات النظام")
    hidden = SHELLING_A.replace("قوات النظام", "قـ.ـوات النـ،ـظام")
    hits = ingest(db, [Item("h", hidden), Item("p", PROTEST)]).summary.watch_hits
    assert [(h.term, h.ref, h.original, h.hidden) for h in hits] == [
        ("قوات النظام", "h", "قـ.ـوات النـ،ـظام", True)]
    with Store(db, read_only=True) as store:
        assert store.watch_summary()[0][:3] == ("قوات النظام", 1, 1)


def test_search_finds_obfuscated_words_ranked(db: Path) -> None:
    hidden = SHELLING_A.replace("قصف", "قصــ.ف")
    ingest(db, [Item("h", hidden, published="2019-12-03"), Item("p", PROTEST, published="2019-12-01"),
                Item("b", SHELLING_B, published="2019-12-03")])
    with Store(db, read_only=True) as store:
        ids = {ref: i for i, ref in store.con.execute("SELECT id, ref FROM articles").fetchall()}
        found = [aid for aid, _ in store.search(parse_query("قصف").groups)]
        assert set(found) == {ids["h"], ids["b"]}
        assert {aid for aid, _ in store.search(parse_query("بالقصف المدفعي").groups)} == {ids["h"], ids["b"]}
        assert store.search(parse_query("قصف").groups, since=date(2020, 1, 1)) == []
        assert [aid for aid, _ in store.search(parse_query("الطلاب").groups)] == [ids["p"]]
        assert store.search(parse_query("طائرة مسيرة").groups) == []


# -- exports ------------------------------------------------------------------------------------------------------
def test_exports(db: Path, tmp_path: Path) -> None:
    ingest(db, [Item("a", SHELLING_A, published="2019-12-03", outlet="outlet-a"),
                Item("p", PROTEST, published="2019-12-01", outlet="outlet-p")])
    with Store(db, read_only=True) as store:
        buf = io.StringIO()
        n = export.write_acled_csv(store, buf)
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert tuple(csv.reader(io.StringIO(buf.getvalue())).__next__()) == ACLED_COLUMNS and len(rows) == n > 0
        assert {r["country"] for r in rows} == {"Syria", "Iraq"}
        assert all(r["notes"] and r["event_id_cnty"].startswith("KSF") for r in rows)
        buf = io.StringIO()
        assert export.write_acled_csv(store, buf, country="syria") == sum(r["country"] == "Syria" for r in rows)
        buf = io.StringIO()
        export.write_geojson(store, buf)
        geo = json.loads(buf.getvalue())
        assert geo["type"] == "FeatureCollection" and geo["features"]
        for f in geo["features"]:
            lon, lat = f["geometry"]["coordinates"]
            assert 30 < lon < 50 and 25 < lat < 40
        buf = io.StringIO()
        n_events = export.write_jsonl(store, buf)
        lines = [json.loads(x) for x in buf.getvalue().splitlines()]
        assert len(lines) == n_events and all(x["evidence"] for x in lines)
        since = export.write_jsonl(store, io.StringIO(), since=date(2019, 12, 2))
        assert since == sum(1 for x in lines if x["event_date"] and x["event_date"] >= "2019-12-02")
        path = tmp_path / "e.parquet"
        assert export.write_parquet(store, str(path), modality="occurred") == sum(
            1 for x in lines if x["modality"] == "occurred")
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchone()[0] == sum(
        1 for x in lines if x["modality"] == "occurred")


# -- the file ----------------------------------------------------------------------------------------------------
def test_schema_is_created_once_and_newer_files_are_refused(db: Path) -> None:
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
    with Store(db) as store:  # opening again migrates nothing
        assert store.schema_version == SCHEMA_VERSION
        store.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="newer kashif"):
        Store(db)


def test_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_a_second_process_waits_then_reports_busy(db: Path) -> None:
    Store(db).close()
    with database_held_by_another_process(db), pytest.raises(DatabaseBusy, match="database is busy"):
        Store(db, wait=0.3)
    with Store(db, wait=5) as store:  # free again
        assert store.article_count() == 0


def test_a_row_larger_than_the_json_readers_default_is_stored(db: Path) -> None:
    big = "قصف " * 5_000_000  # 20 MB of text in one article row
    with Store(db) as store:
        store.write_batch({"articles": [{"id": 1, "content_hash": "h", "original_text": big, "restored_text": big,
                                         "hidden_words": ["قصف"], "minhash": [1, 2, 3]}]})
        assert store.con.execute("SELECT length(original_text), hidden_words, minhash FROM articles").fetchone() == (
            len(big), ["قصف"], [1, 2, 3])


def test_the_search_index_catches_up_with_the_database(db: Path) -> None:
    import shutil

    ingest(db, [Item("a", SHELLING_A), Item("p", PROTEST)])
    shutil.rmtree(str(db) + ".search")  # lost (or never made, by an older kashif)
    with Store(db) as store:  # opening for writing rebuilds it from the stored terms
        assert store.search_index.count() == 2
        assert len(store.search(parse_query("قصف").groups)) == 1
        # The index falls behind the database (a crash between the two commits): it is completed.
        store.con.execute("INSERT INTO articles (id, content_hash, terms) VALUES (3, 'x', 'قصف غارة')")
    with Store(db) as store:
        assert store.search_index.count() == 3
        assert {aid for aid, _ in store.search(parse_query("قصف").groups)} == {1, 3}


def test_an_interrupted_ingest_keeps_what_it_read(db: Path) -> None:
    def items():
        yield Item("a", SHELLING_A)
        yield Item("p", PROTEST)
        raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        Ingestor(store, batch_size=100).run(items())
    assert table(db, "SELECT ref FROM articles ORDER BY id") == [("a",), ("p",)]
