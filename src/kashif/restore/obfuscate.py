"""An obfuscator: break Arabic words the way evasive posts do, for tests, benchmarks and red-teaming.

``obfuscate(text, rate, seed)`` breaks a share of the words of ``text`` with the tricks seen in the wild and
returns the obfuscated text with the span of every broken word, so a test can check that the restorer
gives the text back and points at every broken word.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TATWEEL = "\u0640"
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]{3,}")
_NON_JOINING = set("اأإآدذرزوؤءة")  # letters that do not connect to the next one


@dataclass(frozen=True)
class Broken:
    word: str  # the clean word
    form: str  # how it was written
    start: int  # span of ``form`` in the obfuscated text
    end: int
    trick: str


def _cut(word: str, rng: random.Random) -> int:
    return rng.randrange(1, len(word))


def tatweel_dot(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + TATWEEL * rng.randint(1, 3) + rng.choice([".", "..", "…"]) + word[i:]


def tatweel_dot_tatweel(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + TATWEEL + rng.choice([".", "،", ",", "*", "..", "٬"]) + TATWEEL + word[i:]


def spaced_filler(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + TATWEEL + rng.choice([". .", ".. .", "، ،"]) + TATWEEL + word[i:]


def symbol(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + rng.choice("*$#@^~+|•") + word[i:]


def every_letter(word: str, rng: random.Random) -> str:
    sep = TATWEEL + rng.choice([".", "،", "*"]) + TATWEEL
    return sep.join(word)


def zero_width(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + rng.choice("\u200b\u200c\u200d\u2060\u00ad\u200f") + word[i:]


def doubled_letter(word: str, rng: random.Random) -> str:
    i = _cut(word, rng)
    return word[:i] + TATWEEL + "." + word[i - 1] + word[i:]


def persian_lookalike(word: str, rng: random.Random) -> str:
    swapped = word.replace("ي", "ی").replace("ك", "ک").replace("ه", "ہ")
    return swapped


def presentation_forms(word: str, rng: random.Random) -> str:
    return "".join(_ISOLATED.get(c, c) for c in word)


def diacritic_spam(word: str, rng: random.Random) -> str:
    marks = ["\u064e", "\u064f", "\u0650", "\u0652", "\u064b\u0651", "\u064c"]
    out = [word[0] + "\u0650\u064e"]  # two vowels on the first letter: never vocalisation
    out += [c + rng.choice(marks) for c in word[1:]]
    return "".join(out)


def decorative_tatweel(word: str, rng: random.Random) -> str:
    joinable = [i for i in range(1, len(word)) if word[i - 1] not in _NON_JOINING]
    if not joinable:
        return tatweel_dot(word, rng)
    i = rng.choice(joinable)
    return word[:i] + TATWEEL * rng.randint(2, 6) + word[i:]


TRICKS: dict[str, Callable[[str, random.Random], str]] = {
    "tatweel_dot": tatweel_dot,
    "tatweel_dot_tatweel": tatweel_dot_tatweel,
    "spaced_filler": spaced_filler,
    "symbol": symbol,
    "every_letter": every_letter,
    "zero_width": zero_width,
    "doubled_letter": doubled_letter,
    "persian_lookalike": persian_lookalike,
    "presentation_forms": presentation_forms,
    "diacritic_spam": diacritic_spam,
    "decorative_tatweel": decorative_tatweel,
}


def _isolated_forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for cp in range(0xFE80, 0xFEFD):
        ch = chr(cp)
        if unicodedata.name(ch, "").endswith("ISOLATED FORM"):
            base = unicodedata.normalize("NFKC", ch)
            if len(base) == 1:
                table.setdefault(base, ch)
    return table


_ISOLATED = _isolated_forms()


def obfuscate(text: str, rate: float = 0.15, seed: int = 0,
              tricks: Sequence[str] | None = None) -> tuple[str, list[Broken]]:
    """Break about ``rate`` of the Arabic words (3 letters or more) of ``text``.

    Returns the obfuscated text and, in order, every broken word with its span in that text.
    """
    rng = random.Random(seed)
    names = list(tricks or TRICKS)
    out: list[str] = []
    broken: list[Broken] = []
    pos = 0
    length = 0
    for m in _WORD.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        word = m.group()
        if rng.random() < rate:
            trick = rng.choice(names)
            form = TRICKS[trick](word, rng)
            if form != word:
                broken.append(Broken(word, form, length, length + len(form), trick))
        else:
            form = word
        out.append(form)
        length += len(form)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), broken
