"""Unit tests of the restorer: one per trick and per hard negative, the API, offsets and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

import kashif
from kashif.restore.offsets import apply_edits

SHARED = Path(__file__).resolve().parents[3] / "shared"


def restored(text: str) -> str:
    return kashif.restore(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هــ.دد", "هدد"),  # tatweel run + dot
        ("مصــ..رع", "مصرع"),  # two dots
        ("المقـ. .ـاومة", "المقاومة"),  # spaces inside the filler run
        ("الاستشـ. .ـ.هاديين", "الاستشهاديين"),
        ("غـ،ـزة", "غزة"),  # Arabic comma
        ("ر.فـ،ـح", "رفح"),  # bare dot plus a comma run in one word
        ("دولا$ر", "دولار"),  # a symbol
        ("مش.هد", "مشهد"),  # a bare dot
        ("قصـ٬ـف", "قصف"),  # Arabic thousands separator
        ("قصـ…ـف", "قصف"),  # ellipsis character
        ("قصـ•ـف", "قصف"),  # a symbol nobody listed: filler is a class, not a list
        ("فـ.ـلـ.ـسـ.ـطـ.ـيـ.ـن", "فلسطين"),  # every letter split
    ],
)
def test_filler_inside_words(text: str, expected: str) -> None:
    r = kashif.restore(text)
    assert r.text == expected
    assert r.hidden_words == [expected]
    assert all(e.kind == "filler" for e in r.edits)


def test_zero_width_and_bidi_inside_words() -> None:
    for ch in ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\u061c", "\u00ad"]:
        r = kashif.restore(f"قوات الجيـ{ch}ش")
        assert r.text == "قوات الجيـش".replace("ـ", ""), repr(ch)
        assert "zero_width" in {e.kind for e in r.edits}


def test_bidi_mark_between_words_is_kept() -> None:
    text = "قال\u200f: إن القصف توقف"
    assert restored(text) == text


def test_persian_lookalikes_in_arabic_text() -> None:
    r = kashif.restore("قصف الطيران الحربی على مدينة ادلب")
    assert r.text == "قصف الطيران الحربي على مدينة ادلب"
    assert r.hidden_words == ["الحربي"]
    assert restored("سقط صاروخ علی المبنى") == "سقط صاروخ على المبنى"  # final ی may be ى


def test_persian_sentence_keeps_its_letters() -> None:
    text = "این خبر در تهران منتشر شد و مردم از آن استقبال کردند"
    assert restored(text) == text
    urdu = "یہ خبر کراچی میں شائع ہوئی ہے"
    assert restored(urdu) == urdu


def test_presentation_forms() -> None:
    assert restored("ﺍﻝﺡﺯﺏ") == "الحزب"
    assert restored("ﻣﻘﺘﻞ جنديين") == "مقتل جنديين"


def test_word_ligatures_are_kept() -> None:
    text = "صلى الله عليه وسلم ﷺ"
    assert restored(text) == text


def test_latin_and_digit_stand_ins() -> None:
    assert restored("تنظيم داعـSh") == "تنظيم داعش"
    assert restored("lرهاب") == "ارهاب"
    assert restored("حرب ال3راق") == "حرب العراق"


def test_clitic_before_latin_or_digit_is_kept() -> None:
    for text in ["قناة الـCNN", "فاز بـ7 أهداف", "لـ 3 سنوات", "الـ1000 جندي"]:
        assert restored(text) == text


def test_misused_alef_madda() -> None:
    assert restored("الآحـتلال") == "الاحتلال"
    assert restored("الآن بـدأ القصف") == "الآن بدأ القصف"  # a real آ stays


def test_diacritic_spam_removed_ordinary_marks_kept() -> None:
    assert restored("اًّلُقِوُاًّتًّ") == "القوات"
    assert restored("شنّ هجوماً بعد التخفّي") == "شنّ هجوماً بعد التخفّي"
    r = kashif.restore("هجوم مِشَيُرُاًْ إلى")
    assert r.text == "هجوم مشيراً إلى"  # the fathatan of ـاً survives the spam around it
    assert r.edits[0].kind == "diacritic_spam"


def test_doubled_letter_across_the_break() -> None:
    assert restored("المقاومـ.مة") == "المقاومة"
    assert restored("رئيـ.يسة الوزراء") == "رئيسة الوزراء"
    assert restored("يـ.ـهـ.ـدـ.ـد") == "يهدد"  # a real double letter is kept
    assert restored("للـ.لعلم") == "للعلم"


def test_replaced_letter_settled_by_the_neighbour() -> None:
    r = kashif.restore("كتائـ..ـب القـ،،،ـام")
    assert r.text == "كتائب القسام"
    assert "replaced_letter" in {e.kind for e in r.edits}


def test_decorative_tatweel_removed() -> None:
    r = kashif.restore("هنـــــاك")
    assert r.text == "هناك"
    assert r.edits[0].kind == "tatweel"


def test_spaced_letters() -> None:
    assert restored("ق ص ف مدفعي") == "قصف مدفعي"
    assert restored("حروف أ ب ت ث") == "حروف أ ب ت ث"  # not a word: an alphabet


@pytest.mark.parametrize(
    "text",
    [
        "د.ب", "أ.ف", "ق.م", "ص.ب", "أ.د", "د.مصطفى", "أ.د. محمد", "م.خالد",  # abbreviations and initials
        "1436هـ،", "1436 هـ، الموافق", "2014م.وقال",  # era markers after numbers
        "بـ7", "لـ 3", "بـ«الجزيرة»", 'لـ"الوطن"', "الـ(ناتو)",  # clitic before a digit or a quote
        "ـ ولله الحمد ـ",  # tatweel used as a dash
        "الطوفان.. كيف", "الإسرائيلي.من", "حزيران/يونيو", "كم/ساعة",  # punctuation between whole words
        "#قصف_حلب", "@kashif_ar", "https://t.co/abc", "a.b@example.com",
        "12,500", "3.5", "بي.إم.دبليو", "سايكس-بيكو",
        "وقد اصيب الجنود بجروح طفيفه",  # spelling mistakes are not obfuscation
    ],
)
def test_hard_negatives(text: str) -> None:
    assert restored(text) == text


def test_line_breaks_and_spacing_survive() -> None:
    text = "سطر أول فيه قصـ.ـف\r\n\nسطر ثان\tفيه  مسافتان\n"
    assert restored(text) == "سطر أول فيه قصف\r\n\nسطر ثان\tفيه  مسافتان\n"


def test_empty_and_whitespace() -> None:
    for text in ["", " ", "\n\n"]:
        r = kashif.restore(text)
        assert r.text == text
        assert r.evasion_score == 0.0


def test_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="decode"):
        kashif.restore("قصف".encode())  # type: ignore[arg-type]


def test_edits_index_the_original_and_explain_each_fix() -> None:
    text = "بعد أن هــ.دد الرئيس بقصــ.ف الموقع"
    r = kashif.restore(text)
    assert r.text == "بعد أن هدد الرئيس بقصف الموقع"
    assert [(text[e.start : e.end], e.replacement, e.kind) for e in r.edits] == [
        ("ــ.", "", "filler"),
        ("ــ.", "", "filler"),
    ]
    assert r.hidden_words == ["هدد", "بقصف"]
    assert r.evasion_score == pytest.approx(2 / 6)
    for h in r.hidden:
        assert r.original_span(h.start, h.end) == (h.original_start, h.original_end)
        assert text[h.original_start : h.original_end] in ("هــ.دد", "بقصــ.ف")
    assert apply_edits(text, r.edits) == r.text


def test_to_original_maps_every_character() -> None:
    text = "قال إن هــ.دد الرئيس"
    r = kashif.restore(text)
    for i, ch in enumerate(r.text):
        assert text[r.to_original(i)] == ch
    assert r.to_original(len(r.text)) == len(text)
    with pytest.raises(IndexError):
        r.to_original(len(r.text) + 1)


def test_search_key_folds_spelling_variants() -> None:
    k = kashif.search_key
    assert k("إِسْرَائِيلَ") == k("اسرائيل")
    assert k("مدرسة") == k("مدرسه")
    assert k("على") == k("علي")
    assert k("قصـــف") == "قصف"
    assert k("ﺍﻝﺡﺯﺏ") == "الحزب"
    assert k("الحربی") == k("الحربي")
    assert k("CNN") == "cnn"


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="../shared is not beside the checkout")
def test_seed_article_restores_exactly() -> None:
    original = (SHARED / "seed" / "deir-ez-zor-militias.txt").read_text(encoding="utf-8")
    expected = (SHARED / "seed" / "deir-ez-zor-militias.restored.txt").read_text(encoding="utf-8")
    r = kashif.restore(original)
    assert r.text == expected
    assert len(r.hidden_words) == 28
    for h in r.hidden:
        assert original[h.original_start : h.original_end] == h.original
        assert r.original_span(h.start, h.end) == (h.original_start, h.original_end)


class _Index:
    """An integer type that is not int (as NumPy's are): it only has __index__."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_offsets_accept_any_integer_type() -> None:
    r = kashif.restore("بعد أن هــ.دد الرئيس بقصــ.ف الموقع")
    start = r.text.index("هدد")
    assert r.to_original(_Index(start)) == r.to_original(start)
    assert r.original_span(_Index(start), _Index(start + 3)) == r.original_span(start, start + 3)
    with pytest.raises(TypeError):
        r.to_original(2.0)  # type: ignore[arg-type]
