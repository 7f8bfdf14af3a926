"""Events a sentence mentions without reporting them (codebook §1 and §3: report vs mention), each next to a
close sentence that does report one, which must still be extracted.

The sentences are written for these tests."""

from __future__ import annotations

import pytest
from mention_helpers import assessed, occurred

import kashif
from kashif.extract.triggers import find_triggers

# --------------------------------------------------------------------- lists: masdars and their conjuncts


def test_a_masdar_in_a_list_is_no_verb_of_occurrence() -> None:
    # وقتل after تفجير وخطف is a masdar of the list, not "and he killed": it does not make the list a report
    mention = "وقال الضابط إن الخلايا تدربت في معسكرات خارج البلاد ثم عادت لترهب السكان بعمليات تفجير وخطف وقتل"
    assert not assessed(mention, "وخطف").report
    assert occurred(mention) == []
    report = "نفذ مسلحون عمليات تفجير وخطف في حي الكرادة ببغداد أمس"
    assert occurred(report)


def test_a_conjunct_shares_the_mention_of_its_list() -> None:
    # the condemnation is too far from the end of its long list of objects; the conjuncts share its scope
    mention = ("أدانت المنظمة في ختام اجتماعها الطارئ الذي عقد أمس في العاصمة بحضور وزراء الخارجية الأعضاء ممارسات "
               "قوات الاحتلال غير القانونية وغير الشرعية وخصوصا عمليات القتل خارج نطاق القانون والاغتيالات وقصف "
               "المنازل في القطاع")
    a = assessed(mention, "والاغتيالات")
    assert (a.report, a.reason) == (False, "conjunct")
    assert not assessed(mention, "وقصف").report
    assert occurred(mention) == []
    # a practice head governs the whole list (اعمال اغتصاب ونهب وقتل), not only its first noun
    practice = "ودعا المبعوث الحكومة إلى نزع سلاح الميليشيات المتهمة بارتكاب أعمال اغتصاب ونهب وقتل"
    assert occurred(practice) == []
    # a list that is reported stays reported: every noun of it
    report = "شنت الطائرات غارات وقصفت المنازل في حي الشجاعية أمس"
    assert occurred(report)
    listed = "أسفرت الاشتباكات والغارات على بلدة الحمرا أمس عن مقتل خمسة مسلحين"
    assert assessed(listed, "والغارات").report


# ------------------------------------------------------------------------------ purpose: planned, not done


@pytest.mark.parametrize(
    "sentence",
    [
        "جندت الجماعة عشرات الشبان لتنفيذ هجمات انتحارية في المدينة",
        "يطالب الجيش منذ أشهر بالحصول على الضوء الأخضر للقيام بعمليات عسكرية شمال البلاد",
        "أرسلت الحركة خلية إلى العاصمة لارتكاب تفجيرات في الأسواق",
    ],
)
def test_the_lam_of_purpose_makes_a_plan(sentence: str) -> None:
    assert occurred(sentence) == []
    assert any(e.modality == "planned" for e in kashif.extract(sentence))


def test_a_deed_done_is_no_purpose() -> None:
    assert occurred("نفذ الشبان هجمات انتحارية في المدينة أمس")
    assert occurred("قامت القوات بعمليات عسكرية في قرية الحمرا شمال البلاد أمس")


# --------------------------------------------------------- background: during, in response to, in revenge for


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("تلقت الوزارة مئات الشكاوى من السكان خلال القصف العنيف على الأحياء السكنية", "القصف"),
        ("دارت اتصالات بين الحكومتين طيلة ساعات أثناء الهجمات على الفنادق", "الهجمات"),
        ("قال المتحدث إن الهجوم جاء انتقاما لغارة على أحد معسكرات الجماعة", "لغارة"),
        ("أعلنت الحكومة الحداد ردا على الهجوم على الثكنة", "الهجوم"),
    ],
)
def test_an_event_that_frames_another_is_background(sentence: str, surface: str) -> None:
    a = assessed(sentence, surface)
    assert (a.report, a.reason) == (False, "background")


def test_an_event_during_which_people_died_is_reported() -> None:
    # the deaths the clause counts happened in the shelling: its cause, not its background
    assert occurred("قتل خمسة مدنيين خلال القصف العنيف على الأحياء السكنية")
    assert occurred("شنت الطائرات غارة على معسكر للجماعة في الجبل أمس ردا على الهجوم")


# -------------------------------------------------------------------- allegations, convicts, the accused


@pytest.mark.parametrize(
    ("sentence", "surface", "reason"),
    [
        ("نقلت الصحيفة أمس ادعاءات بارتكاب جنود أعمال اغتصاب في قرية الحمرا", "اغتصاب", "mention:allegation"),
        ("وصف الوزير ما تردد من شائعات عن سقوط قتلى في المدينة أمس بأنه تضليل", "قتلى", "mention:allegation"),
        ("قال المحامي أمس إن المدانين بخطف السياح الأجانب في مأرب سيطعنون في الحكم", "بخطف", "mention:legal"),
        ("وكانت المتهمة بتفجير الحافلة في حي الزهور قد اعترفت أمام المحققين", "بتفجير", "mention:legal"),
    ],
)
def test_allegations_and_charges_report_no_event(sentence: str, surface: str, reason: str) -> None:
    a = assessed(sentence, surface)
    assert (a.report, a.reason) == (False, reason)
    assert occurred(sentence) == []


def test_an_assault_reported_as_such_is_extracted() -> None:
    assert occurred("اغتصب جنود امرأتين في قرية الحمرا أمس")
    assert occurred("خطف مسلحون سائحين أجنبيين على الطريق قرب مدينة مأرب أمس")


# ------------------------------------------------------------ what might happen: exposed to, wish, whatever


@pytest.mark.parametrize(
    ("sentence", "surface", "reason"),
    [
        ("باتت القرى الحدودية في ريف حلب عرضة لهجمات المسلحين القادمين من الجبال", "لهجمات", "mention:opinion"),
        ("تمنى القيادي في كلمته أمس تنفيذ عمليات مشابهة لاغتيال الوزير في عدن", "لاغتيال", "mention:opinion"),
        ("قال إن الحركة ستبقى صامدة مهما شن الاحتلال من غارات على مدينة رفح", "غارات", "conditional"),
    ],
)
def test_what_may_or_should_happen_is_no_report(sentence: str, surface: str, reason: str) -> None:
    a = assessed(sentence, surface)
    assert (a.report, a.reason) == (False, reason)
    assert occurred(sentence) == []


def test_what_happened_to_them_is_reported() -> None:
    assert occurred("تعرضت القرى الحدودية لهجمات المسلحين أمس")
    assert occurred("اغتال مسلحون الوزير في منزله بمدينة عدن أمس")
    assert occurred("شن الاحتلال غارات على مدينة رفح أمس")


# -------------------------------------------------------------------- topic: as for, commented on, behind


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("وعن تفجير السوق، قال المحافظ إن الأجهزة الأمنية تعمل على كشف الفاعلين", "تفجير"),
        ("علق الوزير على مقتل الصحفي بالقول إنه خسارة كبيرة", "مقتل"),
        ("اتهم الحزب جهاز المخابرات بالوقوف خلف اغتيال القيادي", "اغتيال"),
    ],
)
def test_what_a_statement_is_about_is_a_mention(sentence: str, surface: str) -> None:
    a = assessed(sentence, surface)
    assert (a.report, a.reason) == (False, "mention:topic")
    assert occurred(sentence) == []


def test_the_event_itself_is_reported() -> None:
    assert occurred("وقع تفجير في السوق المركزي بمدينة الحلة أمس")
    assert occurred("قتل الصحفي برصاص قناص في حي الزهور بمدينة تعز أمس")
    assert occurred("اغتيل القيادي برصاص مسلحين أمام منزله في مدينة عدن مساء أمس")


# ---------------------------------------------------------------------------- senses that are no assault


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("اتهم المعارض الرئيس باغتصاب السلطة في مدينة عدن منذ عشر سنوات", "باغتصاب"),
        ("فقد السائق السيطرة على الشاحنة فاصطدمت بجدار المنزل في حي الزهور", "السيطرة على"),
        ("قال البيان أمس إن الجماعة تستهدف وجود الدولة في مدينة عدن", "تستهدف"),
    ],
)
def test_usurping_power_steering_a_truck_and_targeting_a_state_are_no_assault(sentence: str, surface: str) -> None:
    assert surface not in [t.text for t in find_triggers(sentence)]
    assert occurred(sentence) == []


def test_rape_capture_and_a_strike_are() -> None:
    assert occurred("اغتصب مسلحون فتاة في قرية الحمرا أمس")
    assert occurred("سيطر مسلحون على بلدة الحمرا بعد معارك عنيفة أمس")
    assert occurred("استهدفت غارة جوية مقرا للجماعة في بلدة الحمرا أمس")
