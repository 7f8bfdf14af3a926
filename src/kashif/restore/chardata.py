"""Character tables for the restorer: what is a letter, a mark, filler, a look-alike.

Everything here is data about Unicode characters, kept apart from the decisions that use it
(the way ftfy keeps ``chardata`` apart from ``fixes``).
"""

from __future__ import annotations

import unicodedata

TATWEEL = "\u0640"

# Core Arabic letters (hamza .. yeh without tatweel) and the extra letters Arabic text uses (alef wasla,
# veh, gaf/peh written by some Gulf and Maghrebi outlets for foreign names).
ARABIC_LETTERS = (
    "".join(chr(c) for c in range(0x0621, 0x063B))
    + "".join(chr(c) for c in range(0x0641, 0x064B))
    + "\u0671\u06a4\u067e\u0686\u06af\u0698"
)
# Letters of Persian and Urdu that look like (or are) Arabic letters, and what they stand for in Arabic.
# ی may stand for ي or for final ى: the decision takes whichever the lexicon supports.
LOOKALIKES: dict[str, str] = {
    "\u06a9": "\u0643",  # ک keheh -> ك
    "\u06aa": "\u0643",  # ڪ swash kaf -> ك
    "\u06cc": "\u064a",  # ی farsi yeh -> ي
    "\u06d2": "\u064a",  # ے yeh barree -> ي
    "\u06d0": "\u064a",  # ې
    "\u06cd": "\u064a",  # ۍ
    "\u06c1": "\u0647",  # ہ heh goal -> ه
    "\u06be": "\u0647",  # ھ heh doachashmee -> ه
    "\u06d5": "\u0647",  # ە ae -> ه
    "\u06c0": "\u0629",  # ۀ heh with yeh above -> ة
    "\u06c3": "\u0629",  # ۃ teh marbuta goal -> ة
    "\u066e": "\u0628",  # ٮ dotless beh -> ب
    "\u066f": "\u0642",  # ٯ dotless qaf -> ق
    "\u06ba": "\u0646",  # ں noon ghunna -> ن
}
# A final farsi yeh may also stand for alef maksura.
LOOKALIKE_ALTERNATIVES: dict[str, str] = {"\u06cc": "\u0649", "\u06d2": "\u0649"}

# Letters Persian and Urdu spell with and Arabic does not (a few Arabic outlets write پ چ گ in foreign
# names, so they count as evidence of a Persian/Urdu sentence, not as proof).
PERSIAN_MARKERS = set("\u067e\u0686\u0698\u06af\u0679\u0688\u0691\u06ba\u06d2")

# Word ligatures in the presentation-form block (ﷺ ﷲ ﷻ ...) are written on purpose: never expand them.
WORD_LIGATURES = set(chr(c) for c in range(0xFDF0, 0xFDFE))
# Lam-alef ligatures are what legacy encoders and keyboards produce in ordinary text.
LAM_ALEF_LIGATURES = set(chr(c) for c in range(0xFEF5, 0xFEFD))


def is_presentation_form(ch: str) -> bool:
    """A presentation form of an Arabic letter (not a word ligature, not the ornate parentheses ﴾ ﴿)."""
    o = ord(ch)
    return (
        (0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC)
        and ch not in WORD_LIGATURES
        and unicodedata.category(ch).startswith("L")
    )


# Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks).
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn"
)
HARAKAT = "\u064e\u064f\u0650\u0652"  # fatha damma kasra sukun
TANWEEN = "\u064b\u064c\u064d"
SHADDA = "\u0651"

# Invisible characters that can sit inside a word without changing how it looks.
INVISIBLES = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u061c\u00ad\ufeff\u180e\u034f"
)
# Invisible characters that Persian and Urdu spelling uses on purpose between letters.
ZWNJ = "\u200c"

# Punctuation that brackets or quotes a word. After a clitic's tatweel (لـ«الشرق», الـ"ناتو") these are
# part of ordinary writing, and a word is never split by them.
QUOTES_AND_BRACKETS = set("«»\"'“”‘’„‟‹›()[]{}<>")
# Punctuation that ends a sentence or clause: a bare one between two letters is a missing space.
CLAUSE_PUNCTUATION = set("?!؟:;؛")
# Punctuation that clean text does put between two words without a space (abbreviations د.ب, typed
# "word.word", حزيران/يونيو, hyphenated names): weak evidence of obfuscation on its own.
WEAK_SEPARATORS = set(".,،٬/-_–—…·")

# Latin letters and digits used as stand-ins for Arabic letters (chat alphabet and shapes that look
# alike). Several readings per unit; the lexicon chooses.
STAND_INS: dict[str, tuple[str, ...]] = {
    "sh": ("ش",), "ch": ("ش",), "kh": ("خ",), "gh": ("غ",), "th": ("ث",), "dh": ("ذ",),
    "a": ("ا",), "b": ("ب",), "t": ("ت",), "j": ("ج",), "g": ("ج",), "d": ("د",), "r": ("ر",),
    "z": ("ز",), "s": ("س",), "f": ("ف",), "q": ("ق",), "k": ("ك",), "l": ("ا", "ل"),
    "m": ("م",), "n": ("ن",), "h": ("ه",), "w": ("و",), "u": ("و",), "o": ("و", "ه"), "y": ("ي",),
    "i": ("ي", "ا"), "e": ("ي",), "v": ("ف",), "p": ("ب",), "c": ("ك",), "x": ("كس",),
    "|": ("ا",),
    "2": ("ء", "أ"), "3": ("ع",), "4": ("ش",), "5": ("خ",), "6": ("ط",), "7": ("ح",), "8": ("غ", "ق"),
    "9": ("ق", "ص"), "0": ("ه",), "1": ("ا",),
}
STAND_IN_CAPITALS: dict[str, tuple[str, ...]] = {
    "S": ("ص", "س"), "D": ("ض", "د"), "T": ("ط", "ت"), "Z": ("ظ", "ز"), "H": ("ح", "ه"), "I": ("ا",),
    "L": ("ل",), "O": ("ه", "و"),
}
