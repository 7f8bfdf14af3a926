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


# --- one event per clause, tolls across places and sentences ------------------------------------------


def _coded(text: str) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.modality, e.location, e.fatalities)
            for e in kashif.extract(text, published="2024-03-01")]


def test_attack_that_killed_policemen_is_one_armed_clash() -> None:
    # قتل، هجوم and استهدف name one event; the police victims make it an armed clash (README decision 8)
    assert _coded("قتل شرطيان صباح الجمعة في هجوم استهدف مركزا للشرطة في مدينة حمص.") == [
        ("Battles", "Armed clash", "occurred", "Homs", 2)]


def test_one_toll_for_a_list_of_places_is_split() -> None:
    # README decision 6: evenly, the remainder to the first place named
    assert _coded("قتل سبعة أشخاص في غارات جوية على البوكمال والميادين أمس.") == [
        ("Explosions/Remote violence", "Air/drone strike", "occurred", "Albu Kamal", 4),
        ("Explosions/Remote violence", "Air/drone strike", "occurred", "Al Mayadin", 3),
    ]


def test_toll_in_the_next_sentence_belongs_to_the_event() -> None:
    text = "شنت طائرات حربية غارات على مدينة البوكمال أمس. وقتل ستة عناصر من الميليشيات."
    assert _coded(text) == [("Explosions/Remote violence", "Air/drone strike", "occurred", "Albu Kamal", 6)]


def test_toll_does_not_cross_a_paragraph() -> None:
    text = "شنت طائرات حربية غارات على مدينة البوكمال أمس.\nوقتل ستة عناصر من الميليشيات."
    assert [f for *_, f in _coded(text)] == [0]


def test_toll_goes_to_the_event_of_its_clause() -> None:
    text = "قصفت طائرات التحالف مواقع في صعدة، أما في تعز فقد قتل خمسة مسلحين في اشتباكات عنيفة أمس."
    assert _coded(text) == [
        ("Explosions/Remote violence", "Air/drone strike", "occurred", "Sa'dah", 0),
        ("Battles", "Armed clash", "occurred", "Taiz", 5),
    ]


def test_destruction_caused_by_a_strike_is_no_event_of_its_own() -> None:
    text = "تهدم جزء كبير من الجسر جراء استهدافه بغارات جوية على مدينة الرقة أمس."
    assert [(t, s) for t, s, *_ in _coded(text)] == [("Explosions/Remote violence", "Air/drone strike")]


def test_a_report_that_names_only_a_country_is_placed_at_its_capital() -> None:
    events = kashif.extract("فرقت الشرطة بالغاز المسيل للدموع مظاهرة في السودان أمس.", published="2024-03-01")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in events] == [
        ("Protest with intervention", "Khartoum", 3)]


def test_denial_of_what_the_sentence_reports() -> None:
    # README decision 2: an actor's denial of the reported event makes it denied
    text = "خطف مسلحون ثلاثة عمال قرب مدينة حمص أمس، إلا أن وزارة الداخلية نفت الأمر."
    assert [(s, m) for _t, s, m, *_ in _coded(text)] == [("Abduction/forced disappearance", "denied")]


def test_denial_in_the_next_sentence() -> None:
    text = "أفادت مصادر محلية بأن طائرات حربية قصفت مدينة الرقة أمس. لكن وزارة الدفاع نفت هذه الأنباء."
    assert [(s, m) for _t, s, m, *_ in _coded(text)] == [("Air/drone strike", "denied")]


def test_nationwide_truce_is_placed_at_the_capital() -> None:
    events = kashif.extract("أعلن التحالف أمس هدنة إنسانية في اليمن لمدة خمسة أيام.", published="2024-03-01")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in events] == [("Agreement", "Sanaa", 3)]


def test_a_campaign_is_not_a_new_event() -> None:
    text = "شنت طائرات حربية غارات على مدينة الرقة أمس. وتواصل الطائرات غاراتها على المدينة منذ أشهر."
    assert len(_coded(text)) == 1


def test_a_list_of_places_across_place_words_and_prepositions() -> None:
    text = "واستمرت الاشتباكات أمس في دار عقيل وصبر وفي منطقة المعاشيق بمدينة عدن."
    assert [loc for _t, _s, _m, loc, _f in _coded(text)] == ["Dar Qil (Aden)", "Sbr (Aden)", "Al M'ashiq (Aden)"]
    # a district the gazetteer lacks but places_additions.tsv has (Dar Saad) is placed as itself
    text = "واستمرت الاشتباكات أمس في دار سعد وفي منطقة المعاشيق بمدينة عدن."
    assert [loc for _t, _s, _m, loc, _f in _coded(text)] == ["Dar Saad", "Al M'ashiq (Aden)"]


def test_places_named_after_their_province_are_the_more_precise() -> None:
    # codebook §5: the most precise place the report names ("محافظة صعدة، وتحديدا مناطق ...")
    text = "ردت الطائرات بغارات على محافظة صعدة، وتحديدا مناطق المعاين، والطلح، وكتاف أمس."
    assert [loc for *_, loc, _f in _coded(text)] == ["Al M'ain (Sa'dah)", "At Talh", "Kitaf"]


def test_an_ongoing_action_seen_by_witnesses_is_reported() -> None:
    # وهي تقصف: an imperfect in a circumstantial clause after a past verb is no habit
    text = "شاهد السكان الطائرات أمس وهي تقصف مواقع في مدينة الرقة."
    assert [s for _t, s, *_ in _coded(text)] == ["Air/drone strike"]


def test_a_site_named_after_its_town_places_the_event() -> None:
    # before the trigger, the first place named wins (المقابلة لمدينة ... qualifies it), but a site that
    # names the place more precisely wins over its town or province
    assert [loc for *_, loc, _f in _coded("في محافظة لحج «قاعدة العند الجوية» دارت اشتباكات عنيفة أمس.")] == [
        "Al Anad Air Base"]
    assert [loc for *_, loc, _f in _coded("وفي بلدة الباغوز المقابلة لمدينة البوكمال دارت اشتباكات عنيفة أمس.")] == [
        "Al Baghuz Fawqani"]


def test_fighting_in_two_clauses_at_two_places_is_two_events() -> None:
    # one event per clause: the second clause's battle is another battle, at its own place (codebook §1)
    text = "اندلعت اشتباكات عنيفة في مدينة تعز أمس، فيما لا تزال المعارك تدور في مدينة إب."
    assert [(s, loc) for _t, s, _m, loc, _f in _coded(text)] == [("Armed clash", "Taiz"), ("Armed clash", "Ibb")]


def test_the_dead_of_fighting_go_to_the_capture_it_ended_in() -> None:
    # README decision 8: the fighting is part of the capture, and so are its dead
    text = ("سيطرت القوات الحكومية أمس على مدينة زنجبار، وقتلت 12 مسلحا في المواجهات التي سبقت دخولها.")
    coded = {s: f for _t, s, _m, _loc, f in _coded(text)}
    assert coded["Government regains territory"] == 12
    assert coded.get("Armed clash", 0) == 0


def test_the_other_sides_dead_add_up() -> None:
    # README decision 6: complementary counts from the two sides are summed; "من جانبها" opens the other
    # side's count, in a paragraph of its own
    text = ("قال رئيس البلدية إن اشتباكات قبلية اندلعت أمس في مدينة سبها وقتل فيها 20 شخصا من القبيلة الأولى.\n"
            "من جانبها، أفادت مسؤولة محلية من القبيلة الثانية بأن ستة من أبنائها قتلوا.")
    assert [(s, loc, f) for _t, s, _m, loc, f in _coded(text)] == [("Armed clash", "Sabha", 26)]


def test_the_same_area_at_a_paragraphs_start_is_the_place_before() -> None:
    text = ("خطف مسلحون ثلاثة عمال قرب مدينة أعزاز أمس.\n"
            "وهاجم المسلحون في المنطقة نفسها مقرا للشرطة وقتلوا شرطيين اثنين.")
    assert ("Armed clash", "I'zaz", 2) in [(s, loc, f) for _t, s, _m, loc, f in _coded(text)]


def test_a_paragraph_of_subplaces_and_its_toll_follow_the_paragraph_before() -> None:
    # news paragraphs are often one sentence: a list of camps with no town of its own belongs to the
    # province the paragraph before named, and "قتلى ... جراء تلك الغارات" is split over them (README 6)
    text = ("شن طيران التحالف أمس غارات على مواقع بمحافظة صعدة شمال العاصمة صنعاء.\n"
            "وقالت مصادر محلية إن الغارات استهدفت معسكري النصر والفتح.\n"
            "وأشارت إلى أن قتلى وجرحى سقطوا جراء تلك الغارات.")
    coded = [(loc, f) for _t, _s, _m, loc, f in _coded(text)]
    assert ("Al Nsr (Sa'dah)", 2) in coded and ("Al Fth (Sa'dah)", 1) in coded


def test_the_area_of_the_next_sentence_is_the_town_not_its_province() -> None:
    # قرب بلدة اعزاز شمالي حلب: the province qualifies the town; "في المنطقة" then means the town's area
    text = ("قصفت طائرات حربية أمس مواقع قرب بلدة اعزاز شمالي حلب. "
            "وشن مسلحون هجوما في المنطقة الليلة الماضية استهدف مقاتلين.")
    assert [(s, loc) for _t, s, _m, loc, _f in _coded(text)] == [("Air/drone strike", "I'zaz"),
                                                                  ("Armed clash", "I'zaz")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a superscript digit is no number: no toll, and no crash
        ("قتل ² مدنيين في قصف على بلدة في ريف حلب", None, [("occurred", 0, "")]),
        # "yesterday" would fall before year 1: the event keeps the publication date
        ("قصفت الطائرات بلدة في ريف حلب أمس", "0001-01-01", [("occurred", 0, "0001-01-01")]),
        # "next month" would fall after year 9999
        ("قصفت الطائرات بلدة في ريف حلب وستقصفها الشهر المقبل", "9999-12-31",
         [("occurred", 0, "9999-12-31"), ("planned", 0, "9999-12-31")]),
    ],
)
def test_unusual_input_is_extracted_without_a_crash(text: str, published: str | None, expected: list) -> None:
    events = kashif.extract(text, published=published)
    assert [(e.modality, e.fatalities, e.event_date) for e in events] == expected
    assert {e.location for e in events} == {"Aleppo"}
