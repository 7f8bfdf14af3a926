"""``restore(text)``: find suspicious regions, decide each, and assemble edits and hidden words.

Text with nothing suspicious (most clean news) is returned after one regular-expression scan. Each
suspicious region is decided on its own (:class:`kashif.restore.decide.RegionDecider`); its character edits
are merged into :class:`~kashif.restore.offsets.Edit` objects against the original text.
"""

from __future__ import annotations

import re

from kashif.restore.badness import Gap, classify_gap, is_persian_line
from kashif.restore.candidates import (
    SPACED_LETTERS,
    find_sites,
    gap_kind,
    has_spaced_letters,
    itemize,
    region_bounds,
)
from kashif.restore.chardata import LOOKALIKES, PERSIAN_MARKERS, ZWNJ
from kashif.restore.decide import RegionContext, RegionDecider
from kashif.restore.lexicon import get_lexicon
from kashif.restore.offsets import Edit, Restoration

_PERSIAN_SENSITIVE = set(LOOKALIKES) | PERSIAN_MARKERS | {ZWNJ}
SPACED_MIN_ZIPF = 3.0
_PLAIN = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_FAST_GAPS = {Gap.TATWEEL: "tatweel", Gap.INVISIBLE: "zero_width", Gap.STRONG: "filler"}


def restore(text: str) -> Restoration:
    """Undo moderation-evasion obfuscation in ``text``; change nothing else.

    Returns a :class:`Restoration` with the restored ``text``, the ``edits`` (indexed into the original),
    the ``hidden_words`` and an ``evasion_score``, and maps between the two texts' offsets.
    """
    if not isinstance(text, str):
        raise TypeError(f"restore() takes str, not {type(text).__name__}; decode bytes first")
    word_count = len(text.split())
    sites = find_sites(text)
    spaced = has_spaced_letters(text)
    if not sites and not spaced:
        return Restoration.build(text, [], [], word_count)
    return _Restorer(text).run(word_count, sites, spaced)


class _Restorer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = get_lexicon()
        self._persian: dict[int, bool] = {}

    def run(self, word_count: int, sites: list[int], spaced: bool) -> Restoration:
        text = self.text
        edits: list[Edit] = []
        hidden: list[tuple[int, int, tuple[str, ...]]] = []
        done = 0
        for site in sites:
            if site < done:
                continue
            start, end = region_bounds(text, site)
            start = max(start, done)
            if not self._fast(start, end, edits, hidden):
                self._decide(start, end, edits, hidden)
            done = end
        if spaced:
            self._spaced_letters(edits, hidden)
        edits.sort(key=lambda e: e.start)
        hidden.sort()
        return Restoration.build(text, edits, hidden, word_count)

    # -- regions --------------------------------------------------------------------------------------------
    def _decide(self, start: int, end: int, edits: list[Edit], hidden: list) -> None:
        text = self.text
        region = text[start:end]
        ctx = RegionContext(
            text,
            start,
            end,
            persian_line=self._persian_line(start) if any(c in _PERSIAN_SENSITIVE for c in region) else False,
            after_number=_after_number(text, start),
        )
        decider = RegionDecider(region, self.lex, ctx)
        words, mods = decider.decide()
        if not mods:
            return
        by_index = {}
        for idx, repl, kind in mods:
            by_index.setdefault(idx, (repl, kind))
        for e in _merge(region, by_index, start):
            edits.append(e)
        for w in words:
            kinds = sorted({by_index[i][1] for i in range(w.start, w.end) if i in by_index})
            if kinds:
                hidden.append((start + w.start, start + w.end, tuple(kinds)))

    def _fast(self, start: int, end: int, edits: list[Edit], hidden: list) -> bool:
        """Decide the common case without the full programme: plain letters broken only by tatweel,
        invisibles or filler, with no doubled letter at a break, whose joined form the lexicon knows
        (or that only tatweel stretches). Returns False when the region needs the full decision."""
        region = self.text[start:end]
        items = itemize(region)
        segs = [(s, e) for kind, s, e in items if kind == "L"]
        if any(kind == "X" for kind, _s, _e in items):
            return False
        letters = [region[s:e] for s, e in segs]
        if any(not _PLAIN.fullmatch(w) or "آ" in w for w in letters):
            return False  # marks, look-alikes, forms, or an آ that may be misused: the full decision
        gaps: list[tuple[int, int, str]] = []
        hard = 0
        for (_s1, e1), (s2, _e2), left, right in zip(segs, segs[1:], letters, letters[1:], strict=False):
            gap = region[e1:s2]
            if ZWNJ in gap or left[-1] == right[0]:
                return False
            cls = classify_gap(gap)
            if cls is Gap.HARD:
                hard += 1
                continue
            if cls not in _FAST_GAPS:
                return False
            gaps.append((e1, s2, gap_kind(gap, cls)))
        if not gaps:
            return True  # plain letters with hard boundaries only (لـ«الشرق», لـ 3): nothing to undo
        if hard:
            return False  # mixed cases go the long way
        if any(kind != "tatweel" for _s, _e, kind in gaps):
            if len(letters[0]) <= 2 and _after_number(self.text, start) and region[gaps[0][0]] == "\u0640":
                return False  # maybe 1436هـ،...: let the full decision look
            if self.lex.known("".join(letters)) is None:
                return False
            if self._near_phrase(start, end):
                return False  # a neighbour names a phrase: a letter may have been replaced (القـ،،،ـام)
        for gs, ge, kind in gaps:
            edits.append(Edit(start + gs, start + ge, region[gs:ge], "", kind))
        kinds = tuple(sorted({kind for _s, _e, kind in gaps}))
        first = segs[0][0]
        hidden.append((start + first, start + segs[-1][1], kinds))
        return True

    def _near_phrase(self, start: int, end: int) -> bool:
        words = self.lex.phrase_words
        before = self.text[max(0, start - 40) : start].split()
        after = self.text[end : end + 40].split()
        return bool((before and _letters(before[-1]) in words) or (after and _letters(after[0]) in words))

    def _persian_line(self, pos: int) -> bool:
        text = self.text
        ls = text.rfind("\n", 0, pos) + 1
        if ls not in self._persian:
            le = text.find("\n", pos)
            self._persian[ls] = is_persian_line(text[ls : le if le >= 0 else len(text)].split())
        return self._persian[ls]

    # -- ق ص ف ---------------------------------------------------------------------------------------------
    def _spaced_letters(self, edits: list[Edit], hidden: list) -> None:
        taken = [(e.start, e.end) for e in edits]
        for m in SPACED_LETTERS.finditer(self.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            joined = m.group().replace(" ", "").replace("\u00a0", "")
            lp = self.lex.known(joined)
            if lp is None or lp + 9.0 < SPACED_MIN_ZIPF:
                continue
            if self._persian_line(m.start()):
                continue
            for i, ch in enumerate(m.group()):
                if ch in " \u00a0":
                    p = m.start() + i
                    edits.append(Edit(p, p + 1, ch, "", "spaced_letters"))
            hidden.append((m.start(), m.end(), ("spaced_letters",)))


def _merge(region: str, by_index: dict[int, tuple[str, str]], base: int) -> list[Edit]:
    """Merge per-character edits into edits over runs of adjacent characters with the same kind."""
    out: list[Edit] = []
    run: list[int] = []
    for idx in sorted(by_index):
        if run and (idx != run[-1] + 1 or by_index[idx][1] != by_index[run[-1]][1]):
            out.append(_edit(region, by_index, run, base))
            run = []
        run.append(idx)
    if run:
        out.append(_edit(region, by_index, run, base))
    return out


def _edit(region: str, by_index: dict[int, tuple[str, str]], run: list[int], base: int) -> Edit:
    s, e = run[0], run[-1] + 1
    return Edit(base + s, base + e, region[s:e], "".join(by_index[i][0] for i in run), by_index[run[0]][1])


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha() and c != "\u0640")


def _after_number(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()
