"""Property tests: the restorer's invariants hold for any text, and for text broken by the obfuscator."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kashif
from kashif.restore.obfuscate import TRICKS, obfuscate
from kashif.restore.offsets import apply_edits

ARABIC = "".join(chr(c) for c in [*range(0x0621, 0x063B), *range(0x0640, 0x0653)])
SOUP = ARABIC + " .,،*$ـ\u200b\u200cکیﺍﻝ123abc\n«»\"-/#@"


@lru_cache(maxsize=1)
def common_words() -> list[str]:
    import wordfreq

    return [w for w in wordfreq.top_n_list("ar", 3000) if len(w) >= 3 and w.isalpha()][:2000]


def sentences() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(common_words()), min_size=3, max_size=25).map(" ".join)


@given(st.text(alphabet=SOUP, max_size=200))
@settings(max_examples=300, deadline=None)
def test_edits_rebuild_the_text_and_offsets_are_in_bounds(text: str) -> None:
    r = kashif.restore(text)
    assert apply_edits(text, r.edits) == r.text
    previous = 0
    for i in range(len(r.text) + 1):
        o = r.to_original(i)
        assert previous <= o <= len(text)
        previous = o
    for e in r.edits:
        assert text[e.start : e.end] == e.original
    assert 0.0 <= r.evasion_score <= 1.0


@given(sentences(), st.integers(0, 10_000), st.sampled_from(sorted(TRICKS)))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hidden_words_point_at_their_obfuscated_form(text: str, seed: int, trick: str) -> None:
    broken_text, broken = obfuscate(text, rate=0.3, seed=seed, tricks=[trick])
    r = kashif.restore(broken_text)
    assert apply_edits(broken_text, r.edits) == r.text
    spans = {(b.start, b.end) for b in broken}
    for h in r.hidden:
        assert r.original_span(h.start, h.end) == (h.original_start, h.original_end)
        assert broken_text[h.original_start : h.original_end] == h.original
        assert kashif.search_key(r.text[h.start : h.end]) == r.text[h.start : h.end] or h.word
    # every word the restorer reports covers a broken word or is one the obfuscator broke
    for h in r.hidden:
        assert any(s <= h.original_start < e or h.original_start <= s < h.original_end for s, e in spans)


@given(sentences())
@settings(max_examples=200, deadline=None)
def test_clean_text_is_never_changed(text: str) -> None:
    r = kashif.restore(text)
    assert r.text == text
    assert r.edits == []


@given(sentences(), st.integers(0, 10_000))
@settings(max_examples=100, deadline=None)
def test_restoring_is_idempotent(text: str, seed: int) -> None:
    once = kashif.restore(obfuscate(text, rate=0.4, seed=seed)[0]).text
    assert kashif.restore(once).text == once
