"""End-to-end: kashif.extract() on articles written for kashif (src/kashif/examples), clean and obfuscated."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

import kashif
from kashif.cli import main
from kashif.extract.records import ACLED_COLUMNS, acled_row
from kashif.restore.obfuscate import obfuscate


def example(name: str) -> str:
    return resources.files("kashif").joinpath("examples", f"{name}.txt").read_text(encoding="utf-8")


def test_shelling_report_becomes_a_coded_event() -> None:
    text = example("idlib-shelling")
    events = kashif.extract(text, published="2024-02-26")
    kafranbel = [e for e in events if e.location == "Kafranbel"]
    assert kafranbel, [e.location for e in events]
    e = kafranbel[0]
    assert (e.event_type, e.sub_event_type, e.modality) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack", "occurred")
    assert e.actor1 == "Military Forces of Syria"
    assert e.actor2 == "Civilians (Syria)"
    assert e.fatalities == 3  # three civilians killed; the nine wounded are not fatalities
    assert e.event_date == "2024-02-25" and e.time_precision == 1  # صباح الأحد before a Monday
    assert (e.country, e.admin1, e.geo_precision) == ("Syria", "Idlib", 1)
    assert text[e.evidence_start : e.evidence_end] == e.evidence
    assert "قـ. .ـصف" in e.evidence  # evidence is quoted from the original, obfuscation included


def test_drone_strike_and_its_toll() -> None:
    events = kashif.extract(example("yemen-drone"), published="2024-05-03")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike" and e.fatalities == 5]
    assert strikes
    assert strikes[0].country == "Yemen"
    assert strikes[0].actor1 == "Unidentified Military Forces"  # no one claimed the strike


@pytest.mark.parametrize("name", ["idlib-shelling", "yemen-drone", "sinai-ied", "basra-protest"])
def test_obfuscated_and_restored_input_give_the_same_events(name: str) -> None:
    clean = (resources.files("kashif").joinpath("examples", f"{name}.restored.txt").read_text(encoding="utf-8"))
    broken, _ = obfuscate(clean, rate=0.3, seed=7)
    a = [e.to_dict() for e in kashif.extract(clean, published="2024-03-01")]
    b = [e.to_dict() for e in kashif.extract(broken, published="2024-03-01")]
    strip = ("evidence", "evidence_start", "evidence_end")
    assert [{k: v for k, v in d.items() if k not in strip} for d in a] == [
        {k: v for k, v in d.items() if k not in strip} for d in b
    ]
    for d in b:
        assert broken[d["evidence_start"] : d["evidence_end"]] == d["evidence"]


def test_threat_is_not_an_occurred_event() -> None:
    text = "وهدد الرئيس الأمريكي بقصف 52 هدفاً في إيران إذا هاجمت طهران القوات الأمريكية."
    events = kashif.extract(text, published="2020-01-05")
    assert events and all(e.modality != "occurred" for e in events if e.event_type != "Strategic developments")
    assert any(e.modality == "threatened" for e in events)


def test_statement_alone_gives_no_event() -> None:
    text = "أدانت وزارة الخارجية في بيان الهجمات على المدنيين ودعت إلى ضبط النفس."
    assert [e for e in kashif.extract(text, published="2024-01-01") if e.modality == "occurred"] == []


def test_published_forms_and_errors() -> None:
    text = "قتل ثلاثة مدنيين أمس في قصف مدفعي على بلدة كفرنبل في ريف إدلب."
    by_str = kashif.extract(text, published="2024-02-26")
    by_date = kashif.extract(text, published=date(2024, 2, 26))
    assert [e.to_dict() for e in by_str] == [e.to_dict() for e in by_date]
    assert by_str[0].event_date == "2024-02-25"
    assert all(e.event_date == "" for e in kashif.extract(text))  # relative date, no publication date
    with pytest.raises(ValueError, match="ISO date"):
        kashif.extract(text, published="yesterday")
    with pytest.raises(TypeError):
        kashif.extract(text.encode())  # type: ignore[arg-type]


def test_acled_row_has_acled_columns_in_order() -> None:
    e = kashif.extract(example("sinai-ied"), published="2024-04-07")[0]
    row = acled_row(e, source="test")
    assert tuple(row) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert row["disorder_type"] == "Political violence"
    assert row["iso"] == "818"  # Egypt
    assert row["notes"] == e.evidence


def test_cli_events_formats(tmp_path, capsysbinary) -> None:
    article = tmp_path / "a.txt"
    article.write_text(example("idlib-shelling"), encoding="utf-8")
    assert main(["events", str(article), "--published", "2024-02-26"]) == 0
    lines = capsysbinary.readouterr().out.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(r["file"] == str(article) for r in records)
    assert main(["events", str(article), "--format", "csv"]) == 0
    csv_lines = capsysbinary.readouterr().out.decode().splitlines()
    assert csv_lines[0].split(",")[:31] == list(ACLED_COLUMNS)
    assert main(["events", str(article), "--format", "geojson"]) == 0
    geo = json.loads(capsysbinary.readouterr().out.decode())
    assert geo["type"] == "FeatureCollection"
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 35 < lon < 38 and 34 < lat < 37  # Idlib province


def test_cli_events_bad_input(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("قصف".encode() + b"\xff")
    assert main(["events", str(bad)]) == 2
    assert "byte 6" in capsys.readouterr().err
    assert main(["events", str(bad), "--published", "not-a-date"]) == 2
    assert "ISO date" in capsys.readouterr().err
