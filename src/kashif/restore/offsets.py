"""The result of a restoration: edits against the original text and the offset map between the two texts.

Every edit replaces ``original[start:end]`` with ``replacement``; edits never overlap and are kept in
order, so applying them left to right to the original gives the restored text. The offset map is built
from the same edits, so both directions are exact by construction.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, SupportsIndex


class Edit(NamedTuple):
    """One undone trick: ``original[start:end]`` (indices into the ORIGINAL text) became ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    kind: str

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "kind": self.kind,
        }


class HiddenWord(NamedTuple):
    """A word that was obfuscated: as restored, where it is in both texts, and which tricks hid it."""

    word: str
    start: int  # span in the restored text
    end: int
    original: str  # the obfuscated form, as it stands in the original text
    original_start: int
    original_end: int
    kinds: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "word": self.word,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "original_start": self.original_start,
            "original_end": self.original_end,
            "kinds": list(self.kinds),
        }


def apply_edits(original: str, edits: list[Edit]) -> str:
    """Apply non-overlapping, ordered edits to ``original``."""
    parts: list[str] = []
    pos = 0
    for start, end, _original, replacement, _kind in edits:
        if start < pos:
            raise ValueError(f"edits overlap or are out of order at {start}")
        parts.append(original[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(original[pos:])
    return "".join(parts)


def word_kinds(words: Iterable[tuple[int, int]], edits: Iterable[tuple[int, int, str]]
               ) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each word span (start, end) with the kinds of the edits (start, end, kind) that overlap it, sorted; a
    word no edit touches is left out (it hid nothing)."""
    spans = list(edits)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in words:
        kinds = {kind for s, e, kind in spans if s < end and e > start}
        if kinds:
            out.append((start, end, tuple(sorted(kinds))))
    return out


@dataclass
class Restoration:
    """What :func:`kashif.restore` returns.

    ``text`` is the restored text, ``edits`` what was undone (indices into ``original``),
    ``hidden`` the obfuscated words with their spans in both texts.
    """

    original: str
    text: str
    edits: list[Edit]
    _hidden_spans: list[tuple[int, int, tuple[str, ...]]]

    @classmethod
    def build(cls, original: str, edits: list[Edit], hidden_spans: list[tuple[int, int, tuple[str, ...]]],
              ) -> Restoration:
        """Make a restoration from edits; ``hidden_spans`` are (start, end, kinds) in the ORIGINAL text."""
        if not edits:
            return cls(original, original, edits, hidden_spans)
        return cls(original, apply_edits(original, edits), edits, hidden_spans)

    @cached_property
    def word_count(self) -> int:
        """The number of whitespace-separated words in the original text."""
        return len(self.original.split())

    @cached_property
    def _offset_map(self) -> tuple[list[int], list[int]]:
        """For each edit (in order), where its replacement starts in ``text`` and where it starts in
        ``original``: both sorted, so a bisection finds the edit that governs an index."""
        new_starts: list[int] = []
        shift = 0
        for start, end, _original, replacement, _kind in self.edits:
            new_starts.append(start + shift)
            shift += len(replacement) - (end - start)
        return new_starts, [e.start for e in self.edits]

    @cached_property
    def hidden(self) -> list[HiddenWord]:
        """The obfuscated words, in order, with their spans in both texts and the tricks undone on each."""
        out = []
        for ostart, oend, kinds in self._hidden_spans:
            start, end = self._from_original_span(ostart, oend)
            out.append(HiddenWord(self.text[start:end], start, end, self.original[ostart:oend], ostart, oend, kinds))
        return out

    # -- public views -------------------------------------------------------------------------------------
    @property
    def hidden_words(self) -> list[str]:
        """The words that were obfuscated, as restored, in order."""
        return [h.word for h in self.hidden]

    @property
    def evasion_score(self) -> float:
        """Share of the text's words that were obfuscated, 0..1."""
        if not self.word_count:
            return 0.0
        return min(1.0, len(self._hidden_spans) / self.word_count)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "hidden_words": self.hidden_words,
            "evasion_score": round(self.evasion_score, 4),
        }

    # -- offsets ------------------------------------------------------------------------------------------
    def _locate(self, i: int) -> int:
        """Index of the last edit whose replacement starts at or before restored index ``i`` (-1 if none)."""
        return bisect_right(self._offset_map[0], i) - 1

    def to_original(self, i: SupportsIndex) -> int:
        """Map index ``i`` in the restored text to the index of the same character in the original text.

        ``i == len(text)`` maps to ``len(original)``. A character produced by a replacement maps into the
        replaced span (character by character where the lengths allow, else to the span's last character).
        Any integer type is accepted (a NumPy integer, ...), as for indexing a str.
        """
        return self._to_original(operator.index(i))

    def _to_original(self, i: int) -> int:
        if not 0 <= i <= len(self.text):
            raise IndexError(f"index {i} outside the restored text (length {len(self.text)})")
        k = self._locate(i)
        if k < 0:
            return i
        # Edits sharing a start in the restored text before k are pure deletions, so edit k decides.
        e, ns = self.edits[k], self._offset_map[0][k]
        if i < ns + len(e.replacement):
            return e.start + min(i - ns, max(e.end - e.start - 1, 0))
        return e.end + (i - ns - len(e.replacement))

    def original_span(self, start: SupportsIndex, end: SupportsIndex) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to the span of the original text it was restored from (any integer
        type is accepted)."""
        return self._original_span(operator.index(start), operator.index(end))

    def _original_span(self, start: int, end: int) -> tuple[int, int]:
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside the restored text (length {len(self.text)})")
        if start == end:
            o = self._to_original(start)
            return o, o
        ostart = self._start_in_original(start)
        oend = self._end_in_original(end)
        # characters deleted right at the edges (marks after the last letter) belong to the span
        k = bisect_right(self._offset_map[1], oend - 1)
        while k < len(self.edits) and self.edits[k].start == oend and not self.edits[k].replacement:
            oend = self.edits[k].end
            k += 1
        k = bisect_right(self._offset_map[1], ostart) - 1
        while k >= 0 and self.edits[k].end == ostart and not self.edits[k].replacement and ostart > 0:
            ostart = self.edits[k].start
            k -= 1
        return ostart, oend

    def _start_in_original(self, i: int) -> int:
        k = self._locate(i)
        if k >= 0:
            e, ns = self.edits[k], self._offset_map[0][k]
            if i == ns and e.replacement:
                return e.start  # the character opens a replacement: the whole replaced span belongs to it
        return self._to_original(i)

    def _end_in_original(self, end: int) -> int:
        last = end - 1
        k = self._locate(last)
        if k >= 0:
            e, ns = self.edits[k], self._offset_map[0][k]
            if last < ns + len(e.replacement):
                if last == ns + len(e.replacement) - 1:
                    return e.end  # the character closes a replacement: take all of the replaced span
                return e.start + min(last - ns, max(e.end - e.start - 1, 0)) + 1
        return self._to_original(last) + 1

    def _from_original_span(self, ostart: int, oend: int) -> tuple[int, int]:
        """Map a span of the original text to the restored text (edits inside it shrink or grow it)."""
        shift_start = shift_end = 0
        for e in self.edits:
            delta = len(e.replacement) - (e.end - e.start)
            if e.end <= ostart:
                shift_start += delta
            if e.end <= oend:
                shift_end += delta
            elif e.start < oend:  # an edit straddling the end: keep its replacement inside
                shift_end += len(e.replacement) - (oend - e.start)
            if e.start >= oend:
                break
        return ostart + shift_start, oend + shift_end
