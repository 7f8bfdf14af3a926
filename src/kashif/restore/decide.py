"""Decisions: choose, with the lexicon as evidence, how a region's segments group into words.

For each region the restorer scores every grouping of its segments (a dynamic programme over the segments):
a group joined into one word scores the log10 probability of its best reading plus the priors of the
tricks that reading assumes; a gap kept as a boundary scores the prior of such a gap being a real one
(:data:`kashif.restore.badness.SPLIT_PRIOR`). The best total wins, so a gap is only closed where the
restored word is better supported than the split reading, and a weak gap (bare punctuation) is only closed
into a word the lexicon knows.
"""

from __future__ import annotations

from dataclasses import dataclass

from kashif.restore.badness import SPLIT_PRIOR, Gap, classify_gap, is_diacritic_spam, kept_tanween
from kashif.restore.candidates import (
    Reading,
    Segment,
    build_word,
    combos,
    gap_options,
    has_presentation_words,
    itemize,
    join_mods,
    letter_units,
    normalise_char,
    stand_in_readings,
)
from kashif.restore.chardata import LOOKALIKE_ALTERNATIVES, LOOKALIKES, TATWEEL
from kashif.restore.lexicon import UNKNOWN_BASE, UNKNOWN_PER_LETTER, Lexicon, strip_marks

INSERTABLE = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإةىئؤ"
STAND_IN_KEEP_PRIOR = -3.0  # a Latin letter glued to an Arabic word, left as it is
PHRASE_BONUS = 2.0
INSERTION_PRIOR = -3.0
ALEF_MADDA_PRIOR = -1.0
REPETITION_PRIOR = -1.0
WEAK_JOIN_MIN_LOGP = -6.0  # zipf 3
FINAL_YEH_PRIOR = -0.3


@dataclass
class Word:
    """A word of the decided region: its segment range, reading and the region span it covers."""

    first: int
    last: int
    reading: Reading
    start: int
    end: int


class RegionContext:
    """What the decision may need from outside the region. The neighbouring words are looked up on demand,
    and ``looked_up`` keeps those that were, so a decision can be reused where they are the same."""

    def __init__(self, text: str, start: int, end: int, persian_line: bool, after_number: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.persian_line = persian_line
        self.after_number = after_number  # the region follows a number (1436 هـ، 2014م)
        self.looked_up: dict[str, str] = {}

    @property
    def prev_word(self) -> str:
        word = self.looked_up.get("prev_word")
        if word is None:
            word = self.looked_up["prev_word"] = prev_word(self.text, self.start)
        return word

    @property
    def next_word(self) -> str:
        word = self.looked_up.get("next_word")
        if word is None:
            word = self.looked_up["next_word"] = next_word(self.text, self.end)
        return word


def prev_word(text: str, start: int) -> str:
    """The letters of the last word in the 60 characters before ``start`` (for phrases)."""
    chunk = text[max(0, start - 60) : start].rsplit(None, 1)
    return _letters_only(chunk[-1]) if chunk else ""


def next_word(text: str, end: int) -> str:
    """The letters of the first word in the 60 characters after ``end``."""
    chunk = text[end : end + 60].split(None, 1)
    return _letters_only(chunk[0]) if chunk else ""


def _letters_only(word: str) -> str:
    word = strip_marks(word)
    return word if word.isalpha() else "".join(c for c in word if c.isalpha())


class RegionDecider:
    """Decide one region: ``decide()`` returns its words and all its character edits."""

    def __init__(self, region: str, lex: Lexicon, ctx: RegionContext) -> None:
        self.region = region
        self.lex = lex
        self.ctx = ctx
        self.items = itemize(region)
        self.forms = has_presentation_words(region)
        self.lookalikes = not ctx.persian_line
        self.segments: list[Segment] = []
        self.gaps: list[tuple[int, int]] = []
        self.gap_classes: list[Gap] = []
        self.lead: tuple[int, int] | None = None  # a Latin stand-in glued before the first segment
        self.trail: tuple[int, int] | None = None
        self._split()

    # -- structure --------------------------------------------------------------------------------------
    def _split(self) -> None:
        region = self.region
        seg_items = [(s, e) for kind, s, e in self.items if kind == "L"]
        for s, e in seg_items:
            chars = [(i, normalise_char(region[i], self.forms, self.lookalikes)) for i in range(s, e)]
            self.segments.append(Segment(s, e, chars, letter_units(chars)))
        for a, b in zip(self.segments, self.segments[1:], strict=False):
            self.gaps.append((a.end, b.start))
            self.gap_classes.append(classify_gap(region[a.end : b.start], self.ctx.persian_line))
        if self.segments:
            self.lead = self._edge(0, self.segments[0].start, leading=True)
            self.trail = self._edge(self.segments[-1].end, len(region), leading=False)
        self._guards()

    def _edge(self, s: int, e: int, leading: bool) -> tuple[int, int] | None:
        """A run of 1-3 Latin letters glued (directly or by tatweel) to the word at this edge."""
        edge = self.region[s:e]
        core = edge.rstrip(TATWEEL) if leading else edge.lstrip(TATWEEL)
        if not core or len(core) > 3 or not all(c.isascii() and (c.isalpha() or c == "|") for c in core):
            return None
        if leading:
            return (e - len(edge), e) if edge.startswith(core) else None
        return (s, s + len(edge)) if edge.endswith(core) else None

    def _guards(self) -> None:
        """Turn gaps that clean text writes on purpose into hard boundaries."""
        if "#" in self.region or "@" in self.region:  # hashtags and handles: #تفجير_مسجد_عسير
            self.gap_classes = [Gap.HARD if c is Gap.WEAK else c for c in self.gap_classes]
            for k, (gs, ge) in enumerate(self.gaps):
                if ("#" in self.region[gs:ge] or "@" in self.region[gs:ge]) and "_" in self.region[ge:]:
                    self.gap_classes[k] = Gap.HARD  # وسم#كم_لك_سنة: a hashtag starts, words joined by _
        strong = any(c in (Gap.STRONG, Gap.TATWEEL, Gap.INVISIBLE) for c in self.gap_classes)
        dotted = sum(c is Gap.WEAK for c in self.gap_classes) >= 2  # بي.إم.دبليو، أ.ف.ب
        for k, cls in enumerate(self.gap_classes):
            left, right = self.segments[k], self.segments[k + 1]
            if cls is Gap.WEAK and not strong and (dotted or len(left.letters) == 1 or len(right.letters) == 1):
                self.gap_classes[k] = Gap.HARD  # initials and abbreviations: د.ب، أ.ف، ق.م، د.محمد
        if self.segments and self.gap_classes:
            first = self.segments[0]
            before = self.region[: first.start]
            gap = self.region[self.gaps[0][0] : self.gaps[0][1]]
            unit = self.gap_classes[0] is Gap.WEAK or (gap[0] == TATWEEL and gap[-1] != TATWEEL)
            after_number = (self.ctx.after_number and not before) or any(c.isdigit() for c in before)
            if len(first.letters) <= 2 and unit and after_number:
                self.gap_classes[0] = Gap.HARD  # 1436هـ، 2014م. : an era or unit after a number

    # -- scoring ----------------------------------------------------------------------------------------
    def _unknown(self, word: str) -> bool:
        key = strip_marks(word)
        return self.lex.logp(key) <= UNKNOWN_BASE + UNKNOWN_PER_LETTER * len(key) + 1e-9

    def _phrase(self, word: str, first: int, last: int) -> float:
        bonus = 0.0
        if first == 0 and self.ctx.prev_word and self.lex.is_phrase(self.ctx.prev_word, word):
            bonus = PHRASE_BONUS
        if last == len(self.segments) - 1 and self.ctx.next_word and self.lex.is_phrase(word, self.ctx.next_word):
            bonus = PHRASE_BONUS
        return bonus

    def group(self, first: int, last: int) -> Reading | None:
        """The best reading of segments first..last as one word (None if a hard gap lies inside)."""
        inner = range(first, last)
        if any(self.gap_classes[k] is Gap.HARD for k in inner):
            return None
        segs = self.segments[first : last + 1]
        options = [
            gap_options(self.region, *self.gaps[k], self.gap_classes[k], self.segments[k], self.segments[k + 1])
            for k in inner
        ]
        weak_only = all(self.gap_classes[k] is Gap.WEAK for k in inner) and bool(inner)
        signal = any(self.gap_classes[k] is not Gap.WEAK for k in inner)
        lead = self.lead if first == 0 else None
        trail = self.trail if last == len(self.segments) - 1 else None
        best: Reading | None = None
        inner_list = list(inner)
        gap_spans = [self.gaps[k] for k in inner]
        for choice in combos(options):
            core, prior, _ = build_word(segs, inner_list, choice)
            mods = None  # the edits of this choice, made when one of its readings leads
            for word, p2, extra in self._variants(core, segs, lead, trail, signal):
                if weak_only and (self.lex.known(word) or -99.0) < WEAK_JOIN_MIN_LOGP:
                    continue  # bare punctuation is only closed into a well-attested word
                score = self.lex.logp(strip_marks(word)) + prior + p2 + self._phrase(word, first, last)
                if best is None or score > best.score:
                    if mods is None:
                        mods = join_mods(self.region, segs, gap_spans, choice)
                    best = Reading(word, score, mods + extra)
        return best

    def _maybe_insert(self, w: Word) -> None:
        """After the grouping is decided: a word whose letters alone leave it unknown, or whose neighbour
        names a phrase, may have had a letter replaced by filler."""
        inner = range(w.first, w.last)
        if not any(self.gap_classes[k] is Gap.STRONG for k in inner):
            return
        edge_phrase = (w.first == 0 and self.ctx.prev_word in self.lex.phrase_words) or (
            w.last == len(self.segments) - 1 and self.ctx.next_word in self.lex.phrase_words
        )
        if not edge_phrase and not self._unknown(w.reading.word):
            return
        segs = self.segments[w.first : w.last + 1]
        options = [
            gap_options(self.region, *self.gaps[k], self.gap_classes[k], self.segments[k], self.segments[k + 1])
            for k in inner
        ]
        better = self._insertion(w.reading, segs, options, w.first, w.last)
        if better is not None:
            w.reading = better

    def _variants(self, core: str, segs: list[Segment], lead, trail, signal: bool):
        """Readings of the joined letters: stand-ins at the edges, final ی, a misused آ, repeated letters."""
        heads = self._edge_readings(lead, leading=True)
        tails = self._edge_readings(trail, leading=False)
        last_idx, last_orig = self._last_letter(segs)
        for h, hp, hm in heads:
            for t, tp, tm in tails:
                word = h + core + t
                yield word, hp + tp, hm + tm
                if last_orig in LOOKALIKE_ALTERNATIVES and self.lookalikes and not t:
                    alt = LOOKALIKE_ALTERNATIVES[last_orig]
                    pos = word.rfind(LOOKALIKES[last_orig])
                    yield word[:pos] + alt + word[pos + 1 :], hp + tp + FINAL_YEH_PRIOR, hm + tm + [
                        (last_idx, alt, "lookalike")
                    ]
                if signal and "آ" in word and "آء" not in word:  # old spelling writes آء: ورآءهم
                    yield from self._madda_variants(word, segs, hp + tp, hm + tm)
                if len(segs) == 1:
                    yield from self._repetition_variants(word, segs, hp + tp, hm + tm)

    def _edge_readings(self, edge: tuple[int, int] | None, leading: bool) -> list[tuple[str, float, list]]:
        """Readings of a Latin stand-in glued to the word's edge: kept as it is, or read as Arabic letters."""
        if edge is None:
            return [("", 0.0, [])]
        s, e = edge
        latin = self.region[s:e].rstrip(TATWEEL) if leading else self.region[s:e].lstrip(TATWEEL)
        readings: list[tuple[str, float, list]] = [("", STAND_IN_KEEP_PRIOR, [])]
        for r in stand_in_readings(latin):
            readings.append((r, -1.0, [(i, r if i == s else "", "lookalike") for i in range(s, e)]))
        return readings

    def _last_letter(self, segs: list[Segment]) -> tuple[int, str]:
        for idx, _c in reversed(segs[-1].chars):
            ch = self.region[idx]
            if ch in LOOKALIKES or ch.isalpha():
                return idx, ch
        return -1, ""

    def _madda_variants(self, word: str, segs: list[Segment], prior: float, mods: list):
        idxs = [idx for seg in segs for idx, c in seg.chars if c == "آ"]
        for idx in idxs:
            yield word.replace("آ", "ا", 1), prior + ALEF_MADDA_PRIOR, [*mods, (idx, "ا", "lookalike")]

    def _repetition_variants(self, word: str, segs: list[Segment], prior: float, mods: list):
        bare = strip_marks(word)
        if not any(bare[i] == bare[i + 1] == bare[i + 2] for i in range(len(bare) - 2)):
            return
        if not self._unknown(word):
            return
        # letters standing three times or more in a row: keep two of them, or one; the lexicon chooses
        chars = [(idx, c) for seg in segs for idx, c in seg.chars if c.isalpha()]
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(chars):
            j = i
            while j + 1 < len(chars) and chars[j + 1][1] == chars[i][1]:
                j += 1
            if j - i + 1 >= 3:
                runs.append((i, j))
            i = j + 1
        for keep in (2, 1):
            drop = {k for lo, hi in runs for k in range(lo + keep, hi + 1)}
            kept = "".join(c for k, (_, c) in enumerate(chars) if k not in drop)
            yield kept, prior + REPETITION_PRIOR, [*mods, *((chars[k][0], "", "repetition") for k in sorted(drop))]

    def _insertion(self, best: Reading, segs: list[Segment], options, first: int, last: int) -> Reading | None:
        """A letter replaced by filler (القـ،،،ـام): put it back where lexicon and neighbours agree."""
        inner = list(range(first, last))
        plain = [opts[0] for opts in options]
        found: list[Reading] = []
        for pos, k in enumerate(inner):
            if self.gap_classes[k] is not Gap.STRONG:
                continue
            for letter in INSERTABLE:
                choice = list(plain)
                choice[pos] = (letter, 0.0, "replaced_letter", False)
                word, prior, _ = build_word(segs, inner, choice)
                lp = self.lex.known(word)
                if lp is None:
                    continue
                mods = join_mods(self.region, segs, [self.gaps[j] for j in inner], choice)
                found.append(Reading(word, lp + prior + INSERTION_PRIOR + self._phrase(word, first, last), mods,
                                     inserted=True))
        if not found:
            return None
        found.sort(key=lambda r: r.score, reverse=True)
        top = found[0]
        phrase = self._phrase(top.word, first, last) > 0
        if phrase and top.score > best.score:
            return top
        runner_up = found[1].score if len(found) > 1 else -99.0
        if self._unknown(best.word) and top.score - INSERTION_PRIOR >= -5.0 and top.score - runner_up >= 1.0:
            return top
        return None

    # -- the programme ----------------------------------------------------------------------------------
    def decide(self) -> tuple[list[Word], list[tuple[int, str, str]]]:
        n = len(self.segments)
        if n == 0:
            return [], []
        best: list[tuple[float, list[Word]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                before = best[i]
                if before is None:
                    continue
                if i < j - 1 and self.gap_classes[i] is Gap.HARD:
                    break  # a group cannot reach across a hard gap
                reading = self.group(i, j - 1)
                if reading is None:
                    continue
                split = 0.0
                if i > 0:
                    cls = self.gap_classes[i - 1]
                    split = SPLIT_PRIOR.get(cls, 0.0)
                    if self._gap_has_latin(i - 1):
                        split = min(split, STAND_IN_KEEP_PRIOR)
                total = before[0] + split + reading.score
                here = best[j]
                if here is None or total > here[0]:
                    s = self.segments[i].start
                    e = self.segments[j - 1].end
                    best[j] = (total, [*before[1], Word(i, j - 1, reading, s, e)])
        end = best[n]
        assert end is not None
        words = end[1]
        mods: list[tuple[int, str, str]] = []
        for w in words:
            self._maybe_insert(w)
            mods.extend(w.reading.mods)
            self._extend_span(w)
        mods.extend(self._char_mods(words))
        return words, mods

    def _gap_has_latin(self, k: int) -> bool:
        s, e = self.gaps[k]
        return any(c.isascii() and c.isalnum() for c in self.region[s:e])

    def _extend_span(self, w: Word) -> None:
        touched = {idx for idx, _r, _k in w.reading.mods}
        if w.first == 0 and self.lead and self.lead[0] in touched:
            w.start = self.lead[0]
        if w.last == len(self.segments) - 1 and self.trail and self.trail[0] in touched:
            w.end = self.trail[1]

    def _char_mods(self, words: list[Word]) -> list[tuple[int, str, str]]:
        """Letter-level fixes: presentation forms, look-alikes, diacritic spam."""
        mods: list[tuple[int, str, str]] = []
        taken = {idx for w in words for idx, _r, _k in w.reading.mods}
        for w in words:
            segs = self.segments[w.first : w.last + 1]
            units = letter_units([c for s in segs for c in s.chars])
            spam = is_diacritic_spam(units)
            keep = self._kept_tanween(segs, units) if spam else None
            for seg in segs:
                for idx, norm in seg.chars:
                    if idx in taken:
                        continue
                    orig = self.region[idx]
                    if spam and norm in _MARK_SET and idx != keep:
                        mods.append((idx, "", "diacritic_spam"))
                    elif norm != orig:
                        kind = "presentation_form" if orig not in LOOKALIKES else "lookalike"
                        mods.append((idx, norm, kind))
        return mods


    def _kept_tanween(self, segs: list[Segment], units: list[tuple[str, str]]) -> int | None:
        """Region index of the fathatan that spam removal keeps (see :func:`badness.kept_tanween`)."""
        unit = kept_tanween(units)
        if unit is None:
            return None
        chars = [(idx, c) for seg in segs for idx, c in seg.chars]
        pos = -1
        for idx, c in chars:
            if c not in _MARK_SET:
                pos += 1
            elif pos == unit and c == "\u064b":
                return idx
        return None


_MARK_SET = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658"
                "\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670")
