"""The lexicon: how well attested an Arabic word is.

The base is wordfreq's Arabic list (about 620,000 words with frequencies, from Wikipedia, subtitles, news,
web text and social media; Apache-2.0 code, CC BY-SA 4.0 data — see
https://github.com/rspeer/wordfreq). ``data/lexicon_additions.tsv`` adds words it lacks (names of armed
groups and places that obfuscated reports are full of) and ``data/phrases.tsv`` the multi-word names that let
a neighbouring word settle a doubtful reading. Both are written by kashif's maintainers.

Scores are log10 probabilities. A word the list lacks is scored by a length-based model for unknown words,
after trying to explain it as a known stem with Arabic clitics (و ف ب ل ك ال ... and pronoun suffixes).
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from importlib import resources

from kashif.restore.chardata import DIACRITICS, INVISIBLES, TATWEEL

_STRIP = {ord(c): None for c in DIACRITICS + INVISIBLES + TATWEEL}

# Proclitic strings (longest first) and enclitic pronouns, with the log10 cost of explaining a word by them.
PROCLITICS = (
    "وبال", "وكال", "وفال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "وك", "فب",
    "فل", "ال", "و", "ف", "ب", "ل", "ك", "س",
)
ENCLITICS = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ني", "ه", "ك", "ي")
CLITIC_COST = 2.0
UNKNOWN_BASE = -7.0  # log10 P of an unknown word before its length is counted
UNKNOWN_PER_LETTER = -1.6


def strip_marks(word: str) -> str:
    """The word without diacritics, tatweel and invisible characters (the lexicon's key)."""
    return word.translate(_STRIP)


def _read_words(name: str) -> dict[str, float]:
    out: dict[str, float] = {}
    text = resources.files("kashif.restore").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        zipf = float(parts[1]) if len(parts) > 1 and parts[1] else 3.0
        out[parts[0]] = zipf - 9.0  # zipf -> log10 frequency
    return out


def _read_phrases(name: str) -> set[tuple[str, ...]]:
    text = resources.files("kashif.restore").joinpath("data", name).read_text(encoding="utf-8")
    phrases = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            phrases.add(tuple(strip_marks(line).split()))
    return phrases


class Lexicon:
    """Log10 probabilities of Arabic words, with clitic back-off and an unknown-word model."""

    def __init__(self) -> None:
        import wordfreq  # imported here: loading the list is the expensive part, done once per process

        # wordfreq stores words in buckets of one centibel each: bucket i holds words of log10 freq -i/100
        self._logp: dict[str, float] = {}
        for index, bucket in enumerate(wordfreq.get_frequency_list("ar", wordlist="large")):
            self._logp.update(dict.fromkeys(bucket, -index / 100))
        for w, lp in _read_words("lexicon_additions.tsv").items():
            self._logp[w] = max(self._logp.get(w, -99.0), lp)
        self.phrases = _read_phrases("phrases.tsv")
        self.phrase_words = {w for p in self.phrases for w in p}
        # for each word of a phrase: the lengths of the words that stand next to it in some phrase
        self._after: dict[str, set[int]] = {}
        self._before: dict[str, set[int]] = {}
        for p in self.phrases:
            for a, b in itertools.pairwise(p):
                self._after.setdefault(a, set()).add(len(b))
                self._before.setdefault(b, set()).add(len(a))
        self.logp = lru_cache(maxsize=200_000)(self._score)

    def known(self, word: str) -> float | None:
        """log10 P of the word itself if the list has it, else None."""
        return self._logp.get(strip_marks(word))

    def known_key(self, key: str) -> float | None:
        """:meth:`known` for a word that is its own key already (no marks, tatweel or invisibles in it)."""
        return self._logp.get(key)

    def _score(self, word: str) -> float:
        key = strip_marks(word)
        lp = self._logp.get(key)
        if lp is not None:
            return lp
        return self._backoff(key)

    def _backoff(self, key: str) -> float:
        best = UNKNOWN_BASE + UNKNOWN_PER_LETTER * len(key)
        for pre in ("", *PROCLITICS):
            if not key.startswith(pre):
                continue
            rest = key[len(pre):]
            for suf in ("", *ENCLITICS):
                if (not pre and not suf) or not rest.endswith(suf):
                    continue
                stem = rest[: len(rest) - len(suf)] if suf else rest
                if len(stem) < 2:
                    continue
                lp = self._logp.get(stem)
                if lp is None and suf and stem.endswith("ت"):
                    lp = self._logp.get(stem[:-1] + "ة")  # مدينتها -> مدينة
                if lp is not None:
                    cost = CLITIC_COST * ((1 if pre else 0) + (1 if suf else 0))
                    best = max(best, lp - cost)
        return best

    def may_complete_phrase(self, prev: str, nxt: str, length: int) -> bool:
        """Could a word of ``length`` letters form a phrase with the word before or after it?"""
        return length in self._after.get(prev, ()) or length in self._before.get(nxt, ())

    def is_phrase(self, left: str, right: str) -> bool:
        return (strip_marks(left), strip_marks(right)) in self.phrases


_LEXICON: Lexicon | None = None


def get_lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON
