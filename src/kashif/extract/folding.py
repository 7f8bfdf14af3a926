"""Folded text with a map back to the text it came from.

The extractor matches its word lists on folded text (:func:`kashif.search_key`: no diacritics or tatweel,
أ إ آ → ا, ى → ي, ة → ه) so that spelling variants match, and it folds Arabic-Indic and Persian digits to
ASCII. Folding deletes characters (and may expand a ligature), so every folded character keeps the index
of the input character it came from; :meth:`Folded.span` turns a match in the folded text into a span of
the input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
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
        while stop < limit and not fold(self.original[stop]):
            stop += 1
        return self.index[start], stop


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` character by character, keeping where each folded character came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii() and not ch.isupper():
            out.append(ch)
            index.append(i)
            continue
        f = fold(ch)
        out.append(f)
        index.extend([i] * len(f))
    return Folded(text, "".join(out), tuple(index))


@cache
def load_data(name: str) -> Any:
    """Load ``kashif/extract/data/<name>`` (JSON)."""
    path = resources.files("kashif.extract").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))
