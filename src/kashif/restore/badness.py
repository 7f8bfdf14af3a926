"""Heuristics: how strongly a piece of text signals obfuscation (ftfy's ``badness`` for Arabic).

Nothing here changes text. It classifies the material between two letters of a word (a *gap*), tells
diacritic spam from ordinary vocalisation, and tells a Persian or Urdu sentence (whose letters are its own)
from an Arabic one sprinkled with Persian look-alikes.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from kashif.restore.chardata import (
    CLAUSE_PUNCTUATION,
    DIACRITICS,
    HARAKAT,
    INVISIBLES,
    PERSIAN_MARKERS,
    QUOTES_AND_BRACKETS,
    SHADDA,
    TANWEEN,
    TATWEEL,
    WEAK_SEPARATORS,
    ZWNJ,
)


class Gap(Enum):
    """What the material between two letters says about the word around it."""

    HARD = "hard"  # a real boundary: numbers, quotes after a clitic, clause punctuation, line breaks
    TATWEEL = "tatweel"  # only tatweel: decorative stretching, always joined
    INVISIBLE = "invisible"  # only invisible characters
    STRONG = "strong"  # tatweel next to punctuation, symbols, invisibles: obfuscation
    WEAK = "weak"  # bare punctuation clean text also writes between words (د.ب, حزيران/يونيو)


# log10 prior of keeping a gap as a real boundary between two words, by class.
SPLIT_PRIOR = {Gap.TATWEEL: -12.0, Gap.INVISIBLE: -12.0, Gap.STRONG: -6.0, Gap.WEAK: -1.0}

_INVISIBLE = set(INVISIBLES)
_MARK_CHARS = frozenset(DIACRITICS)
_ENTITY = re.compile(r"&#?\w+;")


@lru_cache(maxsize=4096)
def classify_gap(gap: str, persian_line: bool = False) -> Gap:
    """Classify the non-letter material ``gap`` found between two Arabic letters."""
    gap = "".join(c for c in gap if c not in _MARK_CHARS)  # a mark on a tatweel (بـِ) goes with it
    if not gap.strip() or "\n" in gap or "\r" in gap:
        return Gap.HARD
    if all(c == TATWEEL for c in gap):
        return Gap.TATWEEL
    if all(c in _INVISIBLE for c in gap):
        if persian_line and ZWNJ in gap:
            return Gap.HARD  # Persian writes ZWNJ between the parts of a word on purpose
        return Gap.INVISIBLE
    digits = sum(c.isdigit() for c in gap)
    if digits > 1:
        return Gap.HARD  # a number is never filler
    stretched = gap[0] == TATWEEL and gap[-1] == TATWEEL
    if not stretched and any(c in QUOTES_AND_BRACKETS for c in gap):
        return Gap.HARD  # لـ«الشرق», الـ"ناتو", و(الحمراء)
    has_tatweel = TATWEEL in gap
    if not has_tatweel and any(c in CLAUSE_PUNCTUATION for c in gap):
        return Gap.HARD  # a missing space after ؟ ! : ;
    if any(c.isspace() for c in gap):
        # spaces inside a word's filler only come with tatweel on both sides of them: ـ. .ـ
        before, after = gap.split(None, 1)[0], gap.rsplit(None, 1)[-1]
        if TATWEEL not in before or TATWEEL not in after:
            return Gap.HARD
    if _ENTITY.search(gap) or sum(c.isascii() and c.isalpha() for c in gap) > 3:
        return Gap.HARD  # an HTML entity, a Latin word
    if has_tatweel or any(c in _INVISIBLE for c in gap) or _has_symbol(gap):
        return Gap.STRONG
    return Gap.WEAK


def _has_symbol(gap: str) -> bool:
    """A character that ordinary writing never puts between two letters of words (* $ # @ ~ ...)."""
    for c in gap:
        if c.isspace() or c in WEAK_SEPARATORS or c == TATWEEL or c in _INVISIBLE:
            continue
        if c in QUOTES_AND_BRACKETS or c in CLAUSE_PUNCTUATION:
            continue
        if c.isalnum():
            continue
        return True
    return False


_VOWELS = set(HARAKAT + TANWEEN)  # sukun counts: it says "no vowel", so it excludes the others
_SHORT = {"\u064e", "\u064f", "\u0650"}  # fatha damma kasra
_TANWEEN = set(TANWEEN)
_SUKUN = "\u0652"
_FATHATAN = "\u064b"
SPAM_MIN_SHARE = 0.5  # share of a spammed word's letters that carry marks


def is_diacritic_spam(units: list[tuple[str, str]]) -> bool:
    """Do the marks on this word show spam rather than vocalisation?

    ``units`` is the word as (letter, marks) pairs. Spam sprinkles marks over most letters at random, and
    random marks break the rules real vocalisation keeps (a vocalised Quranic quote or a line of poetry
    keeps them, and so do the one or two marks news writers add: هجوماً، التخفّي، يُطَبّق). So a word is spam
    when at least half its letters are marked and at least one mark is impossible where it stands.
    """
    letters = [u for u in units if u[0]]
    n = len(letters)
    marked = sum(1 for _, m in letters if m)
    if marked < 2 or marked < SPAM_MIN_SHARE * n:
        return False
    return any(_impossible_mark(letters, i) for i in range(n) if letters[i][1])


def kept_tanween(units: list[tuple[str, str]]) -> int | None:
    """Index of the unit whose fathatan survives spam removal: ـاً is ordinary news spelling (هجوماً), so
    a fathatan on a final alef (or on the letter before it) stays unless it is stacked with shadda."""
    letters = [i for i, u in enumerate(units) if u[0]]
    if not letters or units[letters[-1]][0] != "ا":
        return None
    for i in (letters[-1], letters[-2] if len(letters) > 1 else None):
        if i is not None and _FATHATAN in units[i][1] and SHADDA not in units[i][1]:
            return i
    return None


def _impossible_mark(letters: list[tuple[str, str]], i: int) -> bool:
    n = len(letters)
    letter, marks = letters[i]
    vowels = [m for m in marks if m in _VOWELS]
    prev = letters[i - 1] if i else ("", "")
    nxt = letters[i + 1][0] if i + 1 < n else ""
    if len(vowels) > 1 or marks.count(SHADDA) > 1:
        return True  # two vowels, or two shaddas, on one letter
    final = i == n - 1 or (i == n - 2 and letters[-1][0] in "اىةء")
    if any(m in _TANWEEN for m in marks) and not final:
        return True  # tanween only ends a word
    if _SUKUN in marks and (i == 0 or _SUKUN in prev[1]):
        return True  # no word starts with, nor runs two, quiescent letters
    if nxt == "ا" and i + 2 < n and letters[i + 2][0] != "ل" and any(m in "\u064f\u0650" for m in marks):
        return True  # the letter before a long alef takes fatha
    if nxt == "ة" and letter != "ا" and any(m in "\u064f\u0650\u0652" or m in _TANWEEN for m in marks):
        return True  # the letter before ta marbuta takes fatha
    if letter == "ا" and 0 < i < n - 1 and not (i == 1 and prev[0] in "وفبلك") and prev[0] != "ل":
        if any(m in _SHORT or m == _SUKUN for m in marks):
            return True  # a long alef inside a word carries no vowel
    if letter == "ا" and i == n - 1 and i > 0 and any(m in "\u064f\u0650" for m in marks):
        return True  # nor does one that ends it
    if i == 0 and letter == "ي" and n > 2 and "\u0650" in marks:
        return True  # the imperfect's ya takes fatha or damma, never kasra
    if i == 1 and letter == "ل" and letters[0][0] == "ا" and n > 3 and SHADDA not in marks:
        if any(m in _SHORT for m in marks):
            return True  # the article's lam takes sukun or nothing: الِ، الَ
    if i == 0 and letter == "ا" and nxt == "ل" and n > 3 and any(m in _SHORT for m in marks):
        return True  # the article's alef is hamzat wasl: vocalised text leaves it bare (الْ، ٱلْ)
    if SHADDA in marks and letter in "اىة" and prev[0] != "ل":
        return True  # a long vowel or ta marbuta cannot be doubled (لاَّ is lam-alef typed in that order)
    return False


def is_persian_line(words: list[str]) -> bool:
    """Is this line Persian or Urdu (whose own letters must stay) rather than Arabic with look-alikes?

    Persian and Urdu write every yeh and kaf in their own forms and have letters and words Arabic lacks;
    an Arabic sentence that borrows a few look-alikes still writes its other ي ك ى ة the Arabic way.
    """
    line = " ".join(words)
    own = sum(map(_OWN_WEIGHT.__getitem__, _OWN_LETTER.findall(line)))
    arabic = sum(map(line.count, "يكىة"))
    most = own + 2 * len(words)  # if every word were a Persian function word
    if most < 2 or arabic > most * 0.1:
        return False  # (the usual answer, for an Arabic line, without looking the words up)
    own += 2 * sum(map(_PERSIAN_FUNCTION_WORDS.__contains__, words))
    return own >= 2 and arabic <= own * 0.1


_PERSIAN_OWN = "\u06cc\u06a9\u06c1\u06be\u06c0\u06d2\u06ba"  # ی ک ہ ھ ۀ ے ں
# Each occurrence of a letter of Persian/Urdu spelling counts once, of a marker twice (ے ں are both: 3).
_OWN_WEIGHT = {c: (c in _PERSIAN_OWN) + 2 * (c in PERSIAN_MARKERS) for c in set(_PERSIAN_OWN) | PERSIAN_MARKERS}
_OWN_LETTER = re.compile(f"[{''.join(sorted(_OWN_WEIGHT))}]")


# Frequent Persian and Urdu words that Arabic does not write (Persian spells them with ی and ک).
_PERSIAN_FUNCTION_WORDS = {
    w.replace("ي", "\u06cc").replace("ك", "\u06a9")
    for w in (
        "است", "را", "از", "براي", "اين", "كه", "مي", "شده", "كرد", "كرده", "هاي", "يك", "نيز", "بود", "خود",
        "گفت", "دارد", "بايد", "ميں", "اور", "سے", "كو", "نے", "كے", "كي",
    )
}
