"""The restorer caches region decisions: a cached decision must be exactly the one made afresh."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import sentences

import kashif
from kashif.restore.obfuscate import obfuscate
from kashif.restore.restorer import clear_cache


def outcome(text: str) -> tuple:
    """Everything restore() reports about ``text``."""
    r = kashif.restore(text)
    return r.text, r.edits, r.hidden, r.evasion_score


def fresh(text: str) -> tuple:
    clear_cache()
    return outcome(text)


def test_same_region_decided_by_its_context() -> None:
    # After a number, هـ، may be the era abbreviation (1436 هـ،): the same characters are only joined
    # elsewhere. Whichever is seen first, the other must not reuse its decision.
    plain, dated = "قال هـ،دد الجيش", "عام 1436 هـ،دد الجيش"
    assert fresh(plain)[0] == "قال هدد الجيش"
    assert fresh(dated)[0] == dated
    for first, second in ((plain, dated), (dated, plain)):
        want = fresh(second)
        clear_cache()
        kashif.restore(first)
        assert outcome(second) == want
        assert outcome(second) == want  # and once more, from the cache


def test_persian_line_is_asked_again() -> None:
    # A look-alike is undone in an Arabic line and kept in a Persian one.
    arabic = "قصف الطيران الحربی على مدينة ادلب"
    persian = "این خبر در تهران منتشر شد و الحربی از آن استقبال کردند"
    for first, second in ((arabic, persian), (persian, arabic)):
        want = fresh(second)
        clear_cache()
        kashif.restore(first)
        assert outcome(second) == want


@given(sentences(), st.integers(0, 10_000), st.integers(0, 10_000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cached_decisions_equal_fresh_ones(text: str, seed: int, shuffle_seed: int) -> None:
    broken = obfuscate(text, rate=0.5, seed=seed)[0]
    words = broken.split()
    random.Random(shuffle_seed).shuffle(words)
    # the same broken words in other places: other neighbours, after numbers, on a Persian line
    primers = [" ".join(words), " ".join(f"{i} {w}" for i, w in enumerate(words, 1436)),
               "این خبر در تهران منتشر شد " + " ".join(words)]
    want = fresh(broken)
    clear_cache()
    for primer in primers:
        kashif.restore(primer)
    assert outcome(broken) == want
    for primer in primers:  # and the primers, now decided from what the broken text left in the cache
        got = outcome(primer)
        assert got == fresh(primer)
