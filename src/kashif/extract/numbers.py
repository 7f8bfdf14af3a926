"""Fatalities: how many people a sentence says were killed (codebook section 7).

The counter reads figures (digits in either script, number words, vague counts such as عشرات) and the
words that say what happened to the people counted (killed, wounded, captured, missing), ties each figure
to the word it belongs to, and adds up the killed:

- ``مقتل 19 شخصا وإصابة 43`` → 19 (the 43 are wounded); ``43 شخصا قتلوا`` → 43; ``30 قتيلا`` → 30.
- A dual is 2 (``مقتل عنصرين``, ``قتيلان``), a singular is 1 (``مقتل عنصر``, ``لقي حتفه``), a plural with no
  number is 3 (``سقوط قتلى``, ``عدد من القتلى``); ``عشرات`` 10, ``مئات`` 100, ``آلاف`` 1000.
- ``نحو 20`` is 20 and ``أكثر من 50`` is 50; a range keeps its lower end.
- Figures for different groups add up (``مقتل 25 من النصرة و7 من الفرقة`` → 32); a figure inside another
  (``بينهم 3 أطفال``) does not; a conflicting report from another source keeps the lower figure; a toll that
  "rose to" a new figure replaces the old one.
- A killed-and-wounded total with no killed figure (``250 بين قتيل وجريح``) counts as a plural: 3.

All matching is on folded text (:mod:`kashif.extract.folding`), and every span points into the text given.
The word lists are in ``data/numbers.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kashif.extract.folding import Folded, fold, fold_with_map, load_data

KILLED = "killed"
WOUNDED = "wounded"
KILLED_OR_WOUNDED = "killed_or_wounded"
CAPTURED = "captured"
MISSING = "missing"

_TOKEN = re.compile(r"\d+(?:[.,]\d{3})*(?!\d)|[^\W\d_]+|[^\w\s]")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك")
_CONJ = ("و", "ف")
_WEEKDAY_LIKE = ("الاحد", "الاثنين")
_BOUNDARY = set(".،,؛;:!?؟()[]{}«»\"“”'\n|")


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A count of people and what happened to them, with its span in the input text."""

    category: str  # killed, wounded, killed_or_wounded, captured, missing
    count: int
    start: int
    end: int
    text: str
    approximate: bool  # "نحو 20", "أكثر من 50", "عشرات", a plural with no number
    explicit: bool  # a figure or a counted singular/dual; False when inferred from a plural or a pronoun
    relation: str = "add"  # add | subset | update | alternative


@dataclass(frozen=True, slots=True)
class Fatalities:
    """The fatalities of a text, the span of the evidence for them, and the mentions they come from."""

    count: int
    start: int | None
    end: int | None
    mentions: tuple[CasualtyMention, ...]  # the killed mentions that were counted

    @property
    def evidence(self) -> tuple[int, int] | None:
        return None if self.start is None or self.end is None else (self.start, self.end)


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Cue:
    category: str
    kind: str  # verb, masdar, noun, toll, phrase
    number: int | None


class _Lexicon:
    def __init__(self) -> None:
        d = load_data("numbers.json")
        nw = d["number_words"]
        self.units = _folded_map(nw["units"])
        self.ten = _folded_map(nw["ten"])
        self.teen_units = _folded_map(nw["teen_units"])
        self.tens = _folded_map(nw["tens"])
        self.hundreds = _folded_map(nw["hundreds"])
        self.hundred_mult = {fold(w) for w in nw["hundred_multiplicand"]}
        self.thousands = _folded_map(nw["thousands"])
        self.millions = _folded_map(nw["millions"])
        self.vague = _folded_map(d["vague_numbers"]["words"])
        self.vague_need_of = {fold(w) for w in d["vague_numbers"]["need_of"]}
        self.approx_before = _phrases(d["approximators"]["before"])
        self.approx_after = _phrases(d["approximators"]["after"])
        self.range_joiners = {fold(w) for w in d["range_joiners"]}
        self.cues: dict[str, _Cue] = {}
        multi_word: list[tuple[tuple[str, ...], _Cue]] = []  # phrase cues from "cues", after "cue_phrases"
        for category, kinds in d["cues"].items():
            if category.startswith("_"):
                continue
            for kind, words in kinds.items():
                for w, n in words.items():
                    toks = tuple(_TOKEN.findall(fold(w)))
                    if len(toks) == 1:
                        self.cues.setdefault(toks[0], _Cue(category, kind, n))
                    elif len(toks) > 1:
                        multi_word.append((toks, _Cue(category, kind, n)))
        phrase_cues: dict[tuple[str, ...], _Cue] = {}
        for category, words in d["cue_phrases"].items():
            if not category.startswith("_"):
                for w in words:
                    phrase_cues.setdefault(tuple(_TOKEN.findall(fold(w))), _Cue(category, "phrase", None))
        for toks, cue in multi_word:
            phrase_cues.setdefault(toks, cue)
        for w in d["toll_nouns"]:
            toks = tuple(_TOKEN.findall(fold(w)))
            if len(toks) == 1:
                self.cues.setdefault(toks[0], _Cue(KILLED, "toll", None))
            else:
                phrase_cues.setdefault(toks, _Cue(KILLED, "toll", None))
        self.phrase_cues = phrase_cues
        self.phrases = _PhraseSet(phrase_cues)
        self.generic = {fold(w) for w in d["not_killed_verbs"]["definite_generic"]}
        persons = d["persons"]
        self.person: dict[str, int] = {}
        for number, key in ((3, "plural"), (2, "dual"), (1, "singular")):
            for w in persons[key]:
                self.person[fold(w)] = number  # singular last: an accusative singular is both
        self.subset = _phrases(d["subset_markers"])
        self.update = {fold(w) for w in d["update_markers"]}
        self.contrast = _phrases(d["contrast_markers"])
        self.report = {fold(w) for w in d["report_markers"]}
        self.negators = _phrases(d["negators"])
        self.not_negation = {fold(w) for w in d["negation_exceptions"]["words"]}
        self.not_after = {fold(w) for w in d["not_counts_after"]}
        self.not_before = {fold(w) for w in d["not_counts_before"]}
        self.bridges = {fold(w) for w in d["bridges"]} | self.update
        self.right_fillers = {fold(w) for w in d["right_fillers"]}
        self.universal = {fold(w) for w in d["universal_words"]}
        self.participles = {fold(w) for w in d["participles"]}
        # every word a number phrase can be made of (for the date grammar)
        self.number_vocab = (
            set(self.units) | set(self.ten) | set(self.teen_units) | set(self.tens) | set(self.hundreds)
            | set(self.thousands) | set(self.millions)
        )


def _folded_map(words: dict[str, int]) -> dict[str, int]:
    return {fold(k): v for k, v in words.items() if not k.startswith("_")}


def _phrases(words: list[str]) -> _PhraseSet:
    return _PhraseSet(tuple(_TOKEN.findall(fold(w))) for w in words)


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    return _Lexicon()


# ------------------------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Tok:
    text: str  # folded
    start: int  # folded offsets
    end: int
    kind: str  # num, word, punct


def _tokenize(folded: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(folded):
        s = m.group()
        c = s[0]
        start, end = m.span()
        toks.append(_Tok(s, start, end, "num" if c.isdecimal() else ("word" if c.isalpha() else "punct")))
    return toks


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[tuple[str, bool], ...]:
    """(stem, has_conjunction) readings of ``word`` with proclitics removed, the whole word first."""
    out = []
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append((word[len(p):], p[:1] in _CONJ))
    if word.startswith(("لل", "ولل", "فلل")):
        i = word.index("لل")
        out.append(("ال" + word[i + 2:], i > 0))
    return tuple(out)


def _has_stem(word: str, table) -> bool:
    return any(s in table for s, _ in _stems(word))


class _PhraseSet:
    """Word sequences, looked up by their first word (which may carry a proclitic)."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for ph in sorted(set(phrases), key=len, reverse=True):
            if ph:
                self.by_first.setdefault(ph[0], []).append(ph)
        self._starting = lru_cache(maxsize=65536)(self._phrases_starting)

    def _phrases_starting(self, word: str) -> tuple[list[tuple[str, ...]], ...]:
        """The phrases (longest first) whose first word is a reading of ``word`` (:func:`_stems`), in order."""
        return tuple(self.by_first[stem] for stem, _ in _stems(word) if stem in self.by_first)

    def match(
        self, toks: list[_Tok], i: int, allow_clitic: bool = True
    ) -> tuple[int, tuple[str, ...]] | None:
        """(end, phrase) of the longest phrase starting at token ``i``, or None."""
        if i >= len(toks):
            return None
        word = toks[i].text
        if allow_clitic:
            groups = self._starting(word)
        else:
            groups = (self.by_first[word],) if word in self.by_first else ()
        if not groups:
            return None
        best: tuple[int, tuple[str, ...]] | None = None
        for phrases in groups:
            for ph in phrases:
                end = i + len(ph)
                if end <= len(toks) and all(toks[i + k].text == ph[k] for k in range(1, len(ph))):
                    if best is None or end > best[0]:
                        best = (end, ph)
                    break
        return best


# ------------------------------------------------------------------------------------- number parse


@dataclass(slots=True)
class _Num:
    value: int
    i: int  # first token
    j: int  # one past the last token
    approximate: bool
    vague: bool
    conj: bool  # preceded by / prefixed with و (coordination)


def _number_word_at(toks: list[_Tok], i: int, lex: _Lexicon, first: bool) -> tuple[int, int, bool] | None:
    """Parse a number made of words starting at token ``i``: (value, next index, conjunction)."""
    if i >= len(toks) or toks[i].kind != "word":
        return None
    w = toks[i].text
    readings = [(w, False)] if first else []
    readings += [r for r in _stems(w) if r[0] != w]
    for stem, conj in readings:
        if not first and not conj:
            continue
        # الثلاثة after a plural (الجنود الثلاثة); never الأحد / الاثنين, the weekdays
        definite = stem.startswith("ال") and len(stem) > 4 and stem not in _WEEKDAY_LIKE
        base = stem[2:] if definite and stem[2:] in lex.number_vocab else stem
        nxt = toks[i + 1].text if i + 1 < len(toks) and toks[i + 1].kind == "word" else ""
        if base in lex.teen_units and nxt in lex.ten:
            return 10 + lex.teen_units[base], i + 2, conj
        if base in lex.units:
            if nxt in lex.hundred_mult:
                return lex.units[base] * 100, i + 2, conj
            if nxt in lex.thousands and lex.thousands[nxt] == 1000:
                return lex.units[base] * 1000, i + 2, conj
            return lex.units[base], i + 1, conj
        for table in (lex.ten, lex.tens, lex.hundreds, lex.millions):
            if base in table:
                return table[base], i + 1, conj
        if base in lex.thousands and base != fold("آلاف"):
            return lex.thousands[base], i + 1, conj
    return None


@lru_cache(maxsize=65536)
def _may_start_number(word: str) -> bool:
    """Can a figure start at this word? False when no reading of it is a conjunction, an approximator's
    first word, a number word (with or without the article) or a vague count: then :func:`_parse_number`
    finds nothing there."""
    lex = _lex()
    if word in ("و", "ف", "ال"):
        return True
    for stem, _ in ((word, False), *_stems(word)):
        if stem in lex.approx_before.by_first or stem in lex.number_vocab or stem in lex.vague:
            return True
        if stem.startswith("ال") and stem[2:] in lex.number_vocab:
            return True
    return False


def _parse_number(toks: list[_Tok], i: int, lex: _Lexicon) -> _Num | None:
    """A figure starting at token ``i`` (approximators included), or None."""
    if i < len(toks):
        kind = toks[i].kind
        if kind == "punct" or (kind == "word" and not _may_start_number(toks[i].text)):
            return None
    start = i
    approx = False
    conj = False
    if i < len(toks) and toks[i].kind == "word" and toks[i].text in ("و", "ف"):
        conj = True
        i += 1
        start = i
    # approximators before the figure: نحو، أكثر من، ما لا يقل عن ...
    while (hit := lex.approx_before.match(toks, i)) is not None:
        if toks[i].text != hit[1][0] and toks[i].text[:1] in _CONJ:
            conj = True  # ونحو 20
        i = hit[0]
        approx = True
    if i < len(toks) and toks[i].text == "ال" and i + 1 < len(toks) and toks[i + 1].kind == "num":
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    value: int | None = None
    vague = False
    j = i
    if t.kind == "num":
        value = int(re.sub(r"[.,]", "", t.text))
        j = i + 1
    else:
        r = _number_word_at(toks, i, lex, first=True)
        if r is not None:
            value, j, c = r
            conj = conj or (c and i == start)
            while True:  # compounds: خمسة وعشرون، مئة وخمسون، ثلاثة آلاف وخمسمئة
                r2 = _number_word_at(toks, j, lex, first=False)
                if r2 is None:
                    break
                v2, j2, _ = r2
                value = value * v2 if v2 >= 1000 and value < v2 else value + v2
                j = j2
        else:
            for stem, c in _stems(t.text):
                if stem in lex.vague:
                    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
                    if stem in lex.vague_need_of and nxt != "من":
                        continue
                    value, vague, approx, j = lex.vague[stem], True, True, i + 1
                    conj = conj or (c and i == start)
                    if nxt == "من" and stem in lex.vague_need_of:
                        j = i + 2
                    break
    if value is None:
        return None
    # a range or alternative keeps its lower end: 5 إلى 7، 5 أو 6، بين 10 و15
    if j + 1 < len(toks) and toks[j].text in lex.range_joiners and not vague:
        upper = _parse_number(toks, j + 1, lex) if toks[j + 1].kind == "num" or toks[j].text != "و" else None
        if upper is not None and not upper.vague and (toks[j].text != "و" or approx) and upper.value > value:
            j = upper.j
            approx = True
    hit = lex.approx_after.match(toks, j, allow_clitic=False)
    if hit is not None:
        j = hit[0]
        approx = True
    return _Num(value, start, j, approx, vague, conj)


def parse_number(text: str) -> int | None:
    """The value of a number written in digits (either script) or words: ``"خمسة وعشرون"`` → 25.

    Vague counts give the codebook's value (``"عشرات"`` → 10, ``"عدد من"`` → 3). None if ``text`` does not
    start with a number.
    """
    toks = _tokenize(fold(text))
    n = _parse_number(toks, 0, _lex())
    return None if n is None else n.value


def number_vocabulary() -> frozenset[str]:
    """Folded number words (for other grammars that take a number, such as ``قبل ثلاثة أيام``)."""
    return frozenset(_lex().number_vocab)


# ------------------------------------------------------------------------------------------- cues


@dataclass(slots=True)
class _CueAt:
    cue: _Cue
    i: int
    j: int
    stem: str
    negated: bool = False
    used: bool = False


def _find_cues(toks: list[_Tok], lex: _Lexicon) -> list[_CueAt]:
    out: list[_CueAt] = []
    phrases = lex.phrases
    i = 0
    while i < len(toks):
        if toks[i].kind != "word":
            i += 1
            continue
        hit = None
        word = toks[i].text
        found = phrases.match(toks, i) if phrases._starting(word) else None
        if found is not None:
            end, ph = found
            hit = _CueAt(lex.phrase_cues[ph], i, end, " ".join(ph))
        else:
            single = _word_cue(word)
            if single is not None:
                hit = _CueAt(single[1], i, i + 1, single[0])
        if hit is not None:
            hit.negated = _negated(toks, hit.i, lex)
            out.append(hit)
            i = hit.j
        else:
            i += 1
    return out


@lru_cache(maxsize=65536)
def _word_cue(word: str) -> tuple[str, _Cue] | None:
    """(stem, cue) of a one-word cue that ``word`` is behind its clitics; None for none or a generic word."""
    lex = _lex()
    for stem, _conj in _stems(word):
        if stem in lex.generic:
            return None
        if stem in lex.cues:
            return stem, lex.cues[stem]
    return None


def _negated(toks: list[_Tok], i: int, lex: _Lexicon) -> bool:
    """A negator (لم، دون، لا ...) within the few words before ``i`` in the same clause."""
    k = i - 1
    while k >= 0 and i - k <= 5:
        if toks[k].kind == "punct" and toks[k].text in _BOUNDARY:
            return False
        hit = lex.negators.match(toks, k)
        still = hit is not None and hit[0] < len(toks) and toks[hit[0]].text in lex.not_negation  # لا يزال
        if hit is not None and hit[0] <= i and not still:
            return True
        k -= 1
    return False


# ----------------------------------------------------------------------------------------- counting


def _masked_spans(text: str) -> list[tuple[int, int]]:
    from kashif.extract.dates import find_dates  # dates take number words from this module

    return [(m.start, m.end) for m in find_dates(text, None)]


def find_casualties(text: str, date_spans: list[tuple[int, int]] | None = None) -> list[CasualtyMention]:
    """Every count of killed, wounded, captured or missing people in ``text``, in order.

    ``date_spans`` may give the spans of the dates in ``text`` when the caller has found them already
    (:func:`kashif.extract.dates.find_dates`); otherwise they are found here.
    """
    lex = _lex()
    folded = fold_with_map(text)
    toks = _tokenize(folded.text)
    if not toks:
        return []
    cues = _find_cues(toks, lex)
    if not cues:
        return []  # a figure needs a cue (or a figure before it that had one); there is none to count
    cue_at: dict[int, _CueAt] = {}
    for c in cues:
        for k in range(c.i, c.j):
            cue_at[k] = c

    # figures
    nums: list[_Num] = []
    i = 0
    while i < len(toks):
        if i in cue_at:
            i = cue_at[i].j
            continue
        kind = toks[i].kind
        if kind == "punct" or (kind == "word" and not _may_start_number(toks[i].text)):
            i += 1  # no figure starts here (see _parse_number)
            continue
        n = _parse_number(toks, i, lex)
        if n is None or any(k in cue_at for k in range(n.i, n.j)):
            i += 1
            continue
        nums.append(n)
        i = n.j
    # dates only matter to figures: they are not counts, and a cue may be read across them
    if not nums:
        date_spans = []
    elif date_spans is None:
        date_spans = _masked_spans(text)
    counts = [n for n in nums if _is_count(n, toks, folded, date_spans, lex)]
    # tokens a figure's cue may be read across: dates and measures (في 12 يناير، خلال 24 ساعة)
    skip = {k for k, t in enumerate(toks) if _overlaps(folded.span(t.start, t.end), date_spans)} if date_spans \
        else set()
    for n in nums:
        if n not in counts:
            skip.update(range(n.i, n.j + (n.j < len(toks) and _has_stem(toks[n.j].text, lex.not_after))))
    nums = counts

    mentions: list[CasualtyMention] = []
    prev: tuple[_Num, str] | None = None
    for n in nums:
        category, cue = _attach(n, toks, cues, cue_at, skip, lex, prev)
        if category is None:
            continue
        if cue is not None:
            cue.used = True
            # قتل ضابط وثلاثة جنود: the person right after the cue is counted too
            if n.conj and cue.cue.kind in ("verb", "masdar") and cue.j < n.i:
                number = _person_number(toks[cue.j], lex)
                if number is not None and number < 3:
                    mentions.append(
                        _mention(folded, toks, cue.i, cue.j + 1, category, number, False, True, "add")
                    )
        relation = _relation(n, toks, lex, prev)
        lo = min(n.i, cue.i) if cue else n.i
        hi = max(n.j, cue.j) if cue else n.j
        if hi == n.j and hi < len(toks) and _person_number(toks[hi], lex) is not None:
            hi += 1  # the evidence takes the counted noun: مقتل 19 شخصا
        if toks[lo].kind == "word" and toks[lo].text in ("و", "ف"):
            lo += 1
        mentions.append(_mention(folded, toks, lo, hi, category, n.value, n.approximate, True, relation))
        prev = (n, category)

    # cues with no figure: a singular or dual noun after them counts; else the cue's own number
    for c in cues:
        if c.used or c.negated or c.cue.kind == "toll":
            continue
        count, lo, hi, explicit = _implicit_count(c, toks, lex, cue_at)
        if count is None:
            continue
        relation = "subset" if _after_subset_marker(toks, lo, lex) else "add"
        category = c.cue.category
        mentions.append(_mention(folded, toks, lo, hi, category, count, not explicit, explicit, relation))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _is_count(
    n: _Num, toks: list[_Tok], folded: Folded, date_spans: list[tuple[int, int]], lex: _Lexicon
) -> bool:
    if _overlaps(folded.span(toks[n.i].start, toks[n.j - 1].end), date_spans):
        return False
    nxt = toks[n.j] if n.j < len(toks) else None
    if nxt is not None:
        if nxt.text in lex.not_after or any(s in lex.not_after for s, _ in _stems(nxt.text)):
            return False
        if nxt.text == "%":
            return False
    prev = toks[n.i - 1] if n.i > 0 else None
    if prev is not None and (prev.text in lex.not_before or _has_stem(prev.text, lex.not_before)):
        return False
    # a year standing alone is not a count
    head = toks[n.i] if toks[n.i].kind == "num" else None
    return not (head is not None and len(head.text) == 4 and 1900 <= n.value <= 2100 and n.j == n.i + 1)


def _attach(
    n: _Num, toks: list[_Tok], cues: list[_CueAt], cue_at: dict[int, _CueAt], skip: set[int], lex: _Lexicon,
    prev: tuple[_Num, str] | None,
) -> tuple[str | None, _CueAt | None]:
    """What happened to the people a figure counts, and the cue that says so."""
    # 0. a figure inside the one before it: بينهم 3 أطفال
    if prev is not None and _after_subset_marker(toks, n.i, lex):
        return prev[1], None
    # 1. a counted noun right after the figure: 30 قتيلا، عشرات القتلى، 250 بين قتيل وجريح
    c = cue_at.get(n.j)
    if c is not None and c.i == n.j and c.cue.kind in ("noun", "phrase") and not c.negated:
        return c.cue.category, c
    # 2. a verb or masdar before it: مقتل 19، قتل خلالها العشرات، قتلت القوات 5
    k = n.i - 1
    between: list[_Tok] = []
    while k >= 0 and len(between) <= 4:
        if k in skip:  # a date or a measure between: قتل في 12 يناير ثلاثة أشخاص
            k -= 1
            continue
        t = toks[k]
        if t.kind == "punct" and t.text in _BOUNDARY:
            break
        c = cue_at.get(k)
        if c is not None:
            if c.negated:
                break
            if c.cue.kind in ("verb", "masdar", "phrase"):
                return c.cue.category, c
            if c.cue.kind in ("noun", "toll") and not between:
                return c.cue.category, c  # جثث 3 أشخاص، عدد القتلى 50
            if c.cue.kind in ("noun", "toll") and all(
                b.text in lex.bridges or _has_stem(b.text, lex.bridges) for b in between
            ):
                return c.cue.category, c
            break
        if t.kind == "num" or _is_number_token(t, lex):
            break
        between.append(t)
        k -= 1
    # 3. a verb or noun after it: 43 شخصا قتلوا، العشرات سقطوا قتلى، 5 أشخاص لقوا حتفهم، 8 أفراد من القبيلة قتلوا
    k = n.j
    while k < len(toks) and k - n.j <= 4:
        c = cue_at.get(k)
        if c is not None:
            if c.negated or c.cue.kind == "toll":
                break
            return c.cue.category, c
        t = toks[k]
        word = t.text
        counted_noun = k == n.j and t.kind == "word" and k not in skip  # 4 صيادين مفقودين
        if word == "من" and k + 1 < len(toks) and toks[k + 1].kind == "word" and k + 1 not in cue_at:
            k += 2  # ثمانية أفراد من القبيلة قتلوا: whose they were, between the people and the verb
            continue
        if not (counted_noun or word in lex.person or _has_stem(word, lex.person)
                or _has_stem(word, lex.right_fillers)):
            break
        k += 1
    # 4. a figure joined by و to the figure before it: مقتل 25 من النصرة و7 من الفرقة
    if prev is not None and n.conj:
        p, category = prev
        if n.i - p.j <= 15 and not any(c.i >= p.j and c.j <= n.i for c in cues):
            return category, None
    return None, None


def _is_number_token(t: _Tok, lex: _Lexicon) -> bool:
    return t.text in lex.number_vocab or _has_stem(t.text, lex.number_vocab) or _has_stem(t.text, lex.vague)


def _relation(n: _Num, toks: list[_Tok], lex: _Lexicon, prev) -> str:
    """How a figure relates to the killed figure before it: add, subset, update or alternative."""
    if _after_subset_marker(toks, n.i, lex):
        return "subset"
    if prev is None:
        return "add"
    lo = prev[0].j
    if any(_has_stem(t.text, lex.update) for t in toks[max(lo, n.i - 8): n.i]):
        return "update"  # ثم ارتفعت الحصيلة إلى 19
    between = toks[lo: n.i]
    has_contrast = any(lex.contrast.match(toks, k) is not None for k in range(lo, n.i))
    if has_contrast and any(_has_stem(t.text, lex.report) for t in between):
        return "alternative"  # فيما قالت مصادر أخرى إن 15 قتلوا
    return "add"


def _after_subset_marker(toks: list[_Tok], i: int, lex: _Lexicon) -> bool:
    """بينهم 3 أطفال: the figure at ``i`` is part of the one before it."""
    for k in range(max(0, i - 3), i):
        hit = lex.subset.match(toks, k)
        if hit is not None and hit[0] >= i - 1:
            return True
    return False


def _person_number(t: _Tok, lex: _Lexicon) -> int | None:
    if t.kind != "word":
        return None
    for stem, _ in _stems(t.text):
        base = stem[2:] if stem.startswith("ال") and stem[2:] in lex.person else stem
        if base in lex.person:
            return lex.person[base]
    return None


def _implicit_count(c: _CueAt, toks: list[_Tok], lex: _Lexicon, cue_at) -> tuple[int | None, int, int, bool]:
    """Count for a cue with no figure: (count, first token, end token, explicit)."""
    if c.j < len(toks) and any(s in lex.universal for s, _ in _stems(toks[c.j].text)):
        return None, c.i, c.j, False  # بقتل كل حوثي: no count
    if c.cue.kind == "noun" and c.stem in lex.participles:
        # رجلين مقتولين، ضابطي شرطة مقتولين: the people are named before the participle
        for k in range(c.i - 1, max(-1, c.i - 4), -1):
            if toks[k].kind == "punct":
                break
            number = _person_number(toks[k], lex)
            if number is not None:
                return number, k, c.j, number < 3
    if c.cue.kind in ("verb", "masdar"):
        # the person after it: مقتل عنصر (1)، قتل شرطيان (2)، مقتل مدنيين (3)
        for k in range(c.j, min(c.j + 3, len(toks))):
            if k in cue_at:
                break
            number = _person_number(toks[k], lex)
            if number is not None:
                return number, c.i, k + 1, number < 3
            if toks[k].kind != "word" or c.cue.kind == "masdar":
                # a masdar takes its noun right after it (مقتل زعيم التنظيم); a verb may have a subject first
                break
        if c.cue.number is not None:
            return c.cue.number, c.i, c.j, c.cue.number < 3
        if c.cue.category == KILLED and c.j < len(toks) and toks[c.j].kind == "word":
            return 1, c.i, c.j, False  # مقتل فلان، قتل الرئيس: someone died
        return None, c.i, c.j, False
    if c.cue.kind in ("noun", "phrase"):
        n = c.cue.number if c.cue.number is not None else 3
        return n, c.i, c.j, n < 3
    return None, c.i, c.j, False


def _mention(folded: Folded, toks: list[_Tok], lo: int, hi: int, category: str, count: int,
             approximate: bool, explicit: bool, relation: str) -> CasualtyMention:
    start, end = folded.span(toks[lo].start, toks[hi - 1].end)
    return CasualtyMention(category, count, start, end, folded.original[start:end], approximate, explicit,
                           relation)


def count_fatalities(text: str, date_spans: list[tuple[int, int]] | None = None) -> Fatalities:
    """The fatalities ``text`` reports (the codebook's most conservative reading), with its evidence span.

    Meant for one event's sentence. Explicit killed figures are added up, except figures inside another
    (subset), a toll that rose to a new figure (update: the new one replaces) and a conflicting figure from
    another source (alternative: the lower one). Counts inferred from a plural or a pronoun (3, 1) are used
    only when there is no explicit figure; a killed-and-wounded total alone counts 3. No report of deaths
    gives 0 with no span. ``date_spans`` is passed on to :func:`find_casualties`.
    """
    mentions = find_casualties(text, date_spans)
    killed = [m for m in mentions if m.category == KILLED and m.relation != "subset"]
    explicit = [m for m in killed if m.explicit]
    used: list[CasualtyMention] = []
    total: int | None = None
    for m in explicit:
        if total is None:
            total = m.count
            used = [m]
        elif m.relation == "update":
            total = m.count
            used = [m]
        elif m.relation == "alternative":
            if m.count < total:
                total = m.count
                used = [m]
        else:
            total += m.count
            used.append(m)
    if total is None:
        implicit = [m for m in killed if not m.explicit]
        if implicit:
            total = max(m.count for m in implicit)
            used = [next(m for m in implicit if m.count == total)]
        else:
            mixed = [m for m in mentions if m.category == KILLED_OR_WOUNDED and m.relation != "subset"]
            if mixed:
                total = min(3, max(m.count for m in mixed)) if any(m.explicit for m in mixed) else 3
                used = mixed[:1]
    if total is None:
        return Fatalities(0, None, None, ())
    return Fatalities(total, min(m.start for m in used), max(m.end for m in used), tuple(used))
