"""Event triggers: the lexicon, clitics and conjugations, sub-type cues, and restored input."""

from __future__ import annotations

import pytest

import kashif
from kashif.extract.modality import assess
from kashif.extract.triggers import EVENT_TYPES, Trigger, find_triggers, sub_event_types
from kashif.restore.obfuscate import obfuscate

B, E, V = "Battles", "Explosions/Remote violence", "Violence against civilians"
P, R, S = "Protests", "Riots", "Strategic developments"

# One sentence (written for these tests) for each of ACLED's 25 sub-types, with the trigger expected.
SUBTYPE_CASES = [
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في أطراف البلدة", "اشتباكات", B, "Armed clash"),
    ("تدور معارك ضارية منذ الفجر على مشارف المدينة", "معارك", B, "Armed clash"),
    ("نصب مسلحون كمينا لدورية عسكرية على الطريق الدولي", "كمينا", B, "Armed clash"),
    ("هاجم مسلحون نقطة تفتيش للشرطة جنوب المدينة", "هاجم", B, "Armed clash"),
    ("تبادل الطرفان إطلاق النار لساعات قرب المعبر", "تبادل الطرفان إطلاق النار", B, "Armed clash"),
    ("استعادت القوات الحكومية السيطرة على البلدة بعد قتال استمر يومين",
     "استعادت القوات الحكومية السيطرة", B, "Government regains territory"),
    ("حرر الجيش قرية الزيتون من قبضة المسلحين", "حرر", B, "Government regains territory"),
    ("سيطر مسلحو التنظيم على حقل النفط شرق المحافظة", "سيطر", B, "Non-state actor overtakes territory"),
    ("استولى المتمردون على مطار المدينة فجر اليوم", "استولى", B, "Non-state actor overtakes territory"),
    ("شن الطيران الحربي غارات على مواقع المسلحين في الريف الشرقي", "غارات", E, "Air/drone strike"),
    ("قصفت طائرات مسيرة مجهولة رتلا للميليشيات قرب الحدود", "قصفت", E, "Air/drone strike"),
    ("استهدفت طائرة مسيرة سيارة تقل قياديين في الجماعة", "استهدفت", E, "Air/drone strike"),
    ("قصفت المدفعية أحياء المدينة بعشرات القذائف", "قصفت المدفعية", E, "Shelling/artillery/missile attack"),
    ("سقطت قذائف هاون على سوق شعبي وسط العاصمة", "قذائف", E, "Shelling/artillery/missile attack"),
    ("أطلق المسلحون صواريخ على مستوطنة قريبة من الحدود",
     "أطلق المسلحون صواريخ", E, "Shelling/artillery/missile attack"),
    ("انفجرت عبوة ناسفة بدورية للجيش على طريق المطار", "عبوة ناسفة", E, "Remote explosive/landmine/IED"),
    ("انفجرت سيارة مفخخة أمام مبنى المحافظة", "سيارة مفخخة", E, "Remote explosive/landmine/IED"),
    ("انفجر لغم أرضي بحافلة تقل عمالا زراعيين", "لغم", E, "Remote explosive/landmine/IED"),
    ("فجر انتحاري حزاما ناسفا في حفل زفاف", "حزاما ناسفا", E, "Suicide bomb"),
    ("نفذ انتحاري هجوما بسيارة مفخخة على حاجز للجيش", "انتحاري", E, "Suicide bomb"),
    ("ألقى مجهولون قنبلة يدوية على محل تجاري في السوق", "قنبلة يدوية", E, "Grenade"),
    ("اتهمت المعارضة القوات الحكومية بشن هجوم كيماوي على البلدة", "هجوم كيماوي", E, "Chemical weapon"),
    ("اختطف مسلحون مجهولون طبيبا من عيادته في المدينة", "اختطف", V, "Abduction/forced disappearance"),
    ("اقتادت عناصر الميليشيا الشاب إلى جهة مجهولة",
     "اقتادت عناصر الميليشيا الشاب إلى جهة مجهولة", V, "Abduction/forced disappearance"),
    ("اغتصب عناصر من الميليشيا فتاة في القرية", "اغتصب", V, "Sexual violence"),
    ("قتل مسلحون خمسة مدنيين في هجوم على قرية نائية", "قتل", V, "Attack"),
    ("أعدم التنظيم ميدانيا عشرة من أبناء العشيرة", "أعدم", V, "Attack"),
    ("تعرض صحفي للضرب على أيدي عناصر أمنية", "تعرض صحفي للضرب", V, "Attack"),
    ("تظاهر مئات الطلاب أمام مبنى الوزارة مطالبين برفع المنح", "تظاهر", P, "Peaceful protest"),
    ("نظم العمال وقفة احتجاجية أمام المصنع", "وقفة احتجاجية", P, "Peaceful protest"),
    ("فرقت الشرطة اعتصاما للمعلمين بالغاز المسيل للدموع", "اعتصاما", P, "Protest with intervention"),
    ("قتل ثلاثة متظاهرين برصاص الأمن خلال مظاهرة في الساحة الرئيسية",
     "مظاهرة", P, "Excessive force against protesters"),
    ("رشق شبان غاضبون قوات الأمن بالحجارة وأحرقوا إطارات", "رشق", R, "Violent demonstration"),
    ("اندلعت أعمال شغب في الحي بعد مباراة الديربي", "شغب", R, "Violent demonstration"),
    ("سحل حشد غاضب رجلا متهما بالسرقة في الشارع", "سحل", R, "Mob violence"),
    ("أعلن الطرفان هدنة لمدة ثلاثة أيام", "هدنة", S, "Agreement"),
    ("توصل الطرفان إلى اتفاق وقف إطلاق النار في المدينة", "وقف إطلاق النار", S, "Agreement"),
    ("اعتقلت قوات الأمن عشرين شخصا في حملة دهم", "اعتقلت", S, "Arrests"),
    ("ألقت الشرطة القبض على ثلاثة مشتبه بهم", "ألقت الشرطة القبض", S, "Arrests"),
    ("حاصرت القوات المدينة من ثلاث جهات", "حاصرت", S, "Change to group/activity"),
    ("وصلت تعزيزات عسكرية كبيرة إلى الجبهة الشمالية", "تعزيزات", S, "Change to group/activity"),
    ("انسحبت القوات من مواقعها في التلال المحيطة", "انسحبت", S, "Change to group/activity"),
    ("رفع الجيش حالة التأهب القصوى في المنطقة الحدودية", "رفع الجيش حالة التأهب", S, "Change to group/activity"),
    ("فكك خبراء المتفجرات عبوة ناسفة زرعت قرب المدرسة", "فكك خبراء المتفجرات عبوة", S, "Disrupted weapons use"),
    ("اعترضت الدفاعات الجوية صاروخا أطلق باتجاه المدينة", "اعترضت الدفاعات الجوية صاروخا", S, "Disrupted weapons use"),
    ("أنشأت القوات الأجنبية قاعدة عسكرية جديدة قرب المطار",
     "أنشأت القوات الأجنبية قاعدة", S, "Headquarters or base established"),
    ("نهب مسلحون محتويات المستودع الحكومي", "نهب", S, "Looting/property destruction"),
    ("هدمت الجرافات منازل في القرية", "هدمت", S, "Looting/property destruction"),
    ("تسلمت قوات الشرطة المحلية المعبر من الفصائل دون قتال",
     "تسلمت قوات الشرطة المحلية المعبر", S, "Non-violent transfer of territory"),
    ("ألقت الطائرات منشورات تطالب السكان بمغادرة الحي", "منشورات", S, "Other"),
]


def triggers(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.event_type, t.sub_event_type) for t in find_triggers(text)]


@pytest.mark.parametrize(("sentence", "surface", "event_type", "sub_event_type"), SUBTYPE_CASES)
def test_sub_types(sentence: str, surface: str, event_type: str, sub_event_type: str) -> None:
    found = [t for t in find_triggers(sentence) if t.text == surface]
    assert found, triggers(sentence)
    t = found[0]
    assert (t.event_type, t.sub_event_type) == (event_type, sub_event_type), (t.rule, t.cues)
    assert sentence[t.start : t.end] == t.text
    a = assess(sentence, t)
    assert a.report and a.modality == "occurred", a


def test_every_sub_type_is_covered() -> None:
    assert len(sub_event_types()) == 25
    assert {(c[2], c[3]) for c in SUBTYPE_CASES} == set(sub_event_types())
    assert sum(len(v) for v in EVENT_TYPES.values()) == 25


# ----------------------------------------------------------------------------- clitics, conjugations


@pytest.mark.parametrize(
    "form",
    [
        "قصف", "قصفت", "قصفوا", "قصفنا", "يقصف", "تقصف", "يقصفون", "ستقصف", "وقصفت", "فقصفوا",
        "القصف", "بالقصف", "للقصف", "وبالقصف", "قصفها", "قصفوها", "قصفه", "قصفاً",
    ],
)
def test_bombard_forms(form: str) -> None:
    found = find_triggers(f"{form} مواقع المسلحين في الجبل")
    assert [t.event_type for t in found] == ["Explosions/Remote violence"], form
    assert found[0].text == form


@pytest.mark.parametrize(
    "form",
    ["استهدف", "استهدفت", "استهدفوا", "يستهدف", "تستهدف", "يستهدفون", "استهداف", "باستهداف", "واستهدفوه", "الاستهداف"],
)
def test_targeting_forms(form: str) -> None:
    found = find_triggers(f"{form} مسلحون دورية للجيش")
    assert found and found[0].text == form and found[0].event_type == "Battles"


@pytest.mark.parametrize(
    ("text", "surface", "aspect", "future"),
    [
        ("قُصفت البلدة بالمدفعية", "قُصفت", "perf", False),
        ("اُغتيل الضابط أمام منزله", "اُغتيل", "perf", False),
        ("يُستهدف الحي يومياً بالصواريخ", "يُستهدف", "impf", False),
        ("سيهاجمون المعسكر", "سيهاجمون", "impf", True),
        ("الغارات الجوية", "الغارات", "noun", False),
    ],
)
def test_aspect_and_passives(text: str, surface: str, aspect: str, future: bool) -> None:
    t = find_triggers(text)[0]
    assert (t.text, t.aspect, t.future) == (surface, aspect, future)


def test_dual_and_accusative() -> None:
    assert triggers("شنت الطائرات غارتين على الموقع")[0][:2] == ("غارتين", "Explosions/Remote violence")
    assert triggers("شن المسلحون هجوماً على الحاجز")[0][:2] == ("هجوماً", "Battles")
    assert triggers("سقط قتيلان في الاشتباك")[0][0] == "قتيلان"


def test_ta_marbuta_is_not_a_pronoun() -> None:
    # سيطرة is a noun, not the verb سيطر + the pronoun ه
    assert triggers("مناطق سيطرة النظام") == []
    # with ه written for ة the word may be either: the match starts there all the same
    assert triggers("سيطره المسلحون على الحي")[0][0].startswith("سيطره")


# ----------------------------------------------------------------------------------- sub-type cues


@pytest.mark.parametrize(
    ("text", "sub_event_type", "cue"),
    [
        ("قصف الطيران الحربي أطراف البلدة", "Air/drone strike", "الطيران"),
        ("قصفت قوات النظام البلدة بالمدفعية الثقيلة", "Shelling/artillery/missile attack", "بالمدفعية"),
        ("قصف مواقع المسلحين", "Shelling/artillery/missile attack", None),  # no cue: the class default
    ],
)
def test_bombard_cues(text: str, sub_event_type: str, cue: str | None) -> None:
    t = find_triggers(text)[0]
    assert t.sub_event_type == sub_event_type
    assert t.cues == ((cue,) if cue else ())
    assert t.rule == ("default" if cue is None else t.rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شن المسلحون هجوما على ثكنة للجيش", ("Battles", "Armed clash")),
        ("وقع هجوم بعبوة ناسفة على الطريق", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("نفذ انتحاري الهجوم على الحاجز", ("Explosions/Remote violence", "Suicide bomb")),
        ("هاجمت مقاتلات حربية القافلة", ("Explosions/Remote violence", "Air/drone strike")),
        ("هاجم مسلحون المصلين في المسجد", ("Violence against civilians", "Attack")),
        ("هاجم متظاهرون مقر البلدية", ("Riots", "Violent demonstration")),
        ("شنت القوات هجمات على جيوب المسلحين بدعم جوي من التحالف", ("Battles", "Armed clash")),
    ],
)
def test_attack_cues(text: str, expected: tuple[str, str]) -> None:
    attack = [t for t in find_triggers(text) if "هجوم" in t.expression or "هاجم" in t.expression]
    assert attack and attack[0].type == expected, [(t.text, t.type, t.cues) for t in attack]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل 20 شخصا في انفجار سيارة مفخخة", "Remote explosive/landmine/IED"),
        ("قتل أربعة جنود في هجوم على حاجز", "Armed clash"),
        ("قتل مسلحون ثلاثة مدنيين في القرية", "Attack"),
        ("قتل متظاهر برصاص الشرطة خلال الاحتجاجات", "Excessive force against protesters"),
        ("قتل 11 شخصا في مواجهات بين الطرفين", "Armed clash"),
    ],
)
def test_kill_takes_its_cause(text: str, expected: str) -> None:
    kill = [t for t in find_triggers(text) if t.kind == "outcome"]
    assert kill and kill[0].sub_event_type == expected, [(t.text, t.type, t.cues) for t in kill]


def test_territory_cues() -> None:
    assert find_triggers("سيطرت قوات النظام على البلدة")[0].sub_event_type == "Government regains territory"
    assert find_triggers("سيطر التنظيم على البلدة")[0].sub_event_type == "Non-state actor overtakes territory"
    assert find_triggers("استعاد المسلحون السيطرة على البلدة")[0].sub_event_type == (
        "Non-state actor overtakes territory")


def test_car_bomb_with_suicide_driver() -> None:
    found = find_triggers("انفجرت سيارة مفخخة يقودها انتحاري عند الحاجز")
    assert {t.sub_event_type for t in found} == {"Suicide bomb"}


def test_car_bombs_need_a_verb_of_explosion_or_impact() -> None:
    found = triggers("تفجرت سيارة مفخخة قرب سوق الخضار")
    assert ("سيارة مفخخة", "Explosions/Remote violence", "Remote explosive/landmine/IED") in found, found
    assert any(x[1] == "Explosions/Remote violence" for x in triggers("قتل جنديان بانفجار عبوة ناسفة"))
    carried = triggers("ألقت الشرطة القبض على رجل كان يحمل عبوة ناسفة في حقيبته")
    assert [x for x in carried if x[1] == "Explosions/Remote violence"] == [], carried
    # تفجرت is an explosion only with a device: "تفجرت الاشتباكات" is clashes breaking out
    assert [x[1] for x in triggers("تفجرت الاشتباكات بين العشيرتين")] == ["Battles"]


def test_protest_sub_types() -> None:
    assert find_triggers("تظاهر المئات في الساحة")[0].sub_event_type == "Peaceful protest"
    assert find_triggers("تظاهر المئات وأحرقوا الإطارات")[0].type == ("Riots", "Violent demonstration")
    assert find_triggers("أحرق شاب نفسه احتجاجا على البطالة")[0].type == ("Protests", "Peaceful protest")


# ------------------------------------------------------------------------------------- not triggers


@pytest.mark.parametrize(
    "text",
    [
        "أدى المصلون صلاة الفجر ثم عادوا فجر الخميس",
        "أعلنت هيئة تحرير الشام موقفها",
        "التقى الأصدقاء في ميدان التحرير",
        "قدم رئيس التحرير استقالته",
        "طورت الشركة نظاما مضادا للصواريخ",
        "احتل المنتخب المركز الأول في البطولة",
        "سجل المهاجم هدفا في الهجوم المرتد خلال المباراة",
        "أطلقت السلطات سراح المعتقلين",
        "استخدمت الشرطة قنابل مسيلة للدموع",
        "انفجار أنبوب غاز في المطبخ",
        "حلقت طائرة مسيرة فوق المدينة",
        "وصلت سيارة الإسعاف",
        "انسحب المرشح من الانتخابات",
        "سيطرت الحكومة على الأسعار",
        "تحرير محضر بالواقعة في قسم الشرطة",
        "عرضت الشركة منصات إطلاق الصواريخ الجديدة",
        "ضبطت الشرطة في المخزن مواد شديدة الانفجار",  # "highly explosive", no explosion
        "أوقفت الدورية ثلاثة رجال يقودون سيارة مفخخة نحو المدينة",  # a car bomb driven, not exploded
        "أكد المحافظ أن الأمن عاد وأن القوات فرضت سيطرة القانون على الأحياء",  # rule of law, no capture
    ],
)
def test_not_triggers(text: str) -> None:
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}
    assert [x for x in triggers(text) if x[1] in violent] == []


def test_accidents_are_not_killings() -> None:
    assert triggers("لقي ثلاثة أشخاص مصرعهم في حادث سير على الطريق") == []


# ------------------------------------------------------------------------------------ restored input


def test_restored_obfuscated_input() -> None:
    r = kashif.restore("قصــ.ف الطيـ.ـران مواقع المسلحين وفجّر انتحـ*ـاري سيـ،ـارة مفخـ..ـخة")
    found = find_triggers(r.text)
    assert [(t.text, t.sub_event_type) for t in found] == [
        ("قصف", "Air/drone strike"),
        ("وفجّر", "Suicide bomb"),
        ("انتحاري", "Suicide bomb"),
        ("سيارة مفخخة", "Suicide bomb"),
    ]
    t = found[0]
    start, end = r.original_span(t.start, t.end)
    assert r.original[start:end] == "قصــ.ف"


@pytest.mark.parametrize("seed", range(3))
def test_obfuscation_round_trip(seed: int) -> None:
    """Where the restorer gives the sentence back, the triggers are those of the clean sentence."""
    exact = 0
    for sentence, *_ in SUBTYPE_CASES:
        broken, _ = obfuscate(sentence, rate=0.5, seed=seed)
        restored = kashif.restore(broken).text
        if restored == sentence:
            exact += 1
            assert triggers(restored) == triggers(sentence)
    assert exact >= len(SUBTYPE_CASES) // 2


def test_shifted() -> None:
    t = find_triggers("قصفت الطائرات")[0]
    assert isinstance(t, Trigger)
    moved = t.shifted(10)
    assert (moved.start, moved.end) == (t.start + 10, t.end + 10) and moved.text == t.text


def test_empty() -> None:
    assert find_triggers("") == []
    assert find_triggers("...") == []


def test_a_perfect_form_after_a_preposition_is_a_masdar() -> None:
    # no verb follows a preposition: في قتل، منذ خطف are nouns (the killing, the abduction)
    assert [t.aspect for t in find_triggers("لا يفكر أحد في قتل الأبرياء")] == ["noun"]
    assert [t.aspect for t in find_triggers("لم يظهر أي أثر له منذ خطف الطائرة")] == ["noun"]
    assert [t.aspect for t in find_triggers("قتل ثلاثة جنود أمس")] == ["perf"]


def test_a_perfect_form_after_a_head_noun_or_in_a_list_of_masdars_is_a_masdar() -> None:
    # عمليات خطف، أعمال قتل: the head says it is the practice or the act, not a verb
    assert [t.aspect for t in find_triggers("شهدت المنطقة عمليات خطف كثيرة")] == ["noun"]
    assert [t.aspect for t in find_triggers("اتهمهم التقرير بأعمال قتل في القرى")] == ["noun"]
    # تفجير وقتل وخطف: a list of nouns, no verb among them
    assert {t.aspect for t in find_triggers("يرهبون الناس بعمليات تفجير وقتل وخطف")} == {"noun"}
