"""Report or mention, and occurred / threatened / planned / denied, with the scope of each cue."""

from __future__ import annotations

import pytest
from mention_helpers import trigger

import kashif
from kashif.extract.modality import MODALITIES, assess, is_event_report, modality
from kashif.extract.triggers import find_triggers


def mod(sentence: str, surface: str) -> str:
    return modality(sentence, trigger(sentence, surface))


def report(sentence: str, surface: str) -> bool:
    return is_event_report(sentence, trigger(sentence, surface))


# ----------------------------------------------------------------------------------------- modality


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # occurred, including what sources say and attributions
        ("قصفت الطائرات الحربية مخازن الذخيرة في المطار أمس", "قصفت", "occurred"),
        ("قالت مصادر محلية إن مسلحين اختطفوا مهندسين اثنين من موقع العمل", "اختطفوا", "occurred"),
        ("أفاد ناشطون بأن اشتباكات عنيفة اندلعت في الحي الشرقي", "اشتباكات", "occurred"),
        ("كانت القوات قد انسحبت من المعسكر قبل أسبوع", "انسحبت", "occurred"),
        ("حاولت الميليشيا اقتحام البلدة ليل الأحد", "اقتحام", "occurred"),
        # threatened
        ("هدد قائد الجماعة بقصف المطارات المدنية في البلاد", "بقصف", "threatened"),
        ("توعد التنظيم في بيان مصور بذبح الرهائن الأجانب", "بذبح", "threatened"),
        ("لوّح وزير الدفاع بشن هجوم بري واسع على المدينة", "هجوم بري", "threatened"),
        ("وجه الجيش إنذارا للمسلحين بمغادرة الحي وإلا اقتحمه", "اقتحمه", "threatened"),
        # planned
        ("تعتزم الحكومة شن عملية عسكرية لاستعادة الوادي", "عملية عسكرية", "planned"),
        ("أعلنت المعارضة نيتها تنظيم مظاهرة حاشدة في الساحة", "مظاهرة", "planned"),
        ("من المقرر أن تنطلق المسيرة من أمام الجامعة مطالبة بالإفراج عن الطلاب", "المسيرة", "planned"),
        ("تستعد القوات لاقتحام آخر معاقل المسلحين في المدينة", "لاقتحام", "planned"),
        ("وصلت تعزيزات إلى الجبهة تمهيدا لهجوم على التلال", "لهجوم", "planned"),
        ("تتوقع مصادر عسكرية أن تتم السيطرة على المدينة خلال أيام", "السيطرة على", "planned"),
        ("ستقصف الطائرات مواقع التنظيم في الأيام المقبلة", "ستقصف", "planned"),
        ("قال المتحدث إن الاعتصام سيستمر حتى تلبية المطالب", "الاعتصام", "planned"),
        ("تحدثت الصحف عن الهجوم الوشيك على الميناء", "الهجوم", "planned"),
        ("دعت النقابات إلى إضراب عام يوم الاثنين", "إضراب", "planned"),
        ("أكد الوزير أن بلاده ستسمح بتنفيذ ضربات جوية ضد المسلحين", "ضربات جوية", "planned"),
        # denied
        ("نفى الجيش قصف المستشفى في الحي الغربي", "قصف", "denied"),
        ("نفت الوزارة أن تكون قواتها اعتقلت أي صحفي خلال المظاهرات", "اعتقلت", "denied"),
        ("لم تقصف الطائرات أي هدف داخل المدينة", "تقصف", "denied"),
        ("أكد المحافظ أنه لم يتم اعتقال أي من المحتجين", "اعتقال", "denied"),
        ("قال الناطق إنه لا صحة للأنباء عن انسحاب القوات من المعبر", "انسحاب", "denied"),
        ("الأنباء عن اغتيال القائد العسكري في دمشق عارية عن الصحة", "اغتيال", "denied"),
        ("دخلت الوحدات البلدة دون قتال", "قتال", "denied"),
        ("أكد الطرفان عدم وقوع اشتباكات في المنطقة العازلة", "اشتباكات", "denied"),
        ("أكد قائد الفصيل أن مقاتليه لن يهاجموا القرى المجاورة", "يهاجموا", "denied"),
    ],
)
def test_modality(sentence: str, surface: str, expected: str) -> None:
    assert expected in MODALITIES
    assert mod(sentence, surface) == expected, assess(sentence, trigger(sentence, surface))


# ----------------------------------------------------------------------------------------------- scope


def test_threat_governs_only_what_follows_it() -> None:
    s = "هدد الرئيس بقصف 52 هدفا في البلاد حال استهدفت أي قاعدة تابعة لجيشه"
    assert mod(s, "بقصف") == "threatened"
    # the condition of the threat is neither threatened nor a report of an attack
    cond = assess(s, trigger(s, "استهدفت"))
    assert cond.modality == "occurred" and not cond.report and cond.reason == "conditional"


def test_denied_responsibility_is_not_a_denied_attack() -> None:
    s = "نفى الفصيل مسؤوليته عن الهجوم الذي أدى إلى مقتل أربعة جنود في الكمين"
    assert mod(s, "الهجوم") == "occurred"
    assert mod(s, "مقتل") == "occurred"
    assert report(s, "الهجوم")


def test_denial_reaches_into_the_report_it_denies() -> None:
    s = "نفى المرصد الأنباء التي تحدثت عن سيطرة المسلحين على البلدة"
    assert mod(s, "سيطرة المسلحين على") == "denied"


def test_relative_clause_breaks_a_threat() -> None:
    s = "توعد الحزب بالرد على الهجوم الذي استهدف مقره في المدينة"
    assert mod(s, "استهدف") == "occurred"


@pytest.mark.parametrize(
    "sentence",
    [
        "هدد الجيش بقصف الأحياء الشرقية فيما قصفت الطائرات الريف الغربي",
        "يعتزم التحالف توسيع عملياته لكن الطائرات قصفت المدينة أمس",
        "هدد المسلحون السكان؛ قصفت الطائرات مواقعهم بعد ساعة",
    ],
)
def test_scope_ends_at_the_clause(sentence: str) -> None:
    assert mod(sentence, "قصفت") == "occurred"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("لا تزال المعارك تدور في محيط المطار", "المعارك"),
        ("تصاعد التوتر لا سيما بعد الهجوم على السفارة أمس", "الهجوم"),
        ("لم تعلن أي جهة مسؤوليتها عن التفجير الذي هز السوق صباح اليوم", "التفجير"),
        ("لم تعرف بعد هوية منفذي الاغتيال الذي وقع ليل الجمعة في بيروت", "الاغتيال"),
    ],
)
def test_negations_that_deny_nothing(sentence: str, surface: str) -> None:
    assert mod(sentence, surface) == "occurred"


# ------------------------------------------------------------------------------------ report / mention


@pytest.mark.parametrize(
    ("sentence", "surface", "reason"),
    [
        ("أدانت الجامعة العربية بشدة التفجير الذي استهدف الكنيسة", "التفجير", "mention:condemnation"),
        ("استنكرت منظمات حقوقية اعتقال الصحفيين", "اعتقال", "mention:condemnation"),
        ("فتحت النيابة تحقيقا في اغتيال الناشط", "اغتيال", "mention:legal"),
        ("قضت المحكمة بسجن ثلاثة شبان بتهمة خطف تاجر", "خطف", "mention:legal"),
        ("أحيا السكان الذكرى العاشرة لمجزرة القرية", "لمجزرة", "mention:commemoration"),
        ("حذر التقرير من تصاعد الهجمات على الصحفيين", "الهجمات", "mention:opinion"),
        ("يجب وقف القصف على المناطق السكنية فورا", "القصف", "mention:prevention"),
        ("طالبت الأمم المتحدة بوقف القتال في الإقليم", "بوقف القتال", "mention:prevention"),
        ("إذا هاجم المسلحون المدينة فإن الجيش سيرد بقوة", "هاجم", "conditional"),
        ("لن نقبل أي هجوم على أراضينا", "هجوم", "adjacent:generic"),
        ("تراجع عدد التفجيرات في العاصمة", "التفجيرات", "adjacent:trend"),
        ("ما زال الخوف من الاعتداءات المتكررة على القرى يسيطر على السكان", "الاعتداءات", "trend_after"),
        ("هل قصفت الطائرات المعبر الحدودي؟", "قصفت", "question"),
        ("اقرأ أيضاً: غارات على مطار عسكري في الشمال", "غارات", "related"),
        ("تحدث الكاتب عن القتل والتعذيب في السجون", "القتل", "abstract"),
        ("ظل الاغتيال السياسي حاضرا في تاريخ البلاد", "الاغتيال", "unanchored"),
        ("هؤلاء يقتلون الأبرياء ويبررون ذلك", "يقتلون", "habitual"),
        # background of what the sentence reports: a noun right after منذ / بعد / غداة with nothing of its own
        ("لم يزر أي وزير المدينة منذ اغتيال المحافظ", "اغتيال", "background"),
        ("تغير موقف الحكومة بعد هجمات دامية على أراضيها", "هجمات", "background"),
        ("قتل خمسة أشخاص بقصف على عدن بعد يومين من الإعلان عن تحرير المدينة", "تحرير", "background"),
        ("تغيرت سياسة البلاد منذ عام 2001 عندما هاجم مسلحون البرلمان", "هاجم", "background"),
        # an event already reported, named again
        ("وأعلنت الحركة مسؤوليتها عن هذا الهجوم في بيان", "الهجوم", "anaphora"),
        ("وتبنت الجماعة الهجوم في بيان مقتضب", "الهجوم", "anaphora"),
        # a campaign "that it wages": an imperfect verb of occurrence reports nothing by itself
        ("وانتقد الوزير الضربات التي تشنها الطائرات ضد الجماعات المسلحة", "الضربات", "unanchored"),
        # the protesters of a protest already reported
        ("ورفع المتظاهرون لافتات تطالب بالإصلاح", "المتظاهرون", "anaphoric"),
        ("وردد المتظاهرون هتافات ضد الحكومة", "هتافات", "anaphoric"),
        # an aim, not a capture
        ("تتواصل الجهود للسيطرة على الأحياء الشرقية", "للسيطرة على", "purpose"),
        # a description in a relative clause
        ("وقال إن المعارضة التي تقاتل التنظيم تحتاج إلى دعم", "تقاتل", "relative"),
        # a cumulative toll; a campaign
        ("قتل المئات من الجنود منذ بداية الحرب", "قتل", "cumulative"),
        ("وتدعم الغارات التي ينفذها التحالف منذ أربعة أشهر القوات المحلية", "الغارات", "campaign"),
        # urging people not to protest denies no protest
        ("دعا رجال الدين إلى حث الأهالي على عدم النزول إلى الشارع", "النزول إلى الشارع", "mention:prevention"),
        # a long sentence that names a place far from the event noun
        ("ويرى المحللون أن الحديث عن الهجوم يعكس قلق الحكومة من تراجع نفوذها في مدينة حلب وريفها", "الهجوم",
         "unanchored"),
    ],
)
def test_mentions(sentence: str, surface: str, reason: str) -> None:
    a = assess(sentence, trigger(sentence, surface))
    assert not a.report and a.reason == reason, a


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("ندد مئات المتظاهرين بالفساد ورددوا هتافات ضد الحكومة", "المتظاهرين"),  # protesters condemning: a protest
        ("تظاهر الآلاف تنديدا بالغارات الأخيرة على المدينة", "تظاهر"),
        ("تصاعدت حدة الاشتباكات أمس في حي المطار", "الاشتباكات"),  # a trend word, but dated
        ("شنت الطائرات غارات على مواقع للمسلحين", "غارات"),  # a noun predicated by a verb of occurrence
        ("وقع انفجار ضخم قرب السفارة", "انفجار"),
        ("يحاصر الجيش البلدة منذ ثلاثة أيام", "يحاصر"),  # an imperfect, anchored
        ("تجمع مئات المتظاهرين أمام مبنى المحافظة", "المتظاهرين"),  # protesters with a number: a protest
        ("ورفع آلاف المتظاهرين لافتات تطالب بالإصلاح", "لافتات"),
        ("تبنت الجماعة هجوما على ثكنة عسكرية أمس", "هجوما"),  # a new attack, claimed
        ("ولا تزال المعارك تدور بين الطرفين", "المعارك"),  # an imperfect of what goes on
        ("قتل 20 شخصا أمس حين انفجرت سيارة مفخخة قرب السوق", "انفجرت"),  # the cause of the deaths
        ("قتل ثلاثة جنود إثر انفجار عبوة ناسفة في سوق المدينة", "انفجار"),  # background, but placed
        ("اندلعت اشتباكات عنيفة أمس", "اشتباكات"),
        ("مقتل خمسة مدنيين في هجوم على قرية", "هجوم"),  # a toll makes the noun a report
    ],
)
def test_reports(sentence: str, surface: str) -> None:
    assert report(sentence, surface), assess(sentence, trigger(sentence, surface))


def test_condemnation_governs_only_what_follows() -> None:
    s = "تظاهر مئات الطلاب أمام الجامعة منددين باعتقال زملائهم"
    assert report(s, "تظاهر")
    assert not report(s, "باعتقال")


def test_cues_in_the_assessment() -> None:
    s = "هدد قائد الجماعة بقصف المطارات المدنية"
    a = assess(s, trigger(s, "بقصف"))
    assert a.modality_cue == "هدد" and a.mention_cue is None and a.report


def test_restored_obfuscated_threat() -> None:
    r = kashif.restore("هــ.دد قائد الفصيل بقصــ.ف المطار المدني وتوعـ*ـد باقتحـ،ـام المدينة")
    found = find_triggers(r.text)
    assert [(t.text, modality(r.text, t)) for t in found] == [("بقصف", "threatened"), ("باقتحام", "threatened")]


def test_trigger_inside_a_longer_text() -> None:
    text = "مقدمة الخبر. نفى الجيش قصف المستشفى. وقصفت المدفعية الحي أمس."
    found = find_triggers(text)
    assert [(t.text, modality(text, t)) for t in found] == [("قصف", "denied"), ("وقصفت المدفعية", "occurred")]


def test_a_country_or_a_year_anchors_no_event_noun() -> None:
    # a country's name places nothing a coder could code, a year alone dates nothing (README decision 9)
    assert not report("تحدث الوزير طويلا عن تفجيرات في سورية وفي لبنان", "تفجيرات")
    assert not report("ذكر الكاتب في مقاله اغتيال الزعيم عام 1995", "اغتيال")
    assert report("وقعت تفجيرات في مدينة حمص أمس", "تفجيرات")


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # who someone was: a past event told in a relative clause dated back
        ("شارك المئات في تأبين الصحافي الذي اغتيل في مارس الماضي", "اغتيل", False),
        ("حضر الحفل نجل الوزير الذي اغتالته جماعة مسلحة في 2004", "اغتالته", False),
        # a recent time, the current month or a toll keep a relative clause a report
        ("أفرج الخاطفون عن الصحافي الذي خطف أمس في بغداد", "خطف", True),
        ("سيطروا على البلدة التي حاصروها في 10 من الشهر الجاري", "حاصروها", True),
        ("نعى الحزب القائد الذي قتل مع ثلاثة من مرافقيه في كمين الشهر الماضي", "قتل", True),
    ],
)
def test_relative_clauses_dated_back_describe(sentence: str, surface: str, expected: bool) -> None:
    assert report(sentence, surface) is expected


def test_other_side() -> None:
    from kashif.extract.modality import other_side

    assert other_side("من جانبها، قالت المسؤولة إن خمسة من أبناء القبيلة قتلوا")
    assert other_side("وبدوره أكد المتحدث مقتل ثلاثة")
    assert not other_side("قال المتحدث إن ثلاثة قتلوا من جانب القبيلة")


def test_a_count_since_a_date_is_a_statistic() -> None:
    # README decision 9: cumulative counts are not events
    assert not report("وتقول اللجنة إن 14 صحافيا خطفوا منذ عام 2006", "خطفوا")
    assert report("خطف مسلحون صحافيين اثنين أمس في بغداد", "خطف")


# ------------------------------------------------------------- round 3: reports and mentions in discourse


@pytest.mark.parametrize(
    ("sentence", "surface", "reason"),
    [
        # a deed told with no time, place, number, toll or armed actor: a story or a figure of speech
        ("وقال الرجل إنهم قتلوا أبي وأخي ثم رحلوا", "قتلوا", "unsituated"),
        ("وكتب المعلق أن الحزب خطف قرار الحكومة وعطل عملها", "خطف", "unsituated"),
        # dated by the year alone (README decision 9)
        ("وكان شقيقه قد قتل في تفجير عام 1996 وفق ما يروي", "قتل", "year_only"),
        ("ويذكر أن مسلحين اغتالوا والده قبل سنوات في ظروف غامضة", "اغتالوا", "year_only"),
        # "since" and "before" date the sentence by an event they do not report, however precise
        ("لم تعد الحياة طبيعية في المدينة منذ اغتيال رئيس البلدية في ساحة السوق", "اغتيال", "background"),
        ("وفي اليوم التالي لاغتيال الوزير في مكتبه أعلنت الحكومة الحداد", "لاغتيال", "background"),
        ("وصل الوفد إلى العاصمة عشية الهجوم على القصر الرئاسي", "الهجوم", "background"),
        # what a statement is about, and who is behind an event, are no reports of it
        ("وتحدث الوزير مطولا حول الهجوم على مركز الشرطة في البلدة", "الهجوم", "mention:topic"),
        ("وأكد المسؤول أن جهات خارجية تقف وراء التفجير في السوق الشعبي", "التفجير", "mention:topic"),
        # a film, a novel, a scene
        ("ويروي الفيلم قصة عائلة فقدت ابنها في تفجير بسيارة مفخخة في السوق", "تفجير", "mention:fiction"),
        # a question with no question mark
        ("وهل يعقل أن يمر اغتيال صحفي في مكتبه دون عقاب", "اغتيال", "mention:question"),
        # acts of a kind, not one event
        ("واتهم التقرير الميليشيات بارتكاب أعمال قتل وخطف في مناطق واسعة", "قتل", "practice"),
        # a condemnation governs its whole list of objects
        ("أدانت المنظمة في بيانها المطول سياسات الحكومة وممارساتها غير القانونية وبخاصة حملات الاعتقال والتضييق"
         " على الصحفيين والاغتيالات وقصف الأحياء", "وقصف", "mention:condemnation"),
        # a verb that describes a noun which is itself a mention
        ("وقال إن جهات أجنبية تقف وراء الهجوم الانتحاري الذي استهدف السفارة في العاصمة", "استهدف", "head"),
    ],
)
def test_mentions_in_discourse(sentence: str, surface: str, reason: str) -> None:
    a = assess(sentence, trigger(sentence, surface))
    assert not a.report and a.reason == reason, a


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # a time, a place, a toll or an armed actor situates a deed
        ("قتلوا ثلاثة من أبناء القرية فجر الأحد", "قتلوا"),
        ("اقتادت عناصر الميليشيا الشاب إلى جهة مجهولة", "اقتادت عناصر الميليشيا الشاب إلى جهة مجهولة"),
        # a month with the year dates the event
        ("وكان القائد قد قتل في غارة جوية في أيار (مايو) 2014 على معسكر للتنظيم", "قتل"),
        # "did" with the masdar after ب is the verb of the sentence
        ("قام مئات الطلاب في ساحات الجامعة بالاحتجاج على رفع الرسوم", "بالاحتجاج"),
        # the passive with تم: the masdar is the verb
        ("وقالت الشاهدة إنه تم اختطافها من قبل ملثمين", "اختطافها"),
        # joining a march is a report of the march
        ("انخرطت حشود من الشباب في مسيرة تطالب بالإصلاح", "مسيرة"),
        # a definite event noun is the subject of the verb that follows it
        ("وقالت مصادر إن الغارات استهدفت معسكرين للتنظيم", "استهدفت"),
        # an indefinite noun described by a verb: the same event, reported
        ("قتل خمسة جنود في هجوم انتحاري استهدف حاجزا للجيش أمس", "استهدف"),
        # an event after "since" whose dead are counted is coded as background (README decision 9)
        ("وتتواصل المواجهات منذ الاعتداء الانتحاري في البلدة الذي أودى بحياة 30 شخصا", "الاعتداء الانتحاري"),
    ],
)
def test_reports_in_discourse(sentence: str, surface: str) -> None:
    assert report(sentence, surface), assess(sentence, trigger(sentence, surface))


def test_a_toll_far_from_an_event_noun_does_not_anchor_it() -> None:
    far = "انتقد الخطيب الاعتداءات على الأئمة والدعاة في خطبة طويلة سبقت إعلان السلطات مقتل عشرة أشخاص في الفيضانات"
    assert not report(far, "الاعتداءات")
    assert report("انتقد الخطيب الاعتداءات على الأئمة التي أدت إلى مقتل عشرة أشخاص", "الاعتداءات")
