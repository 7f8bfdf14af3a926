"""Places: finding names in Arabic text and resolving them to coded locations (codebook §5)."""

from __future__ import annotations

import pytest

from kashif.extract.gazetteer import ascii_name, clean_arabic_names, read_tsv
from kashif.extract.places import DATA_DIR, PlaceContext, load_gazetteer, name_key


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def places(gaz, text, **context):
    return gaz.places(text, PlaceContext(**context))


def only(gaz, text, **context):
    found = places(gaz, text, **context)
    assert len(found) == 1, [(p.location, p.text) for p in found]
    return found[0]


# --- keys: article, spaces, Persian letters, folding ------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("البو كمال", "البوكمال"),
        ("دير الزور", "ديرالزور"),
        ("الميادين", "ميادين"),
        ("کرمانشاه", "كرمانشاه"),  # Persian keheh
        ("بيروت", "بیروت"),  # Persian yeh
        ("إدلب", "ادلب"),
        ("الرقة", "الرقه"),
        ("صنعاء", "صنعا"),
        ("حماة", "حَمَاة"),
    ],
)
def test_name_key_folds_spelling_variants(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_distinct_names_apart():
    assert name_key("حلب") != name_key("حلبا")
    assert name_key("الرقة") != name_key("الرق")


@pytest.mark.parametrize(
    "text",
    [
        "سقطت قذائف على البو كمال صباح اليوم",
        "سقطت قذائف على البوكمال صباح اليوم",
        "سقطت قذائف على بوكمال صباح اليوم",
    ],
)
def test_space_and_article_variants_find_the_same_town(gaz, text):
    p = only(gaz, text)
    assert (p.location, p.geonameid, p.geo_precision) == ("Albu Kamal", 174448, 1)


def test_persian_letters_in_text(gaz):
    p = only(gaz, "تظاهرات في کرمانشاه أمس")
    assert (p.location, p.country) == ("Kermanshah", "Iran")
    assert p.text == "کرمانشاه"


# --- clitics ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقع انفجار بدير الزور مساء أمس", "دير الزور"),
        ("وصلت التعزيزات لمدينة البوكمال", "البوكمال"),
        ("عاد النازحون وبالرقة هدوء حذر", "الرقة"),
        ("توجه الرتل للرقة عبر الطريق الصحراوي", "رقة"),
        ("انسحبت القوات فبحلب لم يبق أحد", "حلب"),
        ("وفي مدينة حمص خرج متظاهرون", "حمص"),
        ("ووصل وفد إلى دمشق وبغداد", "بغداد"),
    ],
)
def test_clitics_are_stripped_and_left_out_of_the_span(gaz, text, name):
    found = places(gaz, text)
    spans = [text[p.start:p.end] for p in found]
    assert name in spans
    assert all(p.text == text[p.start:p.end] for p in found)


def test_clitic_is_reported(gaz):
    (m,) = [m for m in gaz.find("قصفت الطائرات بدير الزور") if m.key == name_key("دير الزور")]
    assert m.prefix == "ب"
    assert m.text == "دير الزور"


def test_name_starting_with_a_clitic_letter_is_not_stripped(gaz):
    p = only(gaz, "اجتماع في بيروت")
    assert p.location == "Beirut" and p.text == "بيروت"
    p = only(gaz, "زار الوفد لبنان")
    assert p.country == "Lebanon" and p.text == "لبنان"


# --- common-noun guard ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "فتح الوزير الباب أمام الحوار",
        "ازدحمت الميادين بالمحتفلين",
        "أعلنت الحكومة خطة جديدة",
        "ما زال القائم بالأعمال في منصبه",
        "احتفل الناس بذكرى الثورة",
        "وقع الاتفاق في آب الماضي",
        "يعيش المواطنون في سلطنة عمان",
        "التقى الأمين العام حسن نصر الله",
    ],
)
def test_common_words_are_not_places_without_evidence(gaz, text):
    assert places(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("دارت اشتباكات في مدينة الباب شمال شرقي حلب", "Al Bab"),
        ("قصفت الطائرات بلدة الميادين", "Al Mayadin"),
        ("تقدمت القوات نحو قضاء القائم", "Al Qa'im"),
        ("قتل ثلاثة في “الميادين” أمس", "Al Mayadin"),
        ("استهدفت غارات البوكمال والميادين", "Al Mayadin"),
        ("خرجت مظاهرات في إب وتعز", "Ibb"),
    ],
)
def test_common_words_with_evidence_are_places(gaz, text, location):
    assert location in [p.location for p in places(gaz, text)]


def test_common_word_accepted_from_article_context(gaz):
    text = "سقطت قذائف في الباب"
    assert places(gaz, text) == []
    p = only(gaz, text, country="Syria", admin1="Aleppo")
    assert p.location == "Al Bab"


def test_nisba_adjective_is_not_the_country(gaz):
    assert places(gaz, "قالت الحكومة السورية إن الجيش السوري تقدم") == []
    p = only(gaz, "عادت الحياة إلى سورية")
    assert (p.country, p.geo_precision) == ("Syria", 3)


# --- context disambiguation -------------------------------------------------------------------------


def test_same_name_in_two_countries_follows_the_article(gaz):
    libya = only(gaz, "اندلعت اشتباكات في طرابلس")
    assert libya.country == "Libya"  # the larger Tripoli by default
    lebanon = only(gaz, "اندلعت اشتباكات في طرابلس", country="Lebanon")
    assert (lebanon.country, lebanon.admin1, lebanon.geonameid) == ("Lebanon", "North Lebanon", 266826)


def test_same_name_follows_the_other_places_of_the_article(gaz):
    found = places(gaz, "انفجار سيارة مفخخة في الإسكندرية شمال مدينة الحلة")
    assert (found[0].location, found[0].country) == ("Nahiyat al Iskandariyah", "Iraq")
    found = places(gaz, "انفجار سيارة مفخخة في الإسكندرية")
    assert found[0].country == "Egypt"


def test_context_country_given_by_name_or_code(gaz):
    a = only(gaz, "اشتباكات في طرابلس", country="LB")
    b = only(gaz, "اشتباكات في طرابلس", country="Lebanon")
    c = only(gaz, "اشتباكات في طرابلس", country="لبنان")
    assert a.country == b.country == c.country == "Lebanon"


# --- precision per the codebook ---------------------------------------------------------------------


def test_town_is_precision_1(gaz):
    p = only(gaz, "قصفت الطائرات بلدة صبيخان")
    assert (p.location, p.admin1, p.geonameid, p.geo_precision) == ("Subaykhan", "Deir ez-Zor", 164025, 1)
    assert (round(p.latitude, 3), round(p.longitude, 3)) == (34.853, 40.6)


@pytest.mark.parametrize(
    "text",
    ["تدور معارك قرب البوكمال", "تدور معارك في محيط البوكمال", "تدور معارك في ريف البوكمال",
     "تدور معارك شرق البوكمال", "تدور معارك في أطراف مدينة البوكمال"],
)
def test_near_a_town_is_precision_2(gaz, text):
    p = only(gaz, text)
    assert (p.location, p.geo_precision) == ("Albu Kamal", 2)


@pytest.mark.parametrize(
    "text",
    ["غارات على محافظة دير الزور", "غارات على ريف دير الزور الشرقي", "غارات في ولاية دير الزور"],
)
def test_province_is_its_capital_at_precision_3(gaz, text):
    p = only(gaz, text)
    assert (p.location, p.admin1, p.geonameid, p.geo_precision) == ("Deir ez-Zor", "Deir ez-Zor", 170794, 3)


def test_province_named_unlike_its_capital(gaz):
    p = only(gaz, "عمليات عسكرية في الأنبار")
    assert (p.location, p.admin1, p.geo_precision) == ("Ramadi", "Anbar", 3)
    p = only(gaz, "اشتباكات في محافظة أبين")
    assert (p.location, p.admin1, p.geo_precision) == ("Zinjibar", "Abyan", 3)


def test_bare_capital_name_is_the_city(gaz):
    p = only(gaz, "قصف على حلب")
    assert (p.location, p.geo_precision) == ("Aleppo", 1)


def test_province_record_keeps_the_province_when_its_seat_lies_elsewhere(gaz):
    p = only(gaz, "معارك في محافظة صنعاء")
    assert (p.location, p.admin1, p.geo_precision) == ("Sanaa", "Sanaa", 3)


def test_country_only_is_the_capital_at_precision_3(gaz):
    p = only(gaz, "هدد الرئيس بضرب إيران")
    assert (p.location, p.country, p.geonameid, p.geo_precision) == ("Tehran", "Iran", 112931, 3)


def test_region_is_its_capital_at_precision_3(gaz):
    p = only(gaz, "تواصل القتال في شمال سوريا")
    assert (p.location, p.admin1, p.geo_precision) == ("Aleppo", "Aleppo", 3)
    p = only(gaz, "هجمات في كردستان العراق")
    assert (p.location, p.geo_precision) == ("Erbil", 3)


def test_district_is_precision_2(gaz):
    p = only(gaz, "اعتقالات في مديرية المنصورة", country="Yemen")
    assert (p.country, p.admin1, p.geo_precision) == ("Yemen", "Aden", 2)


# --- additions ---------------------------------------------------------------------------------------


def test_addition_with_own_coordinates(gaz):
    p = only(gaz, "سيطرت القوات على الباغوز")
    assert (p.location, p.country, p.admin1) == ("Al Baghuz Fawqani", "Syria", "Deir ez-Zor")
    assert p.geonameid is None
    assert p.geo_precision == 1
    assert abs(p.latitude - 34.459) < 0.01 and abs(p.longitude - 40.951) < 0.01


def test_site_with_coordinates_is_precision_1(gaz):
    p = only(gaz, "سقطت صواريخ على قاعدة عين الأسد")
    assert (p.location, p.country, p.geo_precision, p.geonameid) == ("Al-Asad Airbase", "Iraq", 1, None)


def test_site_without_coordinates_takes_its_town_at_precision_2(gaz):
    p = only(gaz, "استهدفت الغارات مطار “الحمدان” العسكري")
    assert (p.location, p.geonameid, p.geo_precision) == ("Hamdan Airport", None, 2)
    town = gaz.by_id[174448]
    assert (p.latitude, p.longitude) == (town.latitude, town.longitude)


def test_unknown_site_of_a_known_town_is_precision_2(gaz):
    p = only(gaz, "سقطت قذائف على مطار تدمر")
    assert (p.location, p.geo_precision) == ("Tadmur", 2)


def test_alias_names_a_geonames_place(gaz):
    p = only(gaz, "قتل شرطيان في جيلان بينار")
    assert (p.location, p.country, p.admin1, p.geonameid) == ("Ceylanpinar", "Turkey", "Sanliurfa", 318668)


def test_multi_word_site(gaz):
    p = only(gaz, "قصف على حقل العمر النفطي")
    assert (p.location, p.geo_precision) == ("Al-Omar oil field", 2)


# --- data files -------------------------------------------------------------------------------------


def test_additions_rows_are_complete_and_sourced():
    rows = read_tsv(DATA_DIR / "places_additions.tsv")
    admin1 = {(r["country"], r["admin1"]) for r in read_tsv(DATA_DIR / "admin1.tsv")}
    assert rows
    for r in rows:
        assert r["names_ar"] and r["name"] and r["source"], r
        assert (r["country"], r["admin1"]) in admin1, r
        own = bool(r["latitude"]) and bool(r["longitude"])
        assert own or r["parent"] or r["geonameid"], r  # never a place without a coordinate source


def test_every_province_and_country_has_a_seat(gaz):
    for r in read_tsv(DATA_DIR / "admin1.tsv"):
        assert int(r["capital"]) in gaz.by_id, r
    for r in read_tsv(DATA_DIR / "countries.tsv"):
        assert int(r["capital"]) in gaz.by_id, r


def test_ascii_name_matches_acled_style():
    assert ascii_name("Ālbū Kamāl") == "Albu Kamal"
    assert ascii_name("I‘zāz") == "I'zaz"
    assert ascii_name("Ceylanpınar") == "Ceylanpinar"


def test_clean_arabic_names():
    names = ["Soldeu", "الدويم (مدينة)", "الزنتان، لیبی", "ضلع سافرانبولو", "nasrہ", "\u200fطريف\u200e", "ب"]
    assert clean_arabic_names(names) == ["الدويم", "الزنتان", "سافرانبولو", "طريف"]


def test_quoted_names_joined_by_a_lone_and_are_a_list() -> None:
    from kashif.extract.places import load_gazetteer

    text = "أخلت الميليشيات مقراتها في منطقتي “البوكمال” و”الميادين”، لتتمركز في منازل"
    assert [p.location for p in load_gazetteer().places(text)] == ["Albu Kamal", "Al Mayadin"]


# --- homonyms: frequent words, places abroad, organisations -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأفادت مصادر محلية بأنه تم العثور على جثتين قرب الطريق",  # بأنه is not Baneh (Iran)
        "وقد أدى القصف إلى تدمير عدد من المنازل",  # أدى is not 'Adi
        "وقال المتحدث إن الحركة ستلاحق عناصرها في كل مكان",  # كل مكان is not Golmakan
        "وأصيب عدد كبير من المدنيين بجروح",  # كبير/كبيرة with a clitic letter
    ],
)
def test_frequent_words_are_not_small_places(gaz, text):
    assert places(gaz, text) == []
    assert places(gaz, text, country="Syria") == []


def test_small_place_abroad_needs_a_place_word(gaz):
    # البساتين is an Iranian village in GeoNames: in a report on Yemen that names no Iran, the bare word is
    # not taken for it, while a place word before it would be evidence
    assert [p.location for p in places(gaz, "ودارت اشتباكات في البساتين", country="Yemen")] == []


def test_large_place_abroad_is_still_found(gaz):
    p = only(gaz, "وصل الوفد إلى أنقرة أمس", country="Syria")
    assert p.location == "Ankara"


def test_quarter_word_rules_out_a_province_of_the_same_name(gaz):
    assert places(gaz, "تقدمت القوات نحو حي التأميم", country="Iraq") == []  # not Kirkuk's old name


def test_armed_group_names_are_not_places(gaz):
    assert places(gaz, "وقال قائد فيلق القدس إن قواته جاهزة") == []
    assert places(gaz, "تبنت جماعة أنصار بيت المقدس الهجوم") == []


def test_the_country_is_not_a_village(gaz):
    assert [p.location for p in places(gaz, "اندلعت اشتباكات جنوبي البلاد", country="Yemen")] == []


def test_added_places_geonames_lacks(gaz) -> None:
    # places_additions.tsv: towns and districts with a public coordinate (or a parent town)
    found = {p.location for p in gaz.places("انفجار في سوق خان بني سعد ومقتل العشرات في بغداد الجديدة")}
    assert {"Khan Bani Saad", "New Baghdad"} <= found
    (dhahran,) = gaz.places("سقطت قذائف على محافظة ظهران الجنوب")
    assert dhahran.location == "Dhahran al Janub" and dhahran.country == "Saudi Arabia"


def test_a_list_going_on_from_a_province_keeps_its_small_places(gaz) -> None:
    # an article on Saudi Arabia: a small Yemeni place needs evidence, and a list that goes on from a
    # place of its own province is evidence
    ctx = PlaceContext(country="Saudi Arabia", admin1="Asir", countries=frozenset({"SA"}))
    text = "ردت الطائرات على مصادر النيران داخل محافظة صعدة، وتحديدا مناطق شدا، وكتاف"
    assert "Kitaf" in {p.location for p in gaz.places(text, ctx)}
