"""Candidates: find the places that may hide a word, and the readings each could have.

A *region* is a stretch of text around a suspicious character: a whitespace-delimited token, extended across
spaces that sit inside a filler run (``المقـ. .ـاومة``). Inside it, *segments* are runs of Arabic letters
(with their diacritics) and *gaps* the material between two segments. A reading of a group of segments says
how each gap inside the group is realised (removed, a doubled letter dropped, a stand-in read as a letter,
a replaced letter put back) and which letters are read differently (look-alikes, a misused آ).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from kashif.restore.badness import Gap, classify_gap, is_diacritic_spam
from kashif.restore.chardata import (
    DIACRITICS,
    INVISIBLES,
    LOOKALIKE_ALTERNATIVES,
    LOOKALIKES,
    STAND_IN_CAPITALS,
    STAND_INS,
    TATWEEL,
    is_presentation_form,
)

LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufefc"
MARK_CLASS = "\u064b-\u065f\u0670\u06d6-\u06ed"
_INV_CLASS = "".join(f"\\u{ord(c):04x}" for c in INVISIBLES)
_LOOK_CLASS = "".join(LOOKALIKES)
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

# The scan for sites that may hide a word runs on every text, so each pattern starts with a character class
# of its own (the regular-expression engine skips ahead fast to such a class; an alternation of them it
# would try at every position). Python-level checks then drop the sites clean text is full of.
_AR = "\u0621-\u063a\u0641-\u064a"  # plain Arabic letters
# tatweel, invisibles, look-alikes, presentation forms
_RARE = f"\u0640{_INV_CLASS}{_LOOK_CLASS}\ufb50-\ufd3d\ufd40-\ufdef\ufe70-\ufefc"
# Anything but a letter: punctuation, symbols, digits, arrows, dingbats, emoji.
_NON_LETTER = (
    "!-/:-@\\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u205e\u2100-\u2bff\u2e00-\u2e7f\u3000-\u303f"
    "\ufe10-\ufe6f\uff01-\uff0f\u060c\u061b\u061f\u066a-\u066d\u06d4\U0001f000-\U0001faff"
    + _DIGITS
)
# One pass finds every site: it starts with the class of all characters a site can begin with (so the engine
# skips ahead fast between them), then says which kind of site this is.
_SITE_START = f"{_RARE}{MARK_CLASS}A-Za-z|{_NON_LETTER}"
SITE = re.compile(
    f"[{_SITE_START}](?:"
    f"(?<=[{_RARE}])\\S*"  # tatweel, an invisible, a look-alike, a form: the token is a site, skip it
    f"|(?<=[{MARK_CLASS}])(?=[{_AR}{MARK_CLASS}]*[{MARK_CLASS}])"  # a word with two marks or more
    f"|(?<=[{_AR}][A-Za-z|])|(?<=[A-Za-z|])(?=[{_AR}])"  # a Latin stand-in glued to an Arabic word
    f"|(?<=[{_AR}{MARK_CLASS}][{_NON_LETTER}])(?=[{_NON_LETTER}]*[{_AR}]))"  # filler between two letters
)
_NON_LETTER_RUN = re.compile(f"[{_NON_LETTER}]+")
SPACED_LETTERS = re.compile(f"(?:^|(?<=\\s))[{_AR}](?:[ \u00a0][{_AR}]){{2,}}(?!\\S)")
_SPACED_PROBE = re.compile(f"[ \u00a0\n][{_AR}][ \u00a0][{_AR}][ \u00a0][{_AR}](?!\\S)")
# The same with a plain space, or a line break, before the letters: a literal first character lets the engine
# skip ahead fast. Text with no no-break space needs no more than these two.
_SPACED_AFTER_SPACE = re.compile(f" [{_AR}] [{_AR}] [{_AR}](?!\\S)")
_SPACED_AFTER_LINE = re.compile(f"\n[{_AR}] [{_AR}] [{_AR}](?!\\S)")


ITEM = re.compile(
    # a mark with no letter before it (on a tatweel: بـِ) is part of the gap, not a segment
    f"(?P<L>[{LETTER_CLASS}][{LETTER_CLASS}{MARK_CLASS}]*)|(?P<X>[A-Za-z|]+)|(?P<N>[{_DIGITS}]+)"
    f"|(?P<F>[^{LETTER_CLASS}A-Za-z|{_DIGITS}]+)"
)
_MARKS = frozenset(DIACRITICS)
_AR_SET = frozenset(chr(c) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)])
_RARE_SET = frozenset(TATWEEL + INVISIBLES + "".join(LOOKALIKES)) | frozenset(
    chr(c) for c in [*range(0xFB50, 0xFD3E), *range(0xFD40, 0xFDF0), *range(0xFE70, 0xFEFD)]
)
_ASCII_DIGITS = {c: str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {c: str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}


def has_spaced_letters(text: str) -> bool:
    """May ``text`` hold a word spelled out in single letters (ق ص ف)? A cheap first test."""
    if "\u00a0" in text:
        return bool(_SPACED_PROBE.search(text) or SPACED_LETTERS.match(text))
    return bool(_SPACED_AFTER_SPACE.search(text) or _SPACED_AFTER_LINE.search(text) or SPACED_LETTERS.match(text))



def find_sites(text: str) -> list[int]:
    """Positions where a word may be hidden, in order. Empty for most clean text."""
    sites: list[int] = []
    checked_to = -1  # the end of the last word checked for diacritic spam
    for m in SITE.finditer(text):
        s = m.start()
        c = text[s]
        if c in _RARE_SET or (c.isascii() and (c.isalpha() or c == "|")):
            sites.append(s)
        elif c in _MARKS:
            if s > checked_to:
                checked_to, spam = _spam_token(text, s)
                if spam:
                    sites.append(s)
        else:
            run = _NON_LETTER_RUN.match(text, s)
            if run is not None and classify_gap(run.group()) is not Gap.HARD:
                sites.append(s)
    return sites


_TOKEN_END = re.compile(r"\s")  # what ends a token


def _spam_token(text: str, pos: int) -> tuple[int, bool]:
    """Does the word around ``pos`` (which has two marks or more) look like diacritic spam?
    Returns where the word ends, and the answer."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    m = _TOKEN_END.search(text, pos)
    end = m.start() if m else len(text)
    token = text[start:end]
    spam = _SPAM_TOKENS.get(token)
    if spam is None:
        units: list[tuple[str, str]] = []
        for c in token:
            if c in _MARKS:
                if units:
                    units[-1] = (units[-1][0], units[-1][1] + c)
            elif c in _AR_SET:
                units.append((c, ""))
        spam = is_diacritic_spam(units)
        if len(_SPAM_TOKENS) >= 16_384:
            _SPAM_TOKENS.clear()
        _SPAM_TOKENS[token] = spam
    return end, spam


_SPAM_TOKENS: dict[str, bool] = {}  # vocalised words recur (هجوماً، الله): their verdicts, remembered


def token_start(text: str, pos: int) -> int:
    """Start of the whitespace-delimited token that holds ``pos``."""
    s = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    if _TOKEN_END.search(text, s, pos) is None:
        return s
    while pos > 0 and not text[pos - 1].isspace():  # a rarer space (tab, no-break space) is nearer
        pos -= 1
    return pos


def region_bounds(text: str, pos: int) -> tuple[int, int]:
    """The region around ``pos``: its token, extended across spaces inside a filler run."""
    n = len(text)
    start = token_start(text, pos)
    m = _TOKEN_END.search(text, pos)
    end = m.start() if m else n
    while end < n and _is_filler(text[end - 1]):  # extend right: "المقـ." + " " + ".ـاومة"
        j = end
        while j < n and j - end < 3 and text[j] in " \t\u00a0":
            j += 1
        if j == end or j >= n or text[j].isspace() or not _is_filler(text[j]):
            break
        m = _TOKEN_END.search(text, j)
        end = m.start() if m else n
    while start > 0 and _is_filler(text[start]):  # extend left
        j = start
        while j > 0 and start - j < 3 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == start or j == 0 or text[j - 1].isspace() or not _is_filler(text[j - 1]):
            break
        start = token_start(text, j)
    return start, end


_FILLER_MEMO: dict[str, bool] = {}


def _is_filler(c: str) -> bool:
    try:
        return _FILLER_MEMO[c]
    except KeyError:
        filler = c == TATWEEL or (not c.isspace() and not c.isalnum() and unicodedata.category(c)[0] != "M")
        if len(_FILLER_MEMO) < 4096:
            _FILLER_MEMO[c] = filler
        return filler


@dataclass
class Segment:
    start: int  # region-relative
    end: int
    chars: list[tuple[int, str]]  # (region index, normalised letter or mark) for the lexicon
    letters: list[tuple[str, str]] = field(default_factory=list)  # (letter, marks) units, normalised
    text: str = ""  # the normalised characters joined: what the segment adds to a word
    rest: str = ""  # the same without the first letter and its marks (a doubled letter dropped)

    def __post_init__(self) -> None:
        chars = self.chars
        self.text = "".join(c for _, c in chars)
        i = 1
        while i < len(chars) and chars[i][1] in _MARKS:
            i += 1
        self.rest = "".join(c for _, c in chars[i:])


@dataclass
class Reading:
    """One way of reading a group of segments as a single word."""

    word: str  # normalised, with marks
    score: float
    mods: list[tuple[int, str, str]]  # (region index, replacement, kind)
    inserted: bool = False


def normalise_char(ch: str, forms: bool, lookalikes: bool) -> str:
    if forms and is_presentation_form(ch):
        return unicodedata.normalize("NFKC", ch)
    if lookalikes and ch in LOOKALIKES:
        return LOOKALIKES[ch]
    return ch


def itemize(region: str) -> list[tuple[str, int, int]]:
    return [(m.lastgroup or "F", m.start(), m.end()) for m in ITEM.finditer(region)]


def stand_in_readings(latin: str, limit: int = 16) -> list[str]:
    """Arabic readings of a short run of Latin letters or one digit (داعـSh -> ش, lرهاب -> ا)."""
    latin = "".join(_ASCII_DIGITS.get(c, c) for c in latin)
    out: list[str] = []

    def walk(i: int, acc: str) -> None:
        if len(out) >= limit:
            return
        if i == len(latin):
            out.append(acc)
            return
        if i + 1 < len(latin):
            for r in STAND_INS.get(latin[i : i + 2].lower(), ()):
                walk(i + 2, acc + r)
        ch = latin[i]
        options = STAND_IN_CAPITALS.get(ch, ()) + STAND_INS.get(ch.lower(), ())
        for r in dict.fromkeys(options):
            walk(i + 1, acc + r)

    walk(0, "")
    return out


DOUBLED_LETTER_PRIOR = -1.5  # log10 prior that a letter on both sides of a break was doubled to hide it


def gap_options(region: str, gs: int, ge: int, gap_class: Gap, left: Segment, right: Segment
                ) -> list[tuple[str, float, str, bool]]:
    """How the gap region[gs:ge] may be realised when its two segments are joined.

    Each option: (realisation, log10 prior, kind, drops the right segment's first letter).
    """
    gap = region[gs:ge]
    opts: list[tuple[str, float, str, bool]] = []
    kind = gap_kind(gap, gap_class)
    latin = "".join(c for c in gap if c.isdigit() or (c.isascii() and c.isalpha()))
    if latin:
        if len(latin) <= 3:
            opts.extend((r, -1.0, "lookalike", False) for r in stand_in_readings(latin))
        opts.append(("", -1.5, "filler", False))
    else:
        opts.append(("", 0.0, kind, False))
    if left.letters and right.letters and left.letters[-1][0] == right.letters[0][0]:
        opts.append(("", DOUBLED_LETTER_PRIOR, "doubled_letter", True))
    return opts


def gap_kind(gap: str, gap_class: Gap) -> str:
    """Name the trick a joined gap undid: stretching, invisible characters, or filler."""
    if gap_class is Gap.TATWEEL:
        return "tatweel"
    if gap_class is Gap.INVISIBLE or all(c in _INVISIBLE_OR_TATWEEL for c in gap):
        return "zero_width"
    return "filler"


_INVISIBLE_OR_TATWEEL = frozenset(INVISIBLES + TATWEEL)


def build_word(segments: list[Segment], gaps: list[int], choices: Sequence[tuple[str, float, str, bool]]
               ) -> tuple[str, float, int]:
    """The lexicon string for segments joined by ``choices``; returns (word, prior, letters dropped)."""
    parts = [segments[0].text]
    prior = 0.0
    for k, (real, p, _kind, drop) in enumerate(choices):
        prior += p
        nxt = segments[k + 1]
        parts.append(real)
        parts.append(nxt.rest if drop else nxt.text)
    return "".join(parts), prior, 0


def join_mods(region: str, segments: list[Segment], gap_spans: list[tuple[int, int]],
              choices: Sequence[tuple[str, float, str, bool]]) -> list[tuple[int, str, str]]:
    """The character edits (region-relative) that join the segments with ``choices``."""
    mods: list[tuple[int, str, str]] = []
    for k, (real, _p, kind, drop) in enumerate(choices):
        gs, ge = gap_spans[k]
        placed = False
        for i in range(gs, ge):
            if region[i] in _MARKS:
                continue  # a mark carried by a tatweel stays, on the letter before it (تـُحكم -> تُحكم)
            mods.append((i, "" if placed else real, kind))
            placed = True
        if drop:
            nxt = segments[k + 1].chars
            i = 1
            while i < len(nxt) and nxt[i][1] in _MARKS:
                i += 1
            for idx, _c in nxt[:i]:
                mods.append((idx, "", kind))
    return mods


def combos(options: list[list[tuple[str, float, str, bool]]], limit: int = 256):
    return itertools.islice(itertools.product(*options), limit)


def letter_units(chars: list[tuple[int, str]]) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for _, c in chars:
        if c in _MARKS and units:
            units[-1] = (units[-1][0], units[-1][1] + c)
        elif c in _MARKS:
            units.append(("", c))
        else:
            for ch in c:
                units.append((ch, ""))
    return units


_FORMS_BEYOND_LAM_ALEF = re.compile("[\ufb50-\ufdef\ufe70-\ufef4]")


def has_presentation_words(region: str) -> bool:
    """Does the region use presentation forms beyond the lam-alef ligatures legacy text is full of?"""
    return _FORMS_BEYOND_LAM_ALEF.search(region) is not None


FINAL_YEH_ALTERNATIVES = LOOKALIKE_ALTERNATIVES
TATWEEL_CHAR = TATWEEL
