"""Folded text with a map back to the text it came from.

The extractor matches its word lists on folded text (:func:`kashif.search_key`: no diacritics or tatweel,
أ إ آ → ا, ى → ي, ة → ه) so that spelling variants match, and it folds Arabic-Indic and Persian digits to
ASCII. Folding deletes characters (and may expand a ligature), so every folded character keeps the index
of the input character it came from; :meth:`Folded.span` turns a match in the folded text into a span of
the input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, compress, repeat
from typing import Any

from kashif.restore.fold import search_key

# Arabic-Indic (U+0660..) and extended/Persian (U+06F0..) digits to ASCII; Arabic thousands and decimal
# separators to their ASCII look-alikes; the Arabic date separator to a slash.
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_DIGITS |= {0x066C: ",", 0x066B: ".", 0x060D: "/"}


def fold(text: str) -> str:
    """Fold ``text`` for matching: :func:`kashif.search_key` plus ASCII digits."""
    return search_key(text).translate(_DIGITS)


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded, with ``index[i]`` the position in ``original`` of folded character ``i``."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that folded ``text[start:end]`` came from (``start < end``)."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        stop = self.index[end - 1] + 1
        # take in the marks that folding deleted right after the match (tanween, tatweel: غداً، 1441هـ)
        limit = self.index[end] if end < len(self.index) else len(self.original)
        original = self.original
        while stop < limit and not _CHARS[ord(original[stop])]:
            stop += 1
        return self.index[start], stop


class _CharFolds(dict):
    """Code point -> ``fold`` of that one character, filled on first use (a table for ``str.translate``).

    ``_LENGTHS`` keeps the length of each character's fold, and ``_IRREGULAR`` the characters whose fold is
    not exactly one character (deleted marks, expanded ligatures): only text with one of those needs an
    index map other than the identity.
    """

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        f = fold(ch)
        _LENGTHS[ch] = len(f)
        if len(f) != 1:
            _IRREGULAR.add(ch)
        self[cp] = f
        return f


_LENGTHS: dict[str, int] = {}
_IRREGULAR: set[str] = set()
_CHARS = _CharFolds()


@lru_cache(maxsize=16)
def fold_with_map(text: str) -> Folded:
    """Fold ``text`` character by character, keeping where each folded character came from.

    The last few results are kept (a :class:`Folded` is immutable): the steps of the pipeline fold the same
    sentence one after another (its toll, then its actors).
    """
    if _UNLISTED.search(text) is not None:
        return _fold_with_map_any(text)
    # every character is in the table: fold only those that change, map only those that are not one to one
    folded = _CHANGING.sub(_fold_match, text)
    index: list[int] = []
    prev = 0
    for m in _NOT_ONE_TO_ONE.finditer(text):
        at = m.start()
        index += range(prev, at)
        index += [at] * len(_TABLE[m.group()])
        prev = at + 1
    if not prev:
        return Folded(text, folded, tuple(range(len(text))))
    index += range(prev, len(text))
    return Folded(text, folded, tuple(index))


def _fold_with_map_any(text: str) -> Folded:
    """:func:`fold_with_map` for any text, through the table of every character folded so far."""
    folded = text.translate(_CHARS)  # fills _LENGTHS and _IRREGULAR for every character of text
    n = len(text)
    if _IRREGULAR.isdisjoint(text):
        return Folded(text, folded, tuple(range(n)))
    lengths = list(map(_LENGTHS.__getitem__, text))
    if max(lengths) <= 1:  # only deletions
        index = tuple(compress(range(n), lengths))
    else:
        index = tuple(chain.from_iterable(map(repeat, range(n), lengths)))
    return Folded(text, folded, index)


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# The folds of the characters news is written in (Latin-1, Arabic and its supplements and presentation
# forms, general punctuation and the invisible marks), computed up front: text made of them only is folded
# with one regular-expression pass over the characters that change.
_LISTED = ((0x0000, 0x00FF), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0x2000, 0x206F),
           (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_TABLE = {ch: f for ch, f in ((chr(cp), fold(chr(cp))) for lo, hi in _LISTED for cp in range(lo, hi + 1))
          if f != ch}
_UNLISTED = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _LISTED) + "]")
_CHANGING = re.compile(_char_class(_TABLE))
_NOT_ONE_TO_ONE = re.compile(_char_class(ch for ch, f in _TABLE.items() if len(f) != 1))


def _fold_match(m: re.Match[str]) -> str:
    return _TABLE[m.group()]


@cache
def load_data(name: str) -> Any:
    """Load ``kashif/extract/data/<name>`` (JSON)."""
    path = resources.files("kashif.extract").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))
