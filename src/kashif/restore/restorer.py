"""``restore(text)``: find suspicious regions, decide each, and assemble edits and hidden words.

Text with nothing suspicious (most clean news) is returned after one regular-expression scan. Each
suspicious region is decided on its own (:class:`kashif.restore.decide.RegionDecider`); its character edits
are merged into :class:`~kashif.restore.offsets.Edit` objects against the original text.

A region's decision depends on the region's own characters and on a few questions about its surroundings
(does a number stand before it, is its line Persian, which words are its neighbours). Obfuscated words
recur (the same ``هــ.دد`` in many posts), so decisions are cached by region, each with the answers to the
questions it asked: a cached decision is reused only where those questions get the same answers, and is
then the decision the full programme would make.
"""

from __future__ import annotations

import re

from kashif.restore.badness import is_persian_line
from kashif.restore.candidates import SPACED_LETTERS, find_sites, has_spaced_letters, region_bounds
from kashif.restore.chardata import LOOKALIKES, PERSIAN_MARKERS, ZWNJ
from kashif.restore.decide import RegionContext, RegionDecider, next_word, prev_word
from kashif.restore.fastpath import STAND_IN, Decided, RelEdit, RelHidden, decide_pieces, pieces, runs_of
from kashif.restore.habits import keep_habits
from kashif.restore.lexicon import get_lexicon
from kashif.restore.offsets import Edit, Restoration, word_kinds

_PERSIAN_SENSITIVE = frozenset(LOOKALIKES) | PERSIAN_MARKERS | {ZWNJ}
_HABIT_CHARS = re.compile("[\u06cc\u06d2\u200e\u200f\u061c]")  # characters a writer's habit may keep
SPACED_MIN_ZIPF = 3.0

# The questions a decision may ask about a region's surroundings.
_AFTER_NUMBER, _PERSIAN_LINE, _NEAR_PHRASE, _PREV_WORD, _NEXT_WORD = range(5)

Question = tuple[int, int, object]  # (question, argument, answer)
# region -> its decisions, each (the questions asked with their answers, edits, hidden words)
Decision = tuple[tuple[Question, ...], tuple[RelEdit, ...], tuple[RelHidden, ...]]
_DECISIONS: dict[str, list[Decision]] = {}
_DECIDED_WITH: list[object] = [None]  # the lexicon the cached decisions were made with
CACHE_REGIONS = 16_384  # regions whose decisions are kept, the oldest going first (~0.7 kB each)
CACHE_VARIANTS = 8  # decisions kept per region (one per set of answers)

_new_edit = tuple.__new__  # Edit(...) without the keyword-argument layer


def restore_text(text: str) -> Restoration:
    """:func:`kashif.restore` once its argument is known to be a str (this module may be compiled, and a
    compiled function rejects any other type before its first line)."""
    sites = find_sites(text)
    spaced = has_spaced_letters(text)
    if not sites and not spaced:
        return Restoration(text, text, [], [])
    return _Restorer(text).run(sites, spaced)


def clear_cache() -> None:
    """Forget the cached region decisions."""
    _DECISIONS.clear()


class _Restorer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = get_lexicon()
        self._persian: dict[int, bool] = {}
        if _DECIDED_WITH[0] is not self.lex:  # a new lexicon: decisions made with another one are void
            _DECISIONS.clear()
            _DECIDED_WITH[0] = self.lex

    def run(self, sites: list[int], spaced: bool) -> Restoration:
        text = self.text
        edits: list[Edit] = []
        hidden: list[tuple[int, int, tuple[str, ...]]] = []
        done = 0
        cache = _DECISIONS
        for site in sites:
            if site < done:
                continue
            start, end = region_bounds(text, site)
            if start < done:
                start = done
            done = end
            region = text[start:end]
            known = cache.get(region)
            for decision in known or ():
                if not decision[0] or self._same_answers(decision[0], start, end):
                    break
            else:
                decision = self._decide_region(region, start, end)
                if known is None:
                    if len(cache) >= CACHE_REGIONS:
                        _evict_oldest(cache)
                    cache[region] = [decision]
                elif len(known) < CACHE_VARIANTS:
                    known.append(decision)
            if decision[1]:
                for rs, re_, orig, repl, kind in decision[1]:
                    edits.append(_new_edit(Edit, (start + rs, start + re_, orig, repl, kind)))
                for ws, we, kinds in decision[2]:
                    hidden.append((start + ws, start + we, kinds))
        if spaced:
            self._spaced_letters(edits, hidden)
            edits.sort(key=lambda e: e.start)
            hidden.sort()
        # else both are in order already: regions come in order, and each region's edits and words are sorted
        if _HABIT_CHARS.search(text):
            edits, hidden = keep_habits(text, edits, hidden)
        return Restoration.build(text, edits, hidden)

    # -- regions --------------------------------------------------------------------------------------------
    def _decide_region(self, region: str, start: int, end: int) -> Decision:
        """Decide a region (on a fast path if it has the shape of one), recording what it asked."""
        asked: list[Question] = []
        decided = self._fast(region, start, end, asked)
        if decided is None:  # (what the fast path asked stays asked: its answers sent the region on)
            decided = self._decide(region, start, end, asked)
        return (tuple(asked), *decided)

    def _same_answers(self, asked: tuple[Question, ...], start: int, end: int) -> bool:
        """Do the questions a cached decision asked get the same answers at this place?"""
        for question, arg, answer in asked:
            if question == _AFTER_NUMBER:
                now: object = _after_number(self.text, start)
            elif question == _PERSIAN_LINE:
                now = self._persian_line(start)
            elif question == _NEAR_PHRASE:
                now = self._near_phrase(start, end, arg)
            elif question == _PREV_WORD:
                now = prev_word(self.text, start)
            else:
                now = next_word(self.text, end)
            if now != answer:
                return False
        return True

    def _decide(self, region: str, start: int, end: int, asked: list[Question]) -> Decided:
        text = self.text
        persian = False
        if any(c in _PERSIAN_SENSITIVE for c in region):
            persian = self._persian_line(start)
            asked.append((_PERSIAN_LINE, 0, persian))
        after = _after_number(text, start)
        asked.append((_AFTER_NUMBER, 0, after))
        ctx = RegionContext(text, start, end, persian_line=persian, after_number=after)
        words, mods = RegionDecider(region, self.lex, ctx).decide()
        looked_up = ctx.looked_up  # the neighbours the decision asked for
        if "prev_word" in looked_up:
            asked.append((_PREV_WORD, 0, looked_up["prev_word"]))
        if "next_word" in looked_up:
            asked.append((_NEXT_WORD, 0, looked_up["next_word"]))
        runs = runs_of(mods)
        if not runs:
            return (), ()
        rel_edits = sorted((rs, re_, region[rs:re_], repl, kind) for rs, re_, repl, kind in runs)
        rel_hidden = word_kinds([(w.start, w.end) for w in words], [(rs, re_, kind) for rs, re_, _r, kind in runs])
        return tuple(rel_edits), tuple(sorted(rel_hidden))

    def _fast(self, region: str, start: int, end: int, asked: list[Question]) -> Decided | None:
        """Decide the region on a fast path if it has the shape of one (see :mod:`fastpath`)."""
        if STAND_IN.search(region):
            return None  # a Latin letter or a digit inside a word: the full decision

        def persian_line() -> bool:
            answer = self._persian_line(start)
            asked.append((_PERSIAN_LINE, 0, answer))
            return answer

        def after_number() -> bool:
            answer = _after_number(self.text, start)
            asked.append((_AFTER_NUMBER, 0, answer))
            return answer

        def near_phrase(n: int) -> bool:
            answer = self._near_phrase(start, end, n)
            asked.append((_NEAR_PHRASE, n, answer))
            return answer

        return decide_pieces(region, pieces(region), self.lex, after_number, near_phrase, persian_line)

    def _near_phrase(self, start: int, end: int, length: int) -> bool:
        """Could a word of ``length`` letters here complete a phrase with a neighbour (a replaced letter)?"""
        return self.lex.may_complete_phrase(prev_word(self.text, start), next_word(self.text, end), length)

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


def _evict_oldest(cache: dict) -> None:
    try:
        del cache[next(iter(cache))]
    except (KeyError, RuntimeError, StopIteration):  # another thread got there first
        pass


def _after_number(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()
