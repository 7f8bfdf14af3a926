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

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

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

_SEGMENT = re.compile(f"[{LETTER_CLASS}][{LETTER_CLASS}{MARK_CLASS}]*")  # a mark on a tatweel is gap
_NOT_PLAIN = re.compile(f"[\u0622\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc{''.join(LOOKALIKES)}]")
_MARK = re.compile(f"[{MARK_CLASS}]")
_TWO_MARKS = re.compile(f"[{MARK_CLASS}][^{MARK_CLASS}]*[{MARK_CLASS}]")
_STAND_IN = re.compile(f"[A-Za-z|]|[{LETTER_CLASS}{MARK_CLASS}][0-9\u0660-\u0669][{LETTER_CLASS}]")
_MARKS = frozenset(DIACRITICS)
RARE_LOGP = -5.5  # zipf 3.5: a joined word commoner than this leaves no room for a replaced letter
_JOINING_GAPS = (Gap.TATWEEL, Gap.INVISIBLE, Gap.STRONG)


def segments(region: str) -> list[tuple[int, int]] | None:
    """The letter runs of a region, or None if it may hold a stand-in (a Latin letter, ال3راق)."""
    if _STAND_IN.search(region):
        return None
    return [m.span() for m in _SEGMENT.finditer(region)]


def decide_plain(region: str, segs: list[tuple[int, int]], lex: Lexicon, after_number: Callable[[], bool],
                 near_phrase: Callable[[int], bool], persian_line: Callable[[], bool]) -> tuple[Runs, Words] | None:
    """Plain letters (ordinary marks allowed) broken by strong gaps, decided without search."""
    if _NOT_PLAIN.search(region):
        return None  # look-alikes, forms, or an آ that may be misused
    marked = _MARK.search(region) is not None
    words = [region[s:e] for s, e in segs]
    bare = [strip_marks(w) for w in words] if marked else words
    gaps: list[tuple[int, int, str, bool]] = []  # start, end, kind, joins two equal letters
    weak: list[int] = []
    hard = False
    doubled_at = -1  # the gap that joins two equal letters (-2: more than one does)
    all_tatweel = True
    e1 = segs[0][1]
    for k in range(1, len(segs)):
        s2, e2 = segs[k]
        gap = region[e1:s2]
        cls, kind = gap_info(gap, ZWNJ in gap and persian_line())
        if cls is Gap.WEAK:
            weak.append(k - 1)
        elif cls is Gap.HARD:
            hard = True
        else:
            doubled = bare[k - 1][-1:] == bare[k][:1]
            if doubled:
                doubled_at = len(gaps) if doubled_at == -1 else -2
            if kind != "tatweel":
                all_tatweel = False
            gaps.append((e1, s2, kind, doubled))
        e1 = e2
    if weak:
        if gaps or hard or any(_weak_join(bare[k], bare[k + 1], lex) for k in weak):
            return None  # a weak gap that may close, or beside other gaps: the full decision
        return [], []  # punctuation between whole words (الإسرائيلي.من، حزيران/يونيو): nothing to undo
    if not gaps:
        return [], []  # nothing but hard boundaries (لـ«الشرق», لـ 3): nothing to undo
    if hard:
        return None
    if marked and _TWO_MARKS.search(region) and is_diacritic_spam(_units("".join(words))):
        return None
    if doubled_at == -2:
        return None
    plain = "".join(bare)
    dedup = None
    if doubled_at >= 0:
        cut = sum(len(w) for w in bare[: doubled_at + 1])
        dedup = plain[:cut] + plain[cut + 1 :]
    use_dedup = False
    if dedup is not None or not all_tatweel:
        if len(bare[0]) <= 2 and region[gaps[0][0]] == TATWEEL and after_number():
            return None  # maybe 1436هـ،...: let the full decision look
        # plain and dedup hold letters only (no mark, tatweel or invisible): they are lexicon keys as they are
        lp_plain = lex.known_key(plain)
        lp_dedup = lex.known_key(dedup) if dedup is not None else None
        if lp_plain is None and lp_dedup is None:
            return None
        use_dedup = lp_dedup is not None and (lp_plain is None or lp_dedup + DOUBLED_LETTER_PRIOR > lp_plain)
        best = lp_dedup if use_dedup else lp_plain
        if best is not None and best < RARE_LOGP and near_phrase(len(dedup if use_dedup else plain) + 1):
            return None  # a rare reading beside a word that names a phrase: was a letter replaced? (القـ،،،ـام)
    runs: Runs = []
    for k, (gs, ge, kind, doubled) in enumerate(gaps):
        if doubled and use_dedup:
            # drop the gap and the repeated letter after it (with its marks)
            s2, e2 = segs[k + 1]
            i = s2 + 1
            while i < e2 and region[i] in _MARKS:
                i += 1
            runs.append((gs, i, "", "doubled_letter"))
        elif not marked:
            runs.append((gs, ge, "", kind))  # (a gap is never empty)
        else:
            runs.extend((a, b, "", kind) for a, b in _without_marks(region, gs, ge))
    return runs, [(segs[0][0], segs[-1][1])]


def _without_marks(region: str, s: int, e: int) -> list[tuple[int, int]]:
    """The runs of region[s:e] that are not marks: a mark carried by a tatweel stays (تـُحكم -> تُحكم)."""
    if _MARK.search(region, s, e) is None:
        return [(s, e)] if e > s else []
    out: list[tuple[int, int]] = []
    i = s
    while i < e:
        while i < e and region[i] in _MARKS:
            i += 1
        j = i
        while j < e and region[j] not in _MARKS:
            j += 1
        if j > i:
            out.append((i, j))
        i = j
    return out


@lru_cache(maxsize=4096)
def gap_info(gap: str, persian_line: bool) -> tuple[Gap, str]:
    """The class of a gap and the kind of edit that closing it is."""
    cls = classify_gap(gap, persian_line)
    return cls, gap_kind(gap, cls)


def _weak_join(a: str, b: str, lex: Lexicon) -> bool:
    """Would the full decision close this weak gap? Only into a well-attested word, never at initials."""
    if len(a) == 1 or len(b) == 1:
        return False
    return (lex.known(a + b) or -99.0) >= WEAK_JOIN_MIN_LOGP


def decide_word(region: str, seg: tuple[int, int], lex: Lexicon, persian_line: Callable[[], bool]
                ) -> tuple[Runs, Words] | None:
    """One unbroken word disguised letter by letter: forms, look-alikes, diacritic spam."""
    s, e = seg
    word = region[s:e]
    forms = has_presentation_words(word)
    look = _LOOKALIKE.search(word) is not None and not persian_line()
    mods: Mods = []
    if forms or look:
        letters: list[tuple[int, str]] = []  # (region index, normalised letter), marks left out
        for i in range(s, e):
            c = region[i]
            if c in _MARKS:
                continue
            if forms and is_presentation_form(c):
                norm = _nfkc(c)
                mods.append((i, norm, "presentation_form"))
            elif look and c in LOOKALIKES:
                norm = LOOKALIKES[c]
                mods.append((i, norm, "lookalike"))
            else:
                norm = c
            letters.append((i, norm))
        bare = "".join(n for _i, n in letters)
    else:  # nothing to read differently: the letters are the word without its marks
        letters = []
        bare = word.translate(_DROP_MARKS)
    if _TRIPLE.search(bare):
        return None  # repeated letters: the full decision weighs them
    if look and letters and region[letters[-1][0]] in LOOKALIKE_ALTERNATIVES:
        i, norm = letters[-1]
        alt = LOOKALIKE_ALTERNATIVES[region[i]]
        with_alt = bare[:-1] + alt
        if lex.logp(with_alt) + FINAL_YEH_PRIOR > lex.logp(bare):
            mods = [(j, alt if j == i else r, k) for j, r, k in mods]
    if _TWO_MARKS.search(word) is not None:  # spam needs two marked letters at least
        units = _units(word)
        if is_diacritic_spam(units):
            keep = _kept_mark_index(region, s, e, units)
            mods.extend((i, "", "diacritic_spam") for i in range(s, e) if region[i] in _MARKS and i != keep)
    if not mods:
        return [], []
    return runs_of(mods), [(s, e)]


_LOOKALIKE = re.compile(f"[{''.join(LOOKALIKES)}]")
_TRIPLE = re.compile(r"(.)\1\1", re.DOTALL)  # a letter three times in a row
_DROP_MARKS = {ord(c): None for c in DIACRITICS}
_NFKC: dict[str, str] = {}


def _nfkc(c: str) -> str:
    """NFKC of a presentation form, remembered."""
    norm = _NFKC.get(c)
    if norm is None:
        norm = _NFKC[c] = unicodedata.normalize("NFKC", c)
    return norm


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
