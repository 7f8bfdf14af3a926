"""Fast paths: the regions whose decision needs no search, decided in a few lookups.

Most regions in real text are one of two shapes. Letters broken only by filler, tatweel or invisibles
(``هــ.دد``، ``غـ،ـزة``, at most one doubled letter at a break) whose joined form the lexicon knows: the full
programme would join them too, since keeping a strong gap costs more than any known word. Or one word
whose letters are disguised without any break (presentation forms, Persian look-alikes, diacritic spam).
Anything else, or any doubt, returns None and goes to :class:`kashif.restore.decide.RegionDecider`.

Both return character edits as (region index, replacement, kind) and the word spans they restored, the
same currency as the full decision, so edits are assembled in one place.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

from kashif.restore.badness import Gap, classify_gap, is_diacritic_spam, kept_tanween
from kashif.restore.candidates import (
    DOUBLED_LETTER_PRIOR,
    LETTER_CLASS,
    MARK_CLASS,
    gap_kind,
    has_presentation_words,
)
from kashif.restore.chardata import (
    DIACRITICS,
    LOOKALIKE_ALTERNATIVES,
    LOOKALIKES,
    TATWEEL,
    ZWNJ,
    is_presentation_form,
)
from kashif.restore.decide import FINAL_YEH_PRIOR, WEAK_JOIN_MIN_LOGP
from kashif.restore.lexicon import Lexicon, strip_marks

Mods = list[tuple[int, str, str]]  # (region index, replacement, kind), one per character
Runs = list[tuple[int, int, str, str]]  # (start, end, replacement, kind) over the region, in order
Words = list[tuple[int, int]]


def runs_of(mods: Mods) -> Runs:
    """Merge per-character edits into runs of adjacent characters with the same kind."""
    by_index: dict[int, tuple[str, str]] = {}
    for idx, repl, kind in mods:
        by_index.setdefault(idx, (repl, kind))
    runs: Runs = []
    for idx in sorted(by_index):
        repl, kind = by_index[idx]
        if runs and runs[-1][1] == idx and runs[-1][3] == kind:
            s, _e, r, k = runs[-1]
            runs[-1] = (s, idx + 1, r + repl, k)
        else:
            runs.append((idx, idx + 1, repl, kind))
    return runs

_SEGMENT = re.compile(f"[{LETTER_CLASS}{MARK_CLASS}]+")
_PLAIN = re.compile(f"[\u0621-\u063a\u0641-\u064a{MARK_CLASS}]+")
_STAND_IN = re.compile(f"[A-Za-z|]|[{LETTER_CLASS}{MARK_CLASS}][0-9\u0660-\u0669][{LETTER_CLASS}]")
_MARKS = frozenset(DIACRITICS)
_JOINING_GAPS = (Gap.TATWEEL, Gap.INVISIBLE, Gap.STRONG)


def segments(region: str) -> list[tuple[int, int]] | None:
    """The letter runs of a region, or None if it may hold a stand-in (a Latin letter, ال3راق)."""
    if _STAND_IN.search(region):
        return None
    return [m.span() for m in _SEGMENT.finditer(region)]


def decide_plain(region: str, segs: list[tuple[int, int]], lex: Lexicon, after_number: bool,
                 near_phrase: Callable[[int], bool], persian_line: Callable[[], bool]) -> tuple[Runs, Words] | None:
    """Plain letters (ordinary marks allowed) broken by strong gaps, decided without search."""
    words = [region[s:e] for s, e in segs]
    if any(not _PLAIN.fullmatch(w) or "آ" in w for w in words):
        return None  # look-alikes, forms, or an آ that may be misused
    gaps: list[tuple[int, int, str, bool]] = []  # start, end, kind, joins two equal letters
    weak: list[int] = []
    hard = False
    for k, ((_s1, e1), (s2, _e2)) in enumerate(itertools.pairwise(segs)):
        gap = region[e1:s2]
        cls = classify_gap(gap, ZWNJ in gap and persian_line())
        if cls is Gap.WEAK:
            weak.append(k)
            continue
        if cls is Gap.HARD:
            hard = True
            continue
        left, right = words[k], words[k + 1]
        gaps.append((e1, s2, gap_kind(gap, cls), strip_marks(left)[-1:] == strip_marks(right)[:1]))
    if weak:
        if gaps or hard or any(_weak_join(words[k], words[k + 1], lex) for k in weak):
            return None  # a weak gap that may close, or beside other gaps: the full decision
        return [], []  # punctuation between whole words (الإسرائيلي.من، حزيران/يونيو): nothing to undo
    if not gaps:
        return [], []  # nothing but hard boundaries (لـ«الشرق», لـ 3): nothing to undo
    if hard or sum(doubled for *_x, doubled in gaps) > 1:
        return None
    if sum(1 for c in region if c in _MARKS) >= 2 and is_diacritic_spam(_units("".join(words))):
        return None
    plain = strip_marks("".join(words))
    dedup = None
    for k, (_s, _e, _kind, doubled) in enumerate(gaps):
        if doubled:
            cut = sum(len(strip_marks(w)) for w in words[: k + 1])
            dedup = plain[:cut] + plain[cut + 1 :]
    use_dedup = False
    if dedup is not None or any(kind != "tatweel" for _s, _e, kind, _d in gaps):
        if len(strip_marks(words[0])) <= 2 and after_number and region[gaps[0][0]] == TATWEEL:
            return None  # maybe 1436هـ،...: let the full decision look
        lp_plain = lex.known(plain)
        lp_dedup = lex.known(dedup) if dedup is not None else None
        if lp_plain is None and lp_dedup is None:
            return None
        use_dedup = lp_dedup is not None and (lp_plain is None or lp_dedup + DOUBLED_LETTER_PRIOR > lp_plain)
        if near_phrase(len(dedup if use_dedup else plain) + 1):
            return None  # a neighbour names a phrase: a letter may have been replaced (القـ،،،ـام)
    runs: Runs = []
    for k, (gs, ge, kind, doubled) in enumerate(gaps):
        if doubled and use_dedup:
            # drop the gap and the repeated letter after it (with its marks)
            s2, e2 = segs[k + 1]
            i = s2 + 1
            while i < e2 and region[i] in _MARKS:
                i += 1
            runs.append((gs, i, "", "doubled_letter"))
        else:
            runs.append((gs, ge, "", kind))
    return runs, [(segs[0][0], segs[-1][1])]


def _weak_join(left: str, right: str, lex: Lexicon) -> bool:
    """Would the full decision close this weak gap? Only into a well-attested word, never at initials."""
    a, b = strip_marks(left), strip_marks(right)
    if len(a) == 1 or len(b) == 1:
        return False
    return (lex.known(a + b) or -99.0) >= WEAK_JOIN_MIN_LOGP


def decide_word(region: str, seg: tuple[int, int], lex: Lexicon, persian_line: Callable[[], bool]
                ) -> tuple[Runs, Words] | None:
    """One unbroken word disguised letter by letter: forms, look-alikes, diacritic spam."""
    s, e = seg
    word = region[s:e]
    forms = has_presentation_words(word)
    look = any(c in LOOKALIKES for c in word) and not persian_line()
    mods: Mods = []
    letters: list[tuple[int, str]] = []  # (region index, normalised letter), marks left out
    for i in range(s, e):
        c = region[i]
        if c in _MARKS:
            continue
        if forms and is_presentation_form(c):
            norm = unicodedata.normalize("NFKC", c)
            mods.append((i, norm, "presentation_form"))
        elif look and c in LOOKALIKES:
            norm = LOOKALIKES[c]
            mods.append((i, norm, "lookalike"))
        else:
            norm = c
        letters.append((i, norm))
    bare = "".join(n for _i, n in letters)
    if any(bare[k] == bare[k + 1] == bare[k + 2] for k in range(len(bare) - 2)):
        return None  # repeated letters: the full decision weighs them
    if look and letters and region[letters[-1][0]] in LOOKALIKE_ALTERNATIVES:
        i, norm = letters[-1]
        alt = LOOKALIKE_ALTERNATIVES[region[i]]
        with_alt = bare[:-1] + alt
        if lex.logp(with_alt) + FINAL_YEH_PRIOR > lex.logp(bare):
            mods = [(j, alt if j == i else r, k) for j, r, k in mods]
    units = _units(word)
    if is_diacritic_spam(units):
        keep = _kept_mark_index(region, s, e, units)
        mods.extend((i, "", "diacritic_spam") for i in range(s, e) if region[i] in _MARKS and i != keep)
    if not mods:
        return [], []
    return runs_of(mods), [(s, e)]


def _units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for c in word:
        if c in _MARKS:
            if units:
                units[-1] = (units[-1][0], units[-1][1] + c)
        elif c != TATWEEL:
            units.append((c, ""))
    return units


def _kept_mark_index(region: str, s: int, e: int, units: list[tuple[str, str]]) -> int | None:
    unit = kept_tanween(units)
    if unit is None:
        return None
    pos = -1
    for i in range(s, e):
        c = region[i]
        if c not in _MARKS:
            pos += 1
        elif pos == unit and c == "\u064b":
            return i
    return None
