"""Fatalities from Arabic text (codebook §7)."""

from __future__ import annotations

import pytest

from kashif.extract.numbers import (
    CAPTURED,
    KILLED,
    KILLED_OR_WOUNDED,
    MISSING,
    WOUNDED,
    count_fatalities,
    find_casualties,
    parse_number,
)

# --------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12), ("١٢", 12), ("۱۲", 12), ("1,200", 1200), ("1٬200", 1200),
        ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("ثلاثة", 3), ("ثلاث", 3),
        ("أربعة", 4), ("خمس", 5), ("ستة", 6), ("سبعة", 7), ("ثمانية", 8), ("ثماني", 8), ("تسعة", 9),
        ("عشرة", 10), ("عشر", 10), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12),
        ("ثلاثة عشر", 13), ("خمس عشرة", 15), ("تسعة عشر", 19), ("عشرون", 20), ("عشرين", 20),
        ("ثلاثون", 30), ("أربعين", 40), ("تسعون", 90), ("خمسة وعشرون", 25), ("ثلاث وثلاثين", 33),
        ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("ثلاثمئة", 300), ("ثلاث مئة", 300),
        ("مئة وخمسون", 150), ("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000),
        ("عشرات", 10), ("العشرات", 10), ("مئات", 100), ("آلاف", 1000), ("عدد من", 3), ("العديد من", 3),
        ("نحو 20", 20), ("أكثر من 50", 50), ("ما لا يقل عن ٣٠", 30), ("5 إلى 7", 5), ("5 أو 6", 5),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["مقاتل", "الأحد", "عدد", ""])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


# ----------------------------------------------------------------------------------------- fatalities


def fat(text: str) -> int:
    return count_fatalities(text).count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # figures with the kill word before them, in both scripts and in words
        ("أسفر القصف عن مقتل 12 مدنيا في البلدة", 12),
        ("أسفر القصف عن مقتل ١٢ مدنيا في البلدة", 12),
        ("أسفر القصف عن مقتل خمسة وعشرين شخصا", 25),
        ("قتل سبعة عناصر من الشرطة في الكمين", 7),
        # whose they were between the people and the verb: ستة أفراد من العشيرة قتلوا
        ("قال شيخ العشيرة إن ستة أفراد من العشيرة قتلوا وجرح عشرة", 6),
        ("أكد المصدر أن 4 عناصر من الجيش لقوا حتفهم", 4),
        ("أفادت المسؤولة بأن ستة من أبنائها قتلوا", 6),
        ("أودى الانفجار بحياة 14 عاملا", 14),
        ("استشهد ثلاثة فلسطينيين برصاص الجنود", 3),
        # the kill word after the figure
        ("9 جنود قتلوا في الهجوم على الثكنة", 9),
        ("سقط 30 قتيلا في التفجير", 30),
        ("وارتفعت الحصيلة إلى 40 قتيلاً", 40),
        ("لقي خمسة أشخاص حتفهم في الغارة", 5),
        ("قضى ستة مدنيين في القصف", 6),
        ("عثرت الشرطة على جثث 4 رجال", 4),
        ("عثر على ثلاث جثث في الوادي", 3),
        # clitics
        ("وقتل 6 مسلحين خلال المواجهات", 6),
        ("فقتل اثنان من المارة", 2),
        ("وتسبب الانفجار بمقتل 8 أشخاص", 8),
        # duals and singulars
        ("مقتل عنصرين من قوات الأمن", 2),
        ("وقتل شرطيان في الهجوم", 2),
        ("استشهد طفلان في القصف", 2),
        ("أسفر القصف عن مقتل شخصين", 2),
        ("سقط قتيلان في الاشتباك", 2),
        ("مقتل عنصر من الفصيل", 1),
        ("سقط قتيل في الاشتباك", 1),
        ("قتل جندي في انفجار عبوة", 1),
        ("لقي سائق الشاحنة حتفه", 1),
        ("المتظاهر الذي لقي مصرعه في الاحتجاجات", 1),
        ("مقتل أحد أفراد الحراسة", 1),
        ("اغتيل مسؤول محلي أمام منزله", 1),
        ("قتل ضابط وثلاثة جنود في الانفجار", 4),
        ("عثر على رجلين مقتولين قرب الطريق", 2),
        # plurals with no number, vague figures
        ("سقوط قتلى في صفوف المسلحين", 3),
        ("أسفر الهجوم عن عدد من القتلى", 3),
        ("لقوا حتفهم في الغارة", 3),
        ("قتل العشرات في الاشتباكات", 10),
        ("العشرات سقطوا قتلى", 10),
        ("مقتل عشرات المدنيين", 10),
        ("أدت الحرب إلى مقتل مئات الأشخاص", 100),
        ("مقتل آلاف المدنيين", 1000),
        ("مقتل نحو 20 مسلحا", 20),
        ("مقتل أكثر من 50 شخصا", 50),
        ("قتل ما لا يقل عن 17 شخصا", 17),
        ("قتل بين 10 و15 شخصا", 10),
        ("تسبب القصف في خسائر فادحة بالأرواح", 3),
        # killed-and-wounded totals with no killed figure count as a plural
        ("سقط أكثر من 250 شخصا بين قتيل وجريح", 3),
        ("سقط عدد من القتلى والجرحى", 3),
        ("قتل وجرح 20 شخصا", 3),
        # wounded, captured and missing are not fatalities
        ("أصيب 12 شخصا بجروح", 0),
        ("جرح ثلاثة جنود", 0),
        ("سقط 8 جرحى في القصف", 0),
        ("نقل 5 مصابين إلى المستشفى", 0),
        ("اعتقلت القوات 150 شابا", 0),
        ("أسرت المقاومة 20 عنصرا", 0),
        ("لا يزال 4 صيادين مفقودين", 0),
        ("فقد أعلنت الوزارة أن 3 جنود فقدوا", 0),
        ("أوقع القصف ضحايا بين المدنيين", 0),  # ضحايا does not say killed
        ("لم يسفر القصف عن سقوط قتلى", 0),
        ("دون وقوع قتلى", 0),
        ("استهدفت الطائرات 52 هدفا", 0),
        ("سيطرت القوات على البلدة", 0),
        ("توعد التنظيم بقتل كل من يتعاون مع الجيش", 0),
        # the killed with the wounded
        ("قتل 11 شخصا وجرح 30 آخرون", 11),
        ("35 شخصا قتلوا وأصيب 90 في القصف", 35),
        ("أدى الانفجار إلى مقتل 19 شخصا على الأقل وإصابة 43", 19),
        ("سقوط 5 قتلى و10 جرحى", 5),
        ("مقتل أربعة متمردين وأسر 119 آخرين", 4),
        ("فقتل جندي وأصيب آخر", 1),
        # several figures
        ("مقتل 25 من عناصر التنظيم و7 من أفراد الفصيل", 32),
        ("قتل خلالها العشرات من المهاجمين، ونحو 20 من المدافعين", 30),
        ("قتل 5 مدنيين بينهم 3 أطفال", 5),
        ("قتل 10 أشخاص بحسب المرصد، فيما قالت وكالة الأنباء إن 15 قتلوا", 10),
        ("قتل 17 شخصا، ثم ارتفعت حصيلة القتلى إلى 19", 19),
        ("مقتل 4 جنود في كمين، في حين ذكرت مصادر محلية أن عدد القتلى بلغ 3", 3),
        # numbers that are not counts
        ("قتل 3 أشخاص في الهجوم على الفرقة 30", 3),
        ("قتل في 12 يناير 2019 ثلاثة أشخاص", 3),
        ("قتل خلال 24 ساعة 6 أشخاص", 6),
    ],
)
def test_fatalities(text: str, count: int) -> None:
    assert fat(text) == count


def test_no_report_of_deaths_is_zero_with_no_span() -> None:
    f = count_fatalities("اعتقلت القوات 150 شابا من البلدة")
    assert (f.count, f.start, f.end, f.mentions, f.evidence) == (0, None, None, (), None)


def test_evidence_span_points_into_the_text_given() -> None:
    text = "وقالت مصادر إن الغارة أدت إلى مقتل 19 شخصا على الأقل وإصابة 43 آخرين."
    f = count_fatalities(text)
    assert f.count == 19
    assert f.evidence is not None
    assert text[f.start:f.end] == "مقتل 19 شخصا"


def test_span_maps_back_through_folding() -> None:
    text = "وأعلن الجيش مقــتلَ ٥ أشخاصٍ في الهجوم"
    f = count_fatalities(text)
    assert f.count == 5
    assert text[f.start:f.end] == "مقــتلَ ٥ أشخاصٍ"


def test_span_covers_every_figure_added() -> None:
    text = "مقتل 25 من عناصر التنظيم و7 من أفراد الفصيل في الاشتباكات"
    f = count_fatalities(text)
    assert f.count == 32
    assert text[f.start:f.end] == "مقتل 25 من عناصر التنظيم و7"
    assert [m.count for m in f.mentions] == [25, 7]


def test_find_casualties_categories() -> None:
    text = "قتل 3 جنود وأصيب 7 وأسر 2 وفقد 4 مدنيين وسقط 9 بين قتيل وجريح"
    found = [(m.category, m.count) for m in find_casualties(text)]
    assert (KILLED, 3) in found
    assert (WOUNDED, 7) in found
    assert (CAPTURED, 2) in found
    assert (KILLED_OR_WOUNDED, 9) in found
    for m in find_casualties(text):
        assert text[m.start:m.end] == m.text


def test_missing_category() -> None:
    found = find_casualties("لا يزال 4 صيادين مفقودين منذ العاصفة")
    assert [(m.category, m.count) for m in found] == [(MISSING, 4)]


def test_relations() -> None:
    found = find_casualties("قتل 5 مدنيين بينهم 3 أطفال")
    assert [(m.count, m.relation) for m in found] == [(5, "add"), (3, "subset")]
    found = find_casualties("قتل 17 شخصا، ثم ارتفعت حصيلة القتلى إلى 19")
    assert [(m.count, m.relation) for m in found] == [(17, "add"), (19, "update")]


def test_approximate_flags() -> None:
    (m,) = find_casualties("مقتل نحو 20 مسلحا")
    assert m.approximate and m.explicit
    (m,) = find_casualties("سقوط قتلى")
    assert m.approximate and not m.explicit
    (m,) = find_casualties("مقتل 20 مسلحا")
    assert not m.approximate
