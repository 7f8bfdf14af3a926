"""Actors: finding them in Arabic sentences and telling who acts and who is targeted (codebook §4)."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

import kashif
from kashif.extract.actors import (
    ActorMention,
    Roles,
    actor_inter,
    assign_roles,
    country_actor,
    find_actors,
    find_attribution,
    find_claim,
)

INTER_TYPES = {"State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
               "Civilians", "External/Other forces"}


def names(sentence: str, country: str | None = None) -> list[str]:
    return [m.canonical for m in find_actors(sentence, country)]


def roles(sentence: str, trigger: str, country: str | None = None, **kw) -> Roles:
    """Roles for the first occurrence of ``trigger`` in ``sentence``."""
    i = sentence.index(trigger)
    return assign_roles(sentence, (i, i + len(trigger)), find_actors(sentence, country), country, **kw)


def pair(sentence: str, trigger: str, country: str | None = None, **kw) -> tuple[str, str]:
    r = roles(sentence, trigger, country, **kw)
    return r.actor1, r.actor2


# --- finding: aliases, clitics, spellings ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "هاجم الحوثيون القرية",
        "قصف الحوثيين للقرية",
        "مسلحين حوثيين في القرية",
        "ضربات للحوثيين",
        "وبالحوثيين",
        "تقدمت ميليشيا الحوثي",
        "تقدمت مليشيات الحوثي",
        "أعلنت جماعة أنصار الله",
        "قالت جماعة الحوثي",
        "الحُوثِيّون",  # diacritics
        "الحوثيـــون",  # tatweel
    ],
)
def test_houthi_aliases(sentence):
    assert names(sentence, "Yemen") == ["Houthis"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("انسحب مقاتلو داعش", "Islamic State"),
        ("عناصر تنظيم الدولة الإسلامية", "Islamic State"),
        ("هاجمت ولاية سيناء كمينا", "Islamic State"),
        ("تقدمت قوات سوريا الديمقراطية", "SDF: Syrian Democratic Forces"),
        ("تقدمت قوات سورية الديمقراطية", "SDF: Syrian Democratic Forces"),
        ("سيطرت هيئة تحرير الشام", "Hayat Tahrir al-Sham"),
        ("القوات الأمريكية", "Military Forces of the United States"),
        ("القوات الأميركية", "Military Forces of the United States"),
        ("عناصر من حزب الله اللبناني", "Hezbollah"),
        ("قوات الدعم السريع", "Rapid Support Forces"),
        ("هاجمت حركة الشباب المجاهدين قاعدة", "Al-Shabaab"),
        ("بعثة الاتحاد الأفريقي في الصومال", "AMISOM: African Union Mission in Somalia"),
        ("قوات حفتر", "LNA: Libyan National Army"),
        ("سرايا القدس", "Palestinian Islamic Jihad"),
        ("كتائب القسام", "Hamas"),
        ("قوات البيشمركة", "Peshmerga: Kurdistan Regional Government"),
        ("حزب العمال الكردستاني", "PKK: Kurdistan Workers Party"),
        ("تنظيم القاعدة في جزيرة العرب", "Al-Qaeda"),
        ("المجلس الانتقالي الجنوبي", "STC: Southern Transitional Council"),
        ("الحشد الشعبي", "Popular Mobilization Forces"),
        ("الحرس الثوري الإيراني", "Military Forces of Iran"),
        ("المستوطنين", "Settlers (Israel)"),
    ],
)
def test_named_actors(sentence, expected):
    assert names(sentence) == [expected]


def test_longest_match_wins():
    # "قوات التحالف العربي" is the Saudi-led coalition wherever it is, not the generic "قوات التحالف"
    assert names("قصفت قوات التحالف العربي المواقع", "Syria") == ["Saudi-led Coalition"]
    # the Syrian National Army is not the generic "الجيش الوطني" (Yemen's army in a Yemeni article)
    assert names("هاجم الجيش الوطني السوري", "Yemen") == ["Syrian opposition armed groups"]
    assert names("هاجم الجيش الوطني", "Yemen") == ["Military Forces of Yemen"]


def test_span_leaves_out_clitics_and_points_into_the_input():
    s = "استهدفت الغارات مواقع للحوثيين وبالقرب من داعش"
    found = find_actors(s, "Yemen")
    assert [(m.text, m.prefix) for m in found] == [("حوثيين", "لل"), ("داعش", "")]
    for m in found:
        assert s[m.start:m.end] == m.text
        assert m.span == (m.start, m.end)
    m = find_actors("ضربات لـ داعش")[0]
    assert m.text == "داعش"


def test_span_with_tatweel_and_diacritics():
    s = "قصفت قُوَّاتُ النِّظَامِ البلدة"
    (m,) = find_actors(s, "Syria")
    assert m.canonical == "Military Forces of Syria"
    assert m.text == "قُوَّاتُ النِّظَامِ"


def test_mention_fields():
    (m,) = find_actors("قتل ثلاثة جنود أتراك", "Syria")
    assert isinstance(m, ActorMention)
    assert (m.canonical, m.inter, m.kind, m.country) == ("Military Forces of Turkey", "State forces", "personnel",
                                                         "Turkey")
    (m,) = find_actors("أعلن الجيش التركي", "Syria")
    assert (m.canonical, m.kind) == ("Military Forces of Turkey", "state")


def test_words_that_are_not_actors():
    assert names("ضربة على القاعدة الجوية", "Yemen") == []  # the base, not Al-Qaeda
    assert names("أعلن عن تحالف صالح والحوثي", "Yemen") == ["Houthis"]  # "تحالف" without article: no coalition
    assert names("أطلق عصيان مدني مفتوح", "Iraq") == []
    assert names("استهدف مطار عسكري", "Syria") == []
    # longer names that contain an actor word but name no armed actor
    assert names("اجتمع الائتلاف الوطني السوري في إسطنبول", "Syria") == []
    assert names("دعا مجلس الأمن إلى التهدئة", "Yemen") == []
    assert names("بعد صلاة المغرب", "Egypt") == []


# --- finding: the country decides ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "country", "expected"),
    [
        ("الجيش", "Yemen", "Military Forces of Yemen"),
        ("الجيش", "Iraq", "Military Forces of Iraq"),
        ("الشرطة", "Egypt", "Police Forces of Egypt"),
        ("قوات الأمن", "Egypt", "Police Forces of Egypt"),
        ("قوات الأمن", "Iraq", "Military Forces of Iraq"),  # codebook: قوات الأمن العراقية
        ("التحالف", "Yemen", "Saudi-led Coalition"),
        ("طيران التحالف", "Syria", "Global Coalition Against Daesh"),
        ("المقاومة", "Yemen", "Popular Resistance"),
        ("الانقلابيين", "Yemen", "Houthis"),
        ("المتمردين", "Turkey", "PKK: Kurdistan Workers Party"),
        ("القوات الكردية", "Syria", "YPG: People's Protection Units"),
        ("القوات الكردية", "Iraq", "Peshmerga: Kurdistan Regional Government"),
        ("الجيش الوطني", "Libya", "LNA: Libyan National Army"),
        ("قوات الاحتلال", "Palestine", "Military Forces of Israel"),
        ("المدنيين", "Sudan", "Civilians (Sudan)"),
        ("المتظاهرين", "Lebanon", "Protesters (Lebanon)"),
        ("مثيري الشغب", "Iraq", "Rioters (Iraq)"),
        ("الجيش", "YE", "Military Forces of Yemen"),  # ISO codes work too
        ("الجيش", "the United States", "Military Forces of the United States"),
    ],
)
def test_country_dependent_words(word, country, expected):
    assert names(f"قال {word} أمس", country) == [expected]


def test_country_dependent_words_without_a_country():
    assert names("قال الجيش إن الشرطة", None) == []
    assert names("التحالف", "Egypt") == []  # no coalition is meant in an Egyptian report
    assert names("قتل مدنيين", None) == ["Civilians"]


def test_country_actor_function():
    assert country_actor("police", "Iraq") == "Police Forces of Iraq"
    assert country_actor("military", "United Kingdom") == "Military Forces of the United Kingdom"
    assert country_actor("civilians", "Yemen") == "Civilians (Yemen)"
    assert country_actor("civilians", None) == "Civilians"
    assert country_actor("military", None) == ""
    assert country_actor("coalition", "Egypt") == ""
    assert country_actor("tribes", "Yemen") == "Unidentified Tribal Militia (Yemen)"
    with pytest.raises(KeyError):
        country_actor("no such group", "Iraq")


def test_foreign_forces_by_adjective():
    assert names("نفذت الطائرات الروسية غارات", "Syria") == ["Military Forces of Russia"]
    assert names("عبر جنود مصريون الحدود", "Libya") == ["Military Forces of Egypt"]
    assert names("أعلنت الشرطة التركية", "Syria") == ["Police Forces of Turkey"]
    assert names("قال الرئيس الأمريكي", "Iran") == ["Government of the United States"]


def test_country_names_and_capitals():
    assert names("قصفت إسرائيل مواقع", "Syria") == ["Military Forces of Israel"]
    assert names("وصل الوفد إلى إسرائيل", "Syria") == []  # a place after a preposition
    assert names("أعلنت واشنطن", "Syria") == ["Government of the United States"]
    assert names("زار الوزير موسكو", "Syria") == []
    # a country named in its own news is a place, not an actor
    r = roles("تفجيرات العراق أودت بحياة مدنيين", "تفجيرات", "Iraq")
    assert r.actor1 == ""


# --- unidentified actors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("هاجم مسلحون مجهولون الحاجز", "Unidentified Armed Group"),
        ("اختطف مسلحين مجهولي الهوية", "Unidentified Armed Group"),
        ("أطلق مجهولون النار", "Unidentified Armed Group"),
        ("قصف طيران مجهول البلدة", "Unidentified Military Forces"),
        ("استهدفت طائرات حربية مجهولة الهوية", "Unidentified Military Forces"),
        ("قصفت الطائرات الحربية المجهولة", "Unidentified Military Forces"),
        ("قصف طيران غير معروف", "Unidentified Military Forces"),
        ("شنت طائرة مسيرة مجهولة غارة", "Unidentified Military Forces"),
        ("غارات مجهولة على المعبر", "Unidentified Military Forces"),
    ],
)
def test_unidentified(sentence, expected):
    assert names(sentence, "Syria") == [expected]


# --- roles -----------------------------------------------------------------------------------------------------


def test_subject_of_the_trigger_verb_and_owner_of_the_target():
    assert pair("شنت طائرات التحالف غارات على مواقع لـ داعش", "شنت", "Syria") == (
        "Global Coalition Against Daesh", "Islamic State")
    assert pair("قصفت قوات النظام بلدات يسيطر عليها الجيش الحر", "قصفت", "Syria") == (
        "Military Forces of Syria", "Syrian opposition armed groups")


def test_subject_before_the_verb():
    assert pair("المسلحون الحوثيون اقتحموا مقر الشرطة في المدينة", "اقتحموا", "Yemen") == (
        "Houthis", "Police Forces of Yemen")
    # SVO: the word right after the verb is its object
    assert pair("وكانت قوات الجيش قد حاصرت المتمردين في الوادي", "حاصرت", "Yemen") == (
        "Military Forces of Yemen", "Houthis")


def test_istahdafa_object_is_the_target():
    assert pair("استهدف قصف مدفعي تجمعات لقوات النظام", "استهدف", "Syria") == ("", "Military Forces of Syria")
    assert pair("استهدف مسلحون مجهولون دورية للجيش", "استهدف", "Iraq") == (
        "Unidentified Armed Group", "Military Forces of Iraq")
    assert pair("استهدفت مدفعية الجيش التركي مواقع الوحدات الكردية", "استهدفت", "Syria") == (
        "Military Forces of Turkey", "YPG: People's Protection Units")


@pytest.mark.parametrize("prep", ["على", "ضد", "بحق"])
def test_target_prepositions(prep):
    s = f"نفذت القوات العراقية حملة {prep} عناصر داعش في الصحراء"
    assert pair(s, "حملة", "Iraq") == ("Military Forces of Iraq", "Islamic State")


@pytest.mark.parametrize(
    "sentence",
    [
        "قتل ثلاثة مدنيين بقصف من قبل قوات النظام",
        "قتل ثلاثة مدنيين على يد قوات النظام",
        "قتل ثلاثة مدنيين بنيران قوات النظام",
        "قتل ثلاثة مدنيين في قصف شنته قوات النظام",
    ],
)
def test_passive_agents(sentence):
    assert pair(sentence, "قتل", "Syria") == ("Military Forces of Syria", "Civilians (Syria)")


def test_genitive_agent_of_an_attack_noun():
    assert pair("أدى قصف قوات النظام إلى دمار واسع", "قصف", "Syria") == ("Military Forces of Syria", "")
    assert pair("تصدت القوات الحكومية لهجوم شنه مسلحو حركة الشباب", "لهجوم", "Somalia") == (
        "Al-Shabaab", "Military Forces of Somalia")


def test_repelled_attack():
    assert pair("صدت المقاومة الشعبية هجوما للحوثيين على الجبهة الغربية", "صدت", "Yemen") == (
        "Houthis", "Popular Resistance")


def test_casualties_of_a_named_group_are_its_losses():
    assert pair("مقتل عناصر من حزب الله بغارة إسرائيلية", "مقتل", "Lebanon") == ("", "Hezbollah")
    assert pair("قتل 13 مسلحا من ميليشيات الحوثي في مواجهات", "قتل", "Yemen") == ("", "Houthis")
    assert pair("عشرات الحوثيين سقطوا بين قتيل وجريح", "سقطوا", "Yemen") == ("", "Houthis")


@pytest.mark.parametrize(
    ("victims", "country"),
    [("مدنيين", "Syria"), ("أطفال", "Yemen"), ("سكان القرية", "Sudan"), ("الأهالي", "Iraq")],
)
def test_victim_nouns_are_civilians_and_never_act(victims, country):
    s = f"قتلت ميليشيا الدعم السريع {victims} في هجوم"
    r = roles(s, "قتلت", country)
    assert r.actor2 == f"Civilians ({country})"
    assert r.inter2 == "Civilians"
    # victims at the head of the sentence are still the target
    assert pair(f"{victims} قتلوا في القصف", "قتلوا", country) == ("", f"Civilians ({country})")


def test_gunmen_of_a_named_group_are_that_group():
    assert pair("هاجم مسلحون من داعش حاجزا للجيش", "هاجم", "Iraq") == ("Islamic State", "Military Forces of Iraq")
    assert names("اشتبك مسلحين حوثيين مع الجيش", "Yemen") == ["Houthis", "Military Forces of Yemen"]
    # a soldier or policeman "in" a named force is that force
    assert pair("اغتال مسلحون مجهولون ضابطا في الأمن العام", "اغتال", "Syria") == (
        "Unidentified Armed Group", "Police Forces of Syria")


def test_soldiers_counted_after_a_casualty_verb_are_the_victims():
    assert pair("وقتل شرطيان في هجوم على حاجز", "وقتل", "Turkey") == ("", "Police Forces of Turkey")
    assert pair("قتلت الشرطة متظاهرين اثنين", "قتلت", "Sudan") == ("Police Forces of Sudan", "Protesters (Sudan)")


def test_object_after_verb_and_subject():
    s = "خطفت هيئة تحرير الشام، يوم الجمعة، مجموعة من عناصر الجيش الحر"
    assert pair(s, "خطفت", "Syria") == ("Hayat Tahrir al-Sham", "Syrian opposition armed groups")


def test_relative_verb_of_another_noun():
    s = "اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون باتجاه جازان"
    assert pair(s, "اعترضت", "Saudi Arabia") == ("Military Forces of Saudi Arabia", "Houthis")
    s = "أصيب جنديان بانفجار لغم زرعه عناصر حزب العمال الكردستاني"
    assert pair(s, "أصيب", "Turkey") == ("PKK: Kurdistan Workers Party", "Military Forces of Turkey")


def test_nationality_as_people_only_when_counted():
    assert names("استشهد ثلاثة فلسطينيين", "Palestine") == ["Civilians (Palestine)"]
    assert names("هاجم مستوطنون منازل الفلسطينيين", "Palestine") == ["Settlers (Israel)", "Civilians (Palestine)"]
    assert names("أبطل خبراء أتراك العبوة", "Turkey") == []


def test_support_and_joint_actors():
    r = roles("شن الجيش اليمني بدعم من طيران التحالف العربي هجوما على مواقع الحوثيين", "هجوما", "Yemen")
    assert (r.actor1, r.actor2) == ("Military Forces of Yemen", "Houthis")
    assert r.assoc_actor_1 == ("Saudi-led Coalition",)
    r = roles("قوات الأمن والحشد الشعبي استعادت السيطرة على القرية من داعش", "استعادت", "Iraq")
    assert (r.actor1, r.actor2) == ("Military Forces of Iraq", "Islamic State")
    assert r.assoc_actor_1 == ("Popular Mobilization Forces",)


def test_clash_between_two_sides():
    s = "اندلعت اشتباكات بين الجيش الليبي وقوات حفتر جنوب طرابلس"
    assert pair(s, "اشتباكات", "Libya") == ("Military Forces of Libya", "LNA: Libyan National Army")
    s = "تدور معارك بين القوات الحكومية والمقاومة من جهة، والمتمردين الحوثيين من جهة أخرى"
    r = roles(s, "معارك", "Yemen")
    assert (r.actor1, r.actor2) == ("Military Forces of Yemen", "Houthis")
    assert r.assoc_actor_1 == ("Popular Resistance",)


def test_apposition_does_not_act():
    s = "هاجمت جبهة النصرة، فرع تنظيم القاعدة في سوريا، مقرا للجيش الحر"
    assert pair(s, "هاجمت", "Syria") == ("Hayat Tahrir al-Sham", "Syrian opposition armed groups")


def test_speaker_acts_only_when_nothing_else_does():
    s = "أعلن المتحدث باسم الجيش الصومالي مقتل خمسة من مسلحي حركة الشباب"
    assert pair(s, "مقتل", "Somalia") == ("Military Forces of Somalia", "Al-Shabaab")
    s = "قال الجيش الصومالي إن مسلحي حركة الشباب هاجموا قاعدة"
    assert pair(s, "هاجموا", "Somalia")[0] == "Al-Shabaab"


def test_another_clause_is_another_event():
    # the cue of another clause (شنها) loses to the subject of the trigger's own clause
    s = "سقطت قذائف على الحي في غارات شنها طيران التحالف، فيما هاجم الحوثيون مواقع الجيش في تعز"
    assert pair(s, "هاجم", "Yemen") == ("Houthis", "Military Forces of Yemen")
    # and a doer far back in another clause is the doer only when the trigger's clause names none
    s = "قصف طيران التحالف مواقع في صعدة، فيما هاجم مسلحون مجهولون نقطة للشرطة في تعز"
    assert pair(s, "هاجم", "Yemen") == ("Unidentified Armed Group", "Police Forces of Yemen")


# --- attribution and claims ---------------------------------------------------------------------------------


def test_suspected_air_force():
    s = "شنت طائرات حربية مجهولة غارات على مواقع للميليشيات الإيرانية وترجح تقارير وقوف سلاح الجو الإسرائيلي وراءها"
    r = roles(s, "غارات", "Syria")
    assert (r.actor1, r.actor2, r.actor1_attributed) == (
        "Unidentified Military Forces", "Iran-backed militias", "Military Forces of Israel")


def test_believed_to_belong_to():
    s = "طائرات حربية يعتقد أنها تابعة للتحالف الدولي قصفت مقرا لهيئة تحرير الشام"
    r = roles(s, "قصفت", "Syria")
    assert (r.actor1, r.actor2, r.actor1_attributed) == (
        "Unidentified Military Forces", "Hayat Tahrir al-Sham", "Global Coalition Against Daesh")
    # a suspicion about the target is not an attribution
    s = "قصفت طائرات التحالف الدولي مواقع يعتقد أنها تابعة لداعش"
    r = roles(s, "قصفت", "Syria")
    assert (r.actor1, r.actor2, r.actor1_attributed) == ("Global Coalition Against Daesh", "Islamic State", "")


def test_believed_to_be_a_country():
    r = roles("قصفت طائرات يعتقد أنها روسية سوقا شعبية", "قصفت", "Syria")
    assert (r.actor1, r.actor1_attributed) == ("Unidentified Military Forces", "Military Forces of Russia")


def test_attributed_by_the_authorities():
    s = "قتل شرطيان في هجوم على حاجز نسبته السلطات إلى حزب العمال الكردستاني"
    r = roles(s, "قتل", "Turkey")
    assert (r.actor1, r.actor2, r.actor1_attributed) == (
        "Unidentified Armed Group", "Police Forces of Turkey", "PKK: Kurdistan Workers Party")


def test_accusation():
    s = "اتهمت الحكومة اليمنية الحوثيين بقصف الأحياء السكنية في تعز"
    r = roles(s, "بقصف", "Yemen")
    assert (r.actor1, r.actor1_attributed) == ("Unidentified Armed Group", "Houthis")


def test_claim_makes_the_claimant_act():
    s = "انفجرت سيارة مفخخة في السوق ما أدى إلى مقتل عشرة أشخاص في هجوم تبناه تنظيم داعش"
    r = roles(s, "انفجرت", "Iraq")
    assert (r.actor1, r.actor2, r.actor1_attributed) == ("Islamic State", "Civilians (Iraq)", "")
    s = "أعلنت حركة الشباب مسؤوليتها عن التفجير الذي استهدف فندقا"
    assert roles(s, "التفجير", "Somalia").actor1 == "Al-Shabaab"


def test_attribution_and_claim_helpers_for_neighbouring_sentences():
    assert find_attribution("وتشير تقارير غربية إلى أن الطيران الإسرائيلي يقف وراء الغارات", "Syria") == \
        "Military Forces of Israel"
    assert find_attribution("قصفت قوات النظام البلدة", "Syria") == ""
    assert find_claim("وهو الهجوم الذي تبنته ولاية سيناء", "Egypt") == "Islamic State"
    assert find_claim("قصفت قوات النظام البلدة", "Syria") == ""


# --- unidentified and defaults ------------------------------------------------------------------------------


def test_unidentified_air_strike():
    r = roles("قصف طيران مجهول مواقع للحرس الثوري في البوكمال", "قصف", "Syria")
    assert (r.actor1, r.actor2) == ("Unidentified Military Forces", "Military Forces of Iran")
    assert r.inter1 == "State forces"


def test_defaults_by_event_type():
    s = "انفجرت عبوة ناسفة في السوق ما أدى إلى مقتل أربعة مدنيين"
    assert pair(s, "انفجرت", "Iraq") == ("", "Civilians (Iraq)")
    assert pair(s, "انفجرت", "Iraq", event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED") == ("Unidentified Armed Group", "Civilians (Iraq)")
    s = "غارة جوية على سوق المدينة"
    assert pair(s, "غارة", "Syria", event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike")[0] == "Unidentified Military Forces"
    s = "خرجت مظاهرات في ساحة التحرير تطالب بالإصلاح"
    assert pair(s, "مظاهرات", "Iraq", event_type="Protests", sub_event_type="Peaceful protest") == (
        "Protesters (Iraq)", "")
    s = "اقتحم المتظاهرون مبنى المحافظة وأحرقوه"
    assert pair(s, "اقتحم", "Iraq", event_type="Riots")[0] == "Rioters (Iraq)"
    s = "قتل متظاهر في الاحتجاجات وسط المدينة"
    assert pair(s, "قتل", "Iraq", event_type="Protests", sub_event_type="Excessive force against protesters") == (
        "Police Forces of Iraq", "Protesters (Iraq)")
    # strategic developments have no default doer
    assert pair("تم تعزيز النقاط", "تعزيز", "Iraq", event_type="Strategic developments")[0] == ""


def test_no_trigger_span():
    s = "قصفت القوات الروسية مواقع لهيئة تحرير الشام"
    r = assign_roles(s, None, find_actors(s, "Syria"), "Syria")
    assert (r.actor1, r.actor2) == ("Military Forces of Russia", "Hayat Tahrir al-Sham")


def test_empty_sentence():
    assert find_actors("") == []
    assert assign_roles("", None, [], "Syria") == Roles()


# --- restored input ---------------------------------------------------------------------------------------


def test_obfuscated_input_after_restoration():
    raw = "شنّت طـائرات التحــ.ـالف غـارات على مواقـ.ـع لـ داعـ.ـش في ريف الرقــة"
    text = kashif.restore(raw).text
    assert pair(text, "غارات", "Syria") == ("Global Coalition Against Daesh", "Islamic State")
    raw = "قصــ.ف طيــران مجــ.هول مقرا للحــ.رس الثــ.وري"
    text = kashif.restore(raw).text
    assert pair(text, "قصف", "Syria") == ("Unidentified Military Forces", "Military Forces of Iran")


# --- data ---------------------------------------------------------------------------------------------------


def test_data_files_are_consistent():
    path = resources.files("kashif.extract").joinpath("data", "actors.tsv")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) > 60
    seen = set()
    for row in rows:
        assert row["inter"] in INTER_TYPES, row["name"]
        assert row["name"] not in seen, row["name"]
        seen.add(row["name"])
        assert all(m.strip() for m in row["mentions"].split("|")), row["name"]
        assert actor_inter(row["name"]) == row["inter"]
    for name in ("Houthis", "Saudi-led Coalition", "Islamic State", "Unidentified Armed Group",
                 "Military Forces of Egypt", "Popular Resistance"):
        assert name in seen
    assert actor_inter("Military Forces of Sudan") == "State forces"
    assert actor_inter("Civilians (Yemen)") == "Civilians"
    assert actor_inter("Protesters (Iraq)") == "Protesters"
    assert actor_inter("Rioters (Iraq)") == "Rioters"
    assert actor_inter("Nobody") == ""
