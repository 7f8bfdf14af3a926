"""Events a sentence names only to describe someone or to frame a time (codebook §1 and §3, README decision 9),
each next to a close sentence that reports one, which must still be extracted.

The sentences are written for these tests."""

from __future__ import annotations

from mention_helpers import assessed, occurred

# ------------------------------------------------------------- periods of years: dated by the year alone


def test_a_period_of_years_dates_by_the_year_alone() -> None:
    # "over the past centuries / the last two years" dates nothing a coder could code (README decision 9)
    centuries = "وقال الباحث إن المنطقة عرفت خلال القرون الماضية موجات من القتل والتهجير"
    assert (assessed(centuries, "القتل").report, assessed(centuries, "القتل").reason) == (False, "year_only")
    assert occurred(centuries) == []
    two_years = "وقال الباحث إن قرى المنطقة شهدت خلال العامين الماضيين هجمات على الطرق"
    assert assessed(two_years, "هجمات").reason == "year_only"
    assert occurred(two_years) == []
    # the past days are a recent time: a report
    days = "وقال الباحث إن المدينة شهدت هجمات على الطرق خلال الأيام الماضية"
    assert occurred(days) == ["Armed clash"]
    report = "قتل خمسة جنود في هجوم على حاجز قرب مدينة الرمادي أمس"
    assert occurred(report) == ["Armed clash"]


# --------------------------------------------------- relative clauses: who the people were, not a report


def test_a_verb_of_occurrence_in_a_relative_clause_describes() -> None:
    # اللواتي يتعرضن للاغتصاب: who the law is for; the week of the law dates the law, not the rapes
    law = "أقر البرلمان الأسبوع الماضي قانونا يضمن العلاج المجاني والتعويض المالي للنساء اللواتي يتعرضن للاغتصاب"
    assert not assessed(law, "للاغتصاب").report
    assert occurred(law) == []
    victims = "وتقول العائلة إن الضحايا الذين سقطوا في الهجوم لم يحصلوا على تعويض"
    assert not assessed(victims, "الهجوم").report
    assert occurred(victims) == []
    # a relative clause that counts or dates its event reports it
    counted = "وقال الطبيب إن 12 شخصا سقطوا في الهجوم الذي استهدف السوق صباح اليوم"
    assert occurred(counted)
    report = "وقالت الشرطة إن امرأتين تعرضتا للاغتصاب في قرية الحصوة مساء أمس"
    assert occurred(report) == ["Sexual violence"]


def test_the_passive_with_tam_in_a_relative_clause_describes() -> None:
    # الذين تم اختطافهم is the passive of الذين اختطفوا: judged as a verb after a relative pronoun
    story = "ويروي الكتاب قصص البحارة الذين تم اختطافهم على يد القراصنة"
    assert (assessed(story, "اختطافهم").report, assessed(story, "اختطافهم").reason) == (False, "unanchored")
    assert occurred(story) == []
    dated = "وقال المسؤول إن البحارة الذين تم اختطافهم أمس قبالة سواحل بونتلاند بخير"
    assert occurred(dated) == ["Abduction/forced disappearance"]
    main = "وتم اختطاف ثلاثة بحارة قبالة سواحل بونتلاند أمس"
    assert occurred(main) == ["Abduction/forced disappearance"]


# -------------------------------------------- temporal frames: what a temporal preposition passes through


def test_a_temporal_preposition_passes_through_approximations_and_durations() -> None:
    # بعد حوالي الأسبوعين من اختطاف، بعد نحو ساعتين من تفجير: the time of something else
    closed = "وأغلقت المدارس أبوابها بعد حوالي الأسبوعين من اختطاف المعلم"
    assert (assessed(closed, "اختطاف").report, assessed(closed, "اختطاف").reason) == (False, "background")
    arrived = "وصل الوفد إلى المدينة بعد نحو ساعتين من تفجير السيارة"
    assert assessed(arrived, "تفجير").reason == "background"
    assert occurred(arrived) == []
    # a frame whose event is placed is still reported, and so is the cause of the deaths of its clause
    placed = "قتل جنديان بعد حوالي ساعتين من اندلاع اشتباكات في حي الميدان بدمشق"
    assert occurred(placed) == ["Armed clash"]
