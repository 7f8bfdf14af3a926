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
RelEdit = tuple[int, int, str, str, str]  # region-relative start, end; original, replacement, kind
RelHidden = tuple[int, int, tuple[str, ...]]  # a restored word: start, end, the kinds of edit inside it
Decided = tuple[tuple[RelEdit, ...], tuple[RelHidden, ...]]  # a region's edits and words, both in order


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

# A gap: what lies between two letter runs. It opens with a character that is neither a letter nor a mark (or
# with a mark at the region's start, where no letter carries it) and runs to the next letter, so a mark on a
# tatweel (بـِ) belongs to the gap, as in the full decision.
_GAP_SPLIT = re.compile(f"((?:[^{LETTER_CLASS}{MARK_CLASS}]|\\A[{MARK_CLASS}])[^{LETTER_CLASS}]*)")
_NOT_PLAIN = re.compile(f"[\u0622\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc{''.join(LOOKALIKES)}]")
_MARK = re.compile(f"[{MARK_CLASS}]")
_NOT_PLAIN_OR_MARK = re.compile(f"{_NOT_PLAIN.pattern[:-1]}{MARK_CLASS}]")
_TWO_MARKS = re.compile(f"[{MARK_CLASS}][^{MARK_CLASS}]*[{MARK_CLASS}]")
STAND_IN = re.compile(f"[A-Za-z|]|[{LETTER_CLASS}{MARK_CLASS}][0-9\u0660-\u0669][{LETTER_CLASS}]")
_MARKS = frozenset(DIACRITICS)
RARE_LOGP = -5.5  # zipf 3.5: a joined word commoner than this leaves no room for a replaced letter


def pieces(region: str) -> list[str]:
    """The region cut into its letter runs (with their marks) and the gaps between them:
    ``[run, gap, run, ..., gap, run]``, where the first and last run are empty if the region opens or ends
    with a gap. A region with a Latin letter or a digit inside a word (a stand-in) is cut the same way; the
    caller sends it to the full decision."""
    return _GAP_SPLIT.split(region)


def decide_pieces(region: str, parts: list[str], lex: Lexicon, after_number: Callable[[], bool],
                  near_phrase: Callable[[int], bool], persian_line: Callable[[], bool]) -> Decided | None:
    """Decide a region from its :func:`pieces` on a fast path if it has the shape of one, else None."""
    first = 0 if parts[0] else 2  # index of the first letter run in ``parts``
    last = len(parts) - 1 if parts[-1] else len(parts) - 3
    if last < first:
        return (), ()  # no letters
    start = len(parts[1]) if first else 0
    if last == first:
        return decide_word(region, start, start + len(parts[first]), lex, persian_line)
    return decide_plain(region, parts, first, last, start, lex, after_number, near_phrase, persian_line)


def decide_plain(region: str, parts: list[str], first: int, last: int, start: int, lex: Lexicon,
                 after_number: Callable[[], bool], near_phrase: Callable[[int], bool],
                 persian_line: Callable[[], bool]) -> Decided | None:
    """Plain letters (ordinary marks allowed) broken by strong gaps, decided without search.

    ``parts[first:last + 1]`` alternate letter runs and gaps, the first run starting at ``start``."""
    if _NOT_PLAIN_OR_MARK.search(region) is None:
        marked = False
    elif _NOT_PLAIN.search(region):
        return None  # look-alikes, forms, or an آ that may be misused
    else:
        marked = True
    words = parts[first : last + 1 : 2]
    bare = [strip_marks(w) for w in words] if marked else words
    gaps: list[tuple[int, int, str, bool]] = []  # start, end, kind, joins two equal letters
    weak: list[int] = []
    hard = False
    doubled_at = -1  # the gap that joins two equal letters (-2: more than one does)
    all_tatweel = True
    gs = start + len(words[0])
    k = 0
    for i in range(first + 1, last, 2):
        gap = parts[i]
        ge = gs + len(gap)
        info = _GAP_INFO.get(gap)
        if info is None:
            info = gap_info(gap, ZWNJ in gap and persian_line())
        cls = info[0]
        if cls is Gap.WEAK:
            weak.append(k)
        elif cls is Gap.HARD:
            hard = True
        else:
            if bare[k][-1] == bare[k + 1][0]:  # the gap joins two equal letters
                doubled_at = len(gaps) if doubled_at == -1 else -2
                gaps.append((gs, ge, info[1], True))
            else:
                gaps.append((gs, ge, info[1], False))
            if cls is not Gap.TATWEEL:
                all_tatweel = False
        k += 1
        gs = ge + len(parts[i + 1])
    end = gs  # the end of the last letter run
    if weak:
        if gaps or hard or any(_weak_join(bare[k], bare[k + 1], lex) for k in weak):
            return None  # a weak gap that may close, or beside other gaps: the full decision
        return (), ()  # punctuation between whole words (الإسرائيلي.من، حزيران/يونيو): nothing to undo
    if not gaps:
        return (), ()  # nothing but hard boundaries (لـ«الشرق», لـ 3): nothing to undo
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
        chosen = dedup if use_dedup and dedup is not None else plain
        if best is not None and best < RARE_LOGP and near_phrase(len(chosen) + 1):
            return None  # a rare reading beside a word that names a phrase: was a letter replaced? (القـ،،،ـام)
    edits: list[RelEdit] = []
    kinds = set()
    for gs, ge, kind, doubled in gaps:
        if doubled and use_dedup:
            # drop the gap and the repeated letter after it (with its marks)
            i = ge + 1
            while i < end and region[i] in _MARKS:
                i += 1
            edits.append((gs, i, region[gs:i], "", "doubled_letter"))
            kinds.add("doubled_letter")
        elif not marked:
            edits.append((gs, ge, region[gs:ge], "", kind))  # (a gap is never empty)
            kinds.add(kind)
        else:
            for a, b in _without_marks(region, gs, ge):
                edits.append((a, b, region[a:b], "", kind))
                kinds.add(kind)
    if not edits:
        return (), ()
    return tuple(edits), ((start, end, tuple(sorted(kinds))),)


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


_GAP_INFO: dict[str, tuple[Gap, str]] = {}  # gaps with no ZWNJ, whose class never depends on the line


def gap_info(gap: str, persian_line: bool) -> tuple[Gap, str]:
    """The class of a gap and the kind of edit that closing it is."""
    cls = classify_gap(gap, persian_line)
    info = cls, gap_kind(gap, cls)
    if ZWNJ not in gap and len(_GAP_INFO) < 4096:
        _GAP_INFO[gap] = info
    return info


def _weak_join(a: str, b: str, lex: Lexicon) -> bool:
    """Would the full decision close this weak gap? Only into a well-attested word, never at initials."""
    if len(a) == 1 or len(b) == 1:
        return False
    return (lex.known(a + b) or -99.0) >= WEAK_JOIN_MIN_LOGP


def decide_word(region: str, s: int, e: int, lex: Lexicon, persian_line: Callable[[], bool]) -> Decided | None:
    """One unbroken word, ``region[s:e]``, disguised letter by letter: forms, look-alikes, diacritic spam."""
    word = region[s:e]
    forms = has_presentation_words(word)
    look = _LOOKALIKE.search(word) is not None and not persian_line()
    mods: Mods = []
    if forms or look:  # each form or look-alike read as its Arabic letter; marks left out of ``bare``
        reading, bare_table = _READINGS[forms, look]
        get = reading.get
        for i, c in enumerate(word, s):
            r = get(c)
            if r is not None:
                mods.append((i, *r))
        bare = word.translate(bare_table)
    else:  # nothing to read differently: the letters are the word without its marks
        bare = word.translate(_DROP_MARKS)
    if _TRIPLE.search(bare):
        return None  # repeated letters: the full decision weighs them
    i = e - 1
    while region[i] in _MARKS:  # the last letter
        i -= 1
    if look and region[i] in LOOKALIKE_ALTERNATIVES:
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
        return (), ()
    runs = runs_of(mods)
    return (
        tuple((rs, re_, region[rs:re_], repl, kind) for rs, re_, repl, kind in runs),
        ((s, e, tuple(sorted({run[3] for run in runs}))),),
    )


_LOOKALIKE = re.compile(f"[{''.join(LOOKALIKES)}]")
_TRIPLE = re.compile(r"(.)\1\1", re.DOTALL)  # a letter three times in a row
_DROP_MARKS: dict[int, str | None] = {ord(c): None for c in DIACRITICS}


def _readings() -> dict[tuple[bool, bool], tuple[dict[str, tuple[str, str]], dict[int, str | None]]]:
    """For (forms, look-alikes): how each character is read (its Arabic letter, the kind of edit), and the
    translation table that gives the word's letters without marks."""
    forms = {
        chr(o): (unicodedata.normalize("NFKC", chr(o)), "presentation_form")
        for o in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]
        if is_presentation_form(chr(o))
    }
    look = {c: (a, "lookalike") for c, a in LOOKALIKES.items() if c not in forms}
    out = {}
    for key, reading in (((True, False), forms), ((False, True), look), ((True, True), {**look, **forms})):
        out[key] = (reading, {**_DROP_MARKS, **{ord(c): r for c, (r, _kind) in reading.items()}})
    return out


_READINGS = _readings()


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
