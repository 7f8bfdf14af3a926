"""``restore(text)``: find suspicious regions, decide each, and assemble edits and hidden words.

Text with nothing suspicious (most clean news) is returned after one regular-expression scan. Each
suspicious region is decided on its own (:class:`kashif.restore.decide.RegionDecider`); its character edits
are merged into :class:`~kashif.restore.offsets.Edit` objects against the original text.
"""

from __future__ import annotations

from kashif.restore.badness import is_persian_line
from kashif.restore.candidates import SPACED_LETTERS, find_sites, has_spaced_letters, region_bounds
from kashif.restore.chardata import LOOKALIKES, PERSIAN_MARKERS, ZWNJ
from kashif.restore.decide import RegionContext, RegionDecider
from kashif.restore.fastpath import decide_plain, decide_word, runs_of, segments
from kashif.restore.lexicon import get_lexicon
from kashif.restore.offsets import Edit, Restoration

_PERSIAN_SENSITIVE = set(LOOKALIKES) | PERSIAN_MARKERS | {ZWNJ}
SPACED_MIN_ZIPF = 3.0


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
        words, mods = RegionDecider(region, self.lex, ctx).decide()
        self._apply(region, start, runs_of(mods), [(w.start, w.end) for w in words], edits, hidden)

    def _fast(self, start: int, end: int, edits: list[Edit], hidden: list) -> bool:
        """Decide the region on a fast path if it has the shape of one (see :mod:`fastpath`)."""
        region = self.text[start:end]
        segs = segments(region)
        if not segs:
            return segs is not None  # no letters: nothing to do; Latin letters: the full decision
        if len(segs) == 1:
            result = decide_word(region, segs[0], self.lex, lambda: self._persian_line(start))
        else:
            result = decide_plain(region, segs, self.lex, _after_number(self.text, start),
                                  lambda n: self._near_phrase(start, end, n), lambda: self._persian_line(start))
        if result is None:
            return False
        self._apply(region, start, *result, edits, hidden)
        return True

    @staticmethod
    def _apply(region: str, start: int, runs: list[tuple[int, int, str, str]], words: list[tuple[int, int]],
               edits: list[Edit], hidden: list) -> None:
        """Turn a region's edits (region-relative runs) into edits of the text, and its restored words into
        hidden words with the kinds of the edits inside them."""
        if not runs:
            return
        edits.extend(Edit(start + rs, start + re_, region[rs:re_], repl, kind) for rs, re_, repl, kind in runs)
        for ws, we in words:
            kinds = sorted({kind for rs, re_, _r, kind in runs if rs < we and re_ > ws})
            if kinds:
                hidden.append((start + ws, start + we, tuple(kinds)))

    def _near_phrase(self, start: int, end: int, length: int) -> bool:
        """Could a word of ``length`` letters here complete a phrase with a neighbour (a replaced letter)?"""
        ctx = RegionContext(self.text, start, end, persian_line=False, after_number=False)
        return self.lex.may_complete_phrase(ctx.prev_word, ctx.next_word, length)

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


def _after_number(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()
