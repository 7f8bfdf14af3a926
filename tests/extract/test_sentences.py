"""Sentence and clause splitting with spans into the input."""

from __future__ import annotations

import pytest

from kashif.extract.sentences import sentence_spans, split_clauses, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_spans_point_into_the_input() -> None:
    text = "  قصفت المدفعية القرية.   ثم انسحبت القوات!\n\nوعاد الهدوء؟ نعم  "
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["قصفت المدفعية القرية.", "ثم انسحبت القوات!", "وعاد الهدوء؟", "نعم"]
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert sentence_spans(text) == [(s.start, s.end) for s in sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations of agencies and titles, initials, decimals, URLs: no cut inside
        ("ذكرت (د.ب.أ) أن الانفجار وقع ظهراً. وأضافت أن الشرطة طوقت المكان.",
         ["ذكرت (د.ب.أ) أن الانفجار وقع ظهراً.", "وأضافت أن الشرطة طوقت المكان."]),
        ("قال أ. د. سامي الخطيب إن النسبة بلغت 3.5 في المئة. وانتهى الاجتماع.",
         ["قال أ. د. سامي الخطيب إن النسبة بلغت 3.5 في المئة.", "وانتهى الاجتماع."]),
        ("صرح د.مراد للصحافيين بأن الوضع مستقر. وتابع حديثه.",
         ["صرح د.مراد للصحافيين بأن الوضع مستقر.", "وتابع حديثه."]),
        ("التفاصيل على www.example.org في الموقع. شكراً", ["التفاصيل على www.example.org في الموقع.", "شكراً"]),
        ("عمان ـ أ.ف.ب: أعلنت السلطات حظر التجول.", ["عمان ـ أ.ف.ب: أعلنت السلطات حظر التجول."]),
        # question and exclamation marks, runs of them
        ("هل انتهت المعارك؟! لا أحد يعرف.", ["هل انتهت المعارك؟!", "لا أحد يعرف."]),
        # a headline separator ".." followed by a space cuts; inside a word it does not
        ("العراق.. مقتل خمسة في هجوم", ["العراق..", "مقتل خمسة في هجوم"]),
        # line breaks always cut
        ("عنوان الخبر\nنص الخبر الأول", ["عنوان الخبر", "نص الخبر الأول"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_short_quotations_stay_whole() -> None:
    text = "وقال القائد «انتهت المرحلة الأولى. الثانية تبدأ غداً» قبل أن يغادر. وانتهى المؤتمر."
    assert texts(text) == [
        "وقال القائد «انتهت المرحلة الأولى. الثانية تبدأ غداً» قبل أن يغادر.",
        "وانتهى المؤتمر.",
    ]
    straight = 'أكد "لن نتراجع. أبداً" ثم صمت. النهاية'
    assert texts(straight) == ['أكد "لن نتراجع. أبداً" ثم صمت.', "النهاية"]


def test_a_long_quotation_is_cut_inside() -> None:
    body = " ".join(["جملة طويلة جداً في البيان."] * 30)
    text = f"قال المتحدث «{body}» وانتهى."
    assert len(split_sentences(text)) > 1


def test_closing_quote_stays_with_its_sentence() -> None:
    assert texts("قال: «انسحبنا.» ثم سكت.") == ["قال: «انسحبنا.»", "ثم سكت."]


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_clauses() -> None:
    text = "هدد الرئيس، في بيان، بقصف المواقع فيما نفى الجيش ذلك وقال إن الطائرات لم تقصف؛ ثم انسحب"
    clauses = [c.text for c in split_clauses(text)]
    assert clauses == [
        "هدد الرئيس، في بيان، بقصف المواقع",
        "فيما نفى الجيش ذلك",
        "وقال إن الطائرات لم تقصف؛",
        "ثم انسحب",
    ]
    with_commas = [c.text for c in split_clauses("هدد الرئيس، في بيان، بقصف المواقع", commas=True)]
    assert with_commas == ["هدد الرئيس،", "في بيان،", "بقصف المواقع"]


def test_clauses_of_a_sentence_inside_a_text() -> None:
    text = "مقدمة. اشتبكت القوات في حين انسحب المسلحون. خاتمة"
    s = split_sentences(text)[1]
    clauses = split_clauses(text, s.start, s.end)
    assert [c.text for c in clauses] == ["اشتبكت القوات", "في حين انسحب المسلحون."]
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_time_colon_is_not_a_clause_break() -> None:
    text = "وقع الانفجار في الساعة 10:30 صباحاً"
    assert [c.text for c in split_clauses(text)] == [text]
