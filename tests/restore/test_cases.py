"""Data-driven cases, ftfy-style: in the wild, negative (must not change), synthetic, known failures."""

from __future__ import annotations

import pytest
from casefiles import read_cases

import kashif
from kashif.restore.offsets import apply_edits

WILD = read_cases("in_the_wild.tsv")
NEGATIVE = [row[0] for row in read_cases("negative.txt")]
SYNTHETIC = read_cases("synthetic.tsv")
KNOWN_FAILURES = read_cases("known_failures.tsv")


@pytest.mark.parametrize(("text", "expected", "kind"), WILD, ids=[r[0][:24] for r in WILD])
def test_in_the_wild(text: str, expected: str, kind: str) -> None:
    r = kashif.restore(text)
    assert r.text == expected
    assert kind in {e.kind for e in r.edits}
    assert r.hidden_words, "a restored word must be reported as hidden"
    assert apply_edits(text, r.edits) == r.text


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:24] for t in NEGATIVE])
def test_negative_cases_are_left_alone(text: str) -> None:
    r = kashif.restore(text)
    assert r.text == text
    assert r.edits == []
    assert r.hidden_words == []
    assert r.evasion_score == 0.0


@pytest.mark.parametrize(("text", "expected"), SYNTHETIC, ids=[r[0][:24] for r in SYNTHETIC])
def test_synthetic(text: str, expected: str) -> None:
    assert kashif.restore(text).text == expected


@pytest.mark.parametrize(("text", "expected", "why"), KNOWN_FAILURES, ids=[r[0][:24] for r in KNOWN_FAILURES])
@pytest.mark.xfail(strict=True, reason="known failure; see cases/known_failures.tsv")
def test_known_failures(text: str, expected: str, why: str) -> None:
    assert kashif.restore(text).text == expected
