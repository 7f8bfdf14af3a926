"""Date expressions resolved against the publication date (codebook §6)."""

from __future__ import annotations

from datetime import date

import pytest

from kashif.extract.dates import ANCHORED, POINT, SINCE, UNTIL, event_date, find_dates, resolve_date

TUE = date(2020, 1, 7)  # a Tuesday


def one(text: str, published: date | None = TUE):
    found = find_dates(text, published)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


def check(text: str, expected: date | None, precision: int | None, published: date | None = TUE):
    m = one(text, published)
    assert (m.date, m.time_precision) == (expected, precision), m
    return m


# --------------------------------------------------------------------------------------- relative days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت الطائرات البلدة أمس", date(2020, 1, 6)),
        ("وقعت الاشتباكات البارحة", date(2020, 1, 6)),
        ("سقطت القذائف اليوم على الحي", TUE),
        ("شن الطيران غارات فجر اليوم", TUE),
        ("هاجم مسلحون الحاجز صباح أمس", date(2020, 1, 6)),
        ("انفجرت العبوة مساء أمس", date(2020, 1, 6)),
        ("اندلعت المعارك ليل أمس", date(2020, 1, 6)),
        ("اعتقلت الشرطة الناشطين بالأمس", date(2020, 1, 6)),
        ("وقع الهجوم أول أمس", date(2020, 1, 5)),
        ("وقع الهجوم أول من أمس", date(2020, 1, 5)),
        ("أعلن التحالف أمس الأول هدنة", date(2020, 1, 5)),
        ("هاجم التنظيم المقر الليلة الماضية", date(2020, 1, 6)),
    ],
)
def test_relative_days(text: str, expected: date) -> None:
    check(text, expected, 1)


def test_relative_day_span_is_the_expression() -> None:
    text = "وشنّت الطائرات غاراتٍ مساءَ أمسِ على القرية"
    m = one(text)
    assert m.text == "مساءَ أمسِ"
    assert m.kind == "relative_day" and m.relative


def test_overnight_is_the_night_before_with_precision_2() -> None:
    check("شنت القوات هجمات خلال الليل على جيوب المسلحين", date(2020, 1, 6), 2)


@pytest.mark.parametrize(
    "text", ["في اليوم التالي للهجوم", "احتفالات اليوم الوطني", "في اليوم الثالث من المعارك"]
)
def test_today_in_other_senses_is_not_a_date(text: str) -> None:
    assert find_dates(text, TUE) == []


# -------------------------------------------------------------------------------------------- "ago"


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("قتل قبل يومين", date(2020, 1, 5), 1),
        ("قتل قبل ثلاثة أيام", date(2020, 1, 4), 1),
        ("قتل قبل 3 أيام", date(2020, 1, 4), 1),
        ("قتل قبل ٣ أيام", date(2020, 1, 4), 1),
        ("قتل منذ يومين", date(2020, 1, 5), 1),
        ("قتل قبل يوم واحد", date(2020, 1, 6), 1),
        ("قتل قبل أسبوع", date(2019, 12, 31), 2),
        ("قتل قبل أسبوعين", date(2019, 12, 24), 2),
        ("قتل قبل أيام", date(2020, 1, 4), 2),  # a plural is at least 3
        ("قتل قبل بضعة أيام", date(2020, 1, 4), 2),
        ("قتل قبل شهر", date(2019, 12, 1), 3),
        ("سيطر الفصيل على المدينة قبل عام", date(2019, 1, 1), 3),
        ("قتل قبل ساعات", date(2020, 1, 6), 2),
    ],
)
def test_ago(text: str, expected: date, precision: int) -> None:
    check(text, expected, precision)


def test_ago_counted_from_another_event_is_not_resolved() -> None:
    m = one("استنفرت القوات قبل يومين من القصف")
    assert m.role == ANCHORED
    assert m.date is None


# ------------------------------------------------------------------------------------ weeks and months


@pytest.mark.parametrize(
    ("text", "expected", "end", "precision"),
    [
        ("سيطرت القوات على المطار الأسبوع الماضي", date(2019, 12, 29), date(2020, 1, 4), 2),
        ("خطف عدد من أفرادها هذا الأسبوع", date(2020, 1, 5), date(2020, 1, 11), 2),
        ("اندلعت المواجهات الشهر الماضي", date(2019, 12, 1), date(2019, 12, 31), 3),
        ("في بداية الشهر الماضي", date(2019, 12, 1), date(2019, 12, 10), 2),
        ("في منتصف الشهر الماضي", date(2019, 12, 11), date(2019, 12, 20), 2),
        ("في أواسط الشهر الماضي", date(2019, 12, 11), date(2019, 12, 20), 2),
        ("في أواخر الشهر الماضي", date(2019, 12, 21), date(2019, 12, 31), 2),
        ("خلال الساعات الـ24 الماضية", date(2020, 1, 6), TUE, 2),
        ("خلال اليومين الماضيين", date(2020, 1, 5), TUE, 2),
        ("في الساعات الأخيرة", date(2020, 1, 6), TUE, 2),
        ("خلال الأيام القليلة الماضية", date(2020, 1, 4), TUE, 2),
    ],
)
def test_weeks_and_months(text: str, expected: date, end: date, precision: int) -> None:
    m = check(text, expected, precision)
    assert m.end_date == end


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    check("قصف الشهر الماضي", date(2019, 12, 1), 3, published=date(2020, 1, 1))


def test_end_of_last_month_in_a_leap_year() -> None:
    m = check("في أواخر الشهر الماضي", date(2020, 2, 21), 2, published=date(2020, 3, 10))
    assert m.end_date == date(2020, 2, 29)
    m = check("في أواخر الشهر الماضي", date(2019, 2, 21), 2, published=date(2019, 3, 10))
    assert m.end_date == date(2019, 2, 28)


def test_yesterday_across_a_month_and_a_year_boundary() -> None:
    check("أمس", date(2020, 2, 29), 1, published=date(2020, 3, 1))
    check("أمس", date(2019, 2, 28), 1, published=date(2019, 3, 1))
    check("أول أمس", date(2019, 12, 30), 1, published=date(2020, 1, 1))


# ------------------------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت الطائرات المدينة يوم الثلاثاء", TUE),  # on or before: the day itself
        ("قصفت الطائرات المدينة الثلاثاء الفائت", TUE),
        ("قصفت الطائرات المدينة يوم الاثنين", date(2020, 1, 6)),
        ("وقع التفجير الأحد الماضي", date(2020, 1, 5)),
        ("وقع التفجير يوم الإثنين الماضي", date(2020, 1, 6)),
        ("وقع التفجير صباح الجمعة", date(2020, 1, 3)),
        ("ستنطلق المظاهرات الجمعة المقبلة", date(2020, 1, 10)),
        ("اندلعت الاشتباكات ليل الاثنين الثلاثاء", date(2020, 1, 6)),  # a night takes its first day
        ("تبدأ الهدنة منتصف ليل الأحد (الإثنين)", date(2020, 1, 5)),
    ],
)
def test_weekdays(text: str, expected: date) -> None:
    check(text, expected, 1)


def test_yesterday_or_today_with_a_weekday_takes_the_weekday() -> None:
    check("قصفت الطائرات مواقع امس الجمعة", date(2015, 7, 31), 1, published=date(2015, 8, 1))
    # written on Sunday, published on Tuesday
    check("قتل 43 شخصا اليوم الأحد", date(2015, 7, 19), 1, published=date(2015, 7, 21))


def test_weekday_with_an_explicit_date_is_one_mention_dated_by_the_date() -> None:
    m = check("وقع الهجوم يوم الثلاثاء الموافق 31 ديسمبر 2019", date(2019, 12, 31), 1)
    assert m.text == "يوم الثلاثاء الموافق 31 ديسمبر 2019"


# -------------------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    "text",
    [
        "5 كانون الثاني 2020",
        "5 يناير 2020",
        "٥ يناير ٢٠٢٠",
        "5 جانفي 2020",
        "2020/1/5",
        "05-01-2020",
        "5/1/2020",
        "٢٠٢٠/١/٥",
        "5 يناير/كانون الثاني 2020",
        "5 كانون الثاني (يناير) 2020",
        "الخامس من يناير 2020",
        "5 من شهر يناير عام 2020",
        "5 يناير 2020م",
    ],
)
def test_explicit_day(text: str) -> None:
    m = check(f"وقع الهجوم في {text} على الحاجز", date(2020, 1, 5), 1, published=None)
    assert not m.relative


_MONTHS = [
    (1, ["كانون الثاني", "يناير", "جانفي"]),
    (2, ["شباط", "فبراير", "فيفري"]),
    (3, ["آذار", "مارس"]),
    (4, ["نيسان", "أبريل", "ابريل", "أفريل"]),
    (5, ["أيار", "مايو", "ماي"]),
    (6, ["حزيران", "يونيو", "يونيه", "جوان"]),
    (7, ["تموز", "يوليو", "يوليه", "جويلية"]),
    (8, ["آب", "أغسطس", "اغسطس", "أوت"]),
    (9, ["أيلول", "سبتمبر"]),
    (10, ["تشرين الأول", "أكتوبر"]),
    (11, ["تشرين الثاني", "نوفمبر"]),
    (12, ["كانون الأول", "ديسمبر"]),
]


@pytest.mark.parametrize(("month", "name"), [(m, n) for m, names in _MONTHS for n in names])
def test_every_month_name(month: int, name: str) -> None:
    check(f"قتل 3 أشخاص في 15 {name} 2018 بقصف", date(2018, month, 15), 1)


@pytest.mark.parametrize(
    "text",
    ["في تشرين الثاني نوفمبر الماضي", "في نوفمبر تشرين الثاني الماضي", "في تشرين الثاني/نوفمبر الماضي",
     "في نوفمبر (تشرين الثاني) الماضي"],
)
def test_doubled_month_names(text: str) -> None:
    m = check(f"استهدف الطيران مستودعا {text} في البلدة", date(2019, 11, 1), 3)
    assert m.end_date == date(2019, 11, 30)
    assert m.text == text.removeprefix("في ")


def test_month_without_a_year_is_the_most_recent_not_after_publication() -> None:
    check("وأعلنت أنقرة في تموز/يوليو أنها سمحت", date(2019, 7, 1), 3)
    check("في كانون الثاني", date(2020, 1, 1), 3)
    check("قتل في 5 ديسمبر", date(2019, 12, 5), 1)
    check("في يناير الماضي", date(2019, 1, 1), 3)  # "last January" in January is a year back
    check("في يناير الماضي", date(2015, 1, 1), 3, published=date(2015, 7, 23))
    check("في 27 يوليو (تموز) الحالي", date(2015, 7, 27), 1, published=date(2015, 7, 31))
    check("في أواسط تموز (يوليو) الحالي", date(2015, 7, 11), 2, published=date(2015, 7, 27))
    check("في يناير من العام الماضي", date(2019, 1, 1), 3)
    check("في مارس المقبل", date(2020, 3, 1), 3)


def test_month_with_a_year_and_since() -> None:
    m = check("موالية للرئيس منذ تموز (يوليو) 2014 على مناطق", date(2014, 7, 1), 3)
    assert m.role == SINCE


def test_day_range_takes_its_first_day() -> None:
    m = check("بين 5 و7 ديسمبر 2019", date(2019, 12, 5), 2)
    assert m.end_date == date(2019, 12, 7)


@pytest.mark.parametrize(
    "text", ["مارس الرياضة منذ صغره", "زار الأب ابنه", "ماي فريند", "أوقفت الشرطة 31/02/2020"]
)
def test_words_that_only_look_like_dates(text: str) -> None:
    assert find_dates(text, TUE) == []


def test_ambiguous_month_names_count_with_context() -> None:
    check("في آب الماضي", date(2019, 8, 1), 3)
    check("في شهر مارس", date(2019, 3, 1), 3)


def test_leap_day() -> None:
    check("2020/2/29", date(2020, 2, 29), 1)
    assert find_dates("2019/2/29", TUE) == []
    check("29 شباط 2020", date(2020, 2, 29), 1)
    assert find_dates("29 شباط 2019", TUE) == []


@pytest.mark.parametrize("text", ["عام 2014", "العام الماضي", "في صيف 2014"])
def test_years_alone_are_not_event_dates(text: str) -> None:
    assert find_dates(text, TUE) == []


# ---------------------------------------------------------------------------------------------- Hijri


def test_hijri_day() -> None:
    m = check("الثلاثاء 12 جمادى الأولى 1441هـ", date(2020, 1, 7), 1)
    assert m.text.endswith("1441هـ")  # the tatweel after the last folded letter belongs to the span


def test_hijri_month_is_a_month_range() -> None:
    m = check("خلال رمضان 1436", date(2015, 6, 18), 3)
    assert m.end_date == date(2015, 7, 16)


def test_hijri_month_without_a_year() -> None:
    check("في شهر رمضان", date(2019, 5, 6), 3)  # Ramadan 1440, before Jumada I 1441
    check("في 10 محرم", date(2019, 9, 9), 1)


def test_hijri_names_used_as_names_are_not_dates() -> None:
    assert find_dates("قال رمضان شلح إن", TUE) == []
    assert find_dates("قال الشيخ رجب", TUE) == []


# -------------------------------------------------------------------------------------- publication


def test_relative_dates_stay_unresolved_without_a_publication_date() -> None:
    for text in ["أمس", "قبل يومين", "الأسبوع الماضي", "الشهر الماضي", "يوم الثلاثاء", "في آذار"]:
        m = one(text, None)
        assert (m.date, m.time_precision) == (None, None), m
        assert m.relative
    check("5 يناير 2020", date(2020, 1, 5), 1, published=None)
    check("12 جمادى الأولى 1441هـ", date(2020, 1, 7), 1, published=None)


def test_until_today_is_marked() -> None:
    assert one("استمرت الاشتباكات حتى اليوم").role == UNTIL


def test_resolve_date() -> None:
    m = resolve_date("قبل يومين", TUE)
    assert m is not None and m.date == date(2020, 1, 5) and m.role == POINT
    assert resolve_date("بلا تاريخ", TUE) is None


# ------------------------------------------------------------------------------------------ event_date

ARTICLE = (
    "قصفت طائرات حربية مواقع للمسلحين أمس الاثنين في ريف المدينة.\n"
    "وكانت القوات قد سيطرت على البلدة في آذار الماضي.\n"
    "واستهدفت الغارات مستودعا للذخيرة.\n"
    "وقتل قبل ثلاثة أيام قائد ميداني في كمين."
)


def span_of(sentence: str) -> tuple[int, int]:
    start = ARTICLE.index(sentence)
    return start, start + len(sentence)


def test_event_date_in_the_sentence() -> None:
    ed = event_date(ARTICLE, TUE, span_of("وقتل قبل ثلاثة أيام قائد ميداني في كمين."))
    assert (ed.date, ed.time_precision, ed.source) == (date(2020, 1, 4), 1, "sentence")
    assert ed.mention is not None and ed.mention.text == "قبل ثلاثة أيام"


def test_event_date_from_the_frame_has_precision_2_and_skips_background_months() -> None:
    ed = event_date(ARTICLE, TUE, span_of("واستهدفت الغارات مستودعا للذخيرة."))
    assert (ed.date, ed.time_precision, ed.source) == (date(2020, 1, 6), 2, "context")


def test_event_date_prefers_the_most_specific_expression() -> None:
    ed = event_date("أعلن الجيش أمس أنه استعاد السيطرة على المدينة في آذار الماضي", TUE)
    assert (ed.date, ed.time_precision) == (date(2020, 1, 6), 1)


def test_event_date_falls_back_to_publication_with_precision_2() -> None:
    ed = event_date("واستهدفت الغارات مستودعا للذخيرة", TUE)
    assert (ed.date, ed.time_precision, ed.source, ed.mention) == (TUE, 2, "published", None)
    ed = event_date("منذ تموز 2014 والقوات تحاصر البلدة", TUE)
    assert (ed.date, ed.source) == (TUE, "published")  # منذ dates a state, not the event


def test_event_date_without_publication() -> None:
    ed = event_date("قصفت الطائرات البلدة أمس", None)
    assert (ed.date, ed.time_precision, ed.source) == (None, None, "none")
    ed = event_date("قصفت الطائرات البلدة في 5 يناير 2020", None)
    assert (ed.date, ed.time_precision) == (date(2020, 1, 5), 1)
