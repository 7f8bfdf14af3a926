"""A writer's habits are kept: characters a text uses throughout are its spelling, not a disguise."""

import kashif

RLM = "\u200f"


def test_a_persian_keyboards_final_yeh_is_kept_throughout_a_text() -> None:
    # typed on a Persian keyboard: every final alef maksura is a Persian yeh (three words, none with ى)
    text = "وصل الدكتور مصطفی إلی جامعة الملك سعود، وقدم العزاء للدكتورة هدی بنت سعيد."
    r = kashif.restore(text)
    assert r.text == text
    assert r.hidden_words == []
    assert r.evasion_score == 0


def test_one_disguised_final_yeh_is_still_restored() -> None:
    r = kashif.restore("انتقل المقاتلون إلی الجبهة الشرقية بعد قصف المدينة")
    assert r.text == "انتقل المقاتلون إلى الجبهة الشرقية بعد قصف المدينة"
    assert r.hidden_words == ["إلى"]


def test_a_final_yeh_against_the_texts_own_alef_maksura_is_a_disguise() -> None:
    # two final ی, but the text writes ى in three other words: the ی words were changed on purpose
    text = "مضى المسلحون إلی القرى الأخرى حتى وصلوا إلی الحدود"
    r = kashif.restore(text)
    assert r.text == "مضى المسلحون إلى القرى الأخرى حتى وصلوا إلى الحدود"
    assert r.hidden_words == ["إلى", "إلى"]


def test_the_habit_covers_final_yeh_only_not_persian_letters_inside_words() -> None:
    text = "وصل مصطفی إلی مدینة حلب وقال هدی"
    r = kashif.restore(text)
    assert r.text == "وصل مصطفی إلی مدينة حلب وقال هدی"
    assert r.hidden_words == ["مدينة"]


def test_an_editors_bidi_marks_after_a_joined_conjunction_are_kept() -> None:
    # the editor put an RLM at the start of words, so also after the conjunction و written joined
    text = f"أعلن {RLM}المجلس {RLM}تشكيل قيادة مدنية و{RLM}فتح المعابر"
    r = kashif.restore(text)
    assert r.text == text
    assert r.hidden_words == []


def test_a_bidi_mark_inside_a_word_is_removed_even_where_the_editor_uses_them() -> None:
    text = f"أعلن {RLM}المجلس {RLM}تشكيل قيادة مدنية بعد قص{RLM}ف المعابر"
    r = kashif.restore(text)
    assert r.text == f"أعلن {RLM}المجلس {RLM}تشكيل قيادة مدنية بعد قصف المعابر"
    assert r.hidden_words == ["قصف"]


def test_a_bidi_mark_after_a_conjunction_is_removed_in_a_text_without_the_habit() -> None:
    r = kashif.restore(f"أعلن المجلس تشكيل قيادة مدنية و{RLM}قصف المعابر")
    assert r.text == "أعلن المجلس تشكيل قيادة مدنية وقصف المعابر"
    assert r.hidden_words == ["وقصف"]


def test_the_keyboards_final_yeh_is_kept_where_it_stands_for_yeh_too() -> None:
    # the same keyboard writes ی at the end of في and علي: those are its spelling as well
    text = "وصل الدكتور مصطفی إلی جامعة الملك سعود فی الرياض، وقدم العزاء للدكتورة هدی وأخيها علی."
    r = kashif.restore(text)
    assert r.text == text
    assert r.hidden_words == []
