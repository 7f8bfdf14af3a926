"""Arabic word lists matched through clitics and conjugations, with spans into the input.

The trigger lexicon and the cue lists of :mod:`kashif.extract.triggers` and :mod:`kashif.extract.modality`
are written as *expressions*:

- Words separated by spaces are consecutive *slots*; ``~`` is a gap of up to :data:`GAP` words.
- A slot lists alternatives separated by ``/``.
- ``v:PERF[|PERF...][,IMPF[|IMPF...]]`` is a verb in all its conjugations: the perfect stems (``قصف`` gives
  قصف قصفت قصفوا قصفنا ...), and the imperfect stems without their person prefix (``يقصف تقصف نقصف يقصفون
  ...``). Without IMPF the imperfect stem is derived: the perfect stem without its leading alif for
  the derived forms that have one (أطلق → يطلق، استهدف → يستهدف، انسحب → ينسحب، اعتقل → يعتقل), else the
  stem itself (قصف → يقصف، هاجم → يهاجم، دمّر → يدمّر، تقدّم → يتقدّم). Passives are spelled like the
  active in unvocalised text (قُصف، يُستهدف); the few that are not (اُغتيل، أُقيم) are given as extra
  stems. A verb takes و ف before it, ل and the future س before the imperfect, and object pronouns after it
  (قصفها، استهدفوه).
- ``=WORD`` is that word with only و or ف before it (particles such as لم، لا، إذا).
- Any other alternative is a nominal form (noun, masdar, participle, adjective): it takes the article
  (ال، لل), the proclitics و ف ب ل ك and their combinations (وبال، فلل ...), pronoun suffixes (مقتله،
  غارتها), and its dual; a form in ة also its sound plural (غارة → غارتين، غارات), another its
  accusative in tanween (هجوم → هجوماً). Other plurals are listed (غارة/غارات is not needed, قذيفة/قذائف
  is).

Matching is on text folded by :mod:`kashif.extract.folding` (no diacritics or tatweel, أ إ آ → ا، ى → ي، ة
→ ه), so the data may be written with hamzas and ة; every match maps back to a span of the input. A word
written with ة is never read as a verb or as a stem with the pronoun ه (سيطرة is not سيطر + ه).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kashif.extract.folding import fold, fold_with_map

__all__ = ["GAP", "Analysis", "Lexicon", "Match", "Text", "Token", "analyse", "analyses"]

GAP = 3  # words a ``~`` slot may skip (a verb's subject often stands between it and its object)

PERF_SUFFIXES = ("", "ت", "ا", "تا", "وا", "و", "نا", "ن", "تم", "تما", "تن")
IMPF_PREFIXES = ("ي", "ت", "ن", "ا")
IMPF_SUFFIXES = ("", "ون", "ان", "ين", "ن", "وا", "و", "ا")
PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني")

_VERB_PREFIXES = {"": "", "و": "", "ف": "", "ل": "impf", "س": "impf", "وس": "impf", "فس": "impf",
                  "ول": "impf", "فل": "impf"}
_NOUN_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك",
                  "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل")
_ARTICLE_PREFIXES = frozenset(p for p in _NOUN_PREFIXES if p.endswith("ال") or p.endswith("لل"))
_EXACT_PREFIXES = ("", "و", "ف")
_ALL_PREFIXES = tuple(sorted(set(_VERB_PREFIXES) | set(_NOUN_PREFIXES), key=len))

_TOKEN = re.compile(r"\n|[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]")

PERF, IMPF, NOUN, EXACT = "perf", "impf", "noun", "exact"


# ------------------------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a text: ``text`` folded, ``start``/``end`` its span in the input."""

    text: str
    start: int
    end: int
    kind: str  # word, num, punct, newline
    ta_marbuta: bool = False  # the word ends in ة (folded to ه): not a verb, not a pronoun suffix ه


@dataclass(frozen=True, slots=True)
class Text:
    """A text and its tokens."""

    text: str
    tokens: tuple[Token, ...]

    def token_at(self, pos: int) -> int:
        """Index of the first token that ends after ``pos`` (the token containing ``pos``, or the next)."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


@lru_cache(maxsize=512)
def analyse(text: str) -> Text:
    """Tokenize ``text`` on its folded form, keeping each token's span in ``text``."""
    folded = fold_with_map(text)
    ftext, index = folded.text, folded.index
    n_folded, n_text = len(ftext), len(text)
    toks = []
    for m in _TOKEN.finditer(ftext):
        s = m.group()
        fstart, fend = m.span()
        # folded.span(fstart, fend), its loop over deleted marks only where there are some
        start, end = index[fstart], index[fend - 1] + 1
        if end < (index[fend] if fend < n_folded else n_text):
            end = folded.span(fstart, fend)[1]
        if s == "\n":
            kind = "newline"
        elif s[0].isdigit():
            kind = "num"
        elif s[0].isalpha():
            kind = "word"
        else:
            kind = "punct"
        ta_marbuta = False
        if kind == "word":
            last = text[end - 1]
            ta_marbuta = last in "ةﺓﺔ" if last.isalpha() else _ends_in_ta_marbuta(text, start, end)
        toks.append(Token(s, start, end, kind, ta_marbuta))
    return Text(text, tuple(toks))


def _ends_in_ta_marbuta(text: str, start: int, end: int) -> bool:
    for ch in reversed(text[start:end]):
        if ch.isalpha():
            return ch in "ةﺓﺔ"
    return False


# ----------------------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: its proclitics, its core form and its pronoun suffix."""

    prefix: str
    core: str
    suffix: str

    @property
    def future(self) -> bool:
        return "س" in self.prefix


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every split of folded ``word`` into proclitics + core (2 letters or more) + pronoun suffix."""
    out = []
    for p in _ALL_PREFIXES:
        if not word.startswith(p):
            continue
        rest = word[len(p):]  # after ال or لل (ل + ال with its alif dropped) the bare noun
        for s in PRONOUNS:
            if s and (not rest.endswith(s) or p in _ARTICLE_PREFIXES):
                continue
            core = rest[: len(rest) - len(s)]
            if len(core) >= 2:
                out.append(Analysis(p, core, s))
                if s and core.endswith("ت"):
                    out.append(Analysis(p, core[:-1] + "ه", s))  # غارتها → غارة
    return tuple(out)


def _prefix_ok(prefix: str, tag: str) -> bool:
    if tag == NOUN:
        return prefix in _NOUN_PREFIXES
    if tag == EXACT:
        return prefix in _EXACT_PREFIXES
    need = _VERB_PREFIXES.get(prefix)
    return need is not None and (need == "" or need == tag)


def _suffix_ok(an: Analysis, tag: str) -> bool:
    return not an.suffix or tag != EXACT


# ---------------------------------------------------------------------------------------- expressions


def _verb_forms(spec: str) -> dict[str, str]:
    perf_part, _, impf_part = spec.partition(",")
    perfs = [fold(p) for p in perf_part.split("|") if p]
    if impf_part:
        impfs = [fold(p) for p in impf_part.split("|") if p]
    else:
        impfs = [p[1:] if p.startswith("ا") and len(p) >= 4 else p for p in perfs]
    forms: dict[str, str] = {}
    for p in perfs:
        for s in PERF_SUFFIXES:
            forms.setdefault(p + s, PERF)
    for stem in impfs:
        for pre in IMPF_PREFIXES:
            for s in IMPF_SUFFIXES:
                forms.setdefault(pre + stem + s, IMPF)
    return forms


def _noun_forms(word: str) -> dict[str, str]:
    w = fold(word)
    forms = {w: NOUN}
    if len(w) >= 3:
        if w.endswith("ه"):
            for s in ("تان", "تين", "ات"):
                forms.setdefault(w[:-1] + s, NOUN)
        elif not w.endswith(("ا", "ي", "و")):
            for s in ("ان", "ين", "ا"):  # dual, and the accusative of tanween (هجوماً)
                forms.setdefault(w + s, NOUN)
    return forms


GAP_SLOT: dict[str, frozenset[str]] = {}


def compile_expression(expr: str) -> list[dict[str, frozenset[str]]]:
    """Compile an expression into slots: each a map from core form to the tags it may have."""
    slots: list[dict[str, frozenset[str]]] = []
    for word in expr.split():
        if word == "~":
            slots.append(GAP_SLOT)
            continue
        slot: dict[str, set[str]] = {}
        for alt in word.split("/"):
            if not alt:
                continue
            if alt.startswith("v:"):
                forms = _verb_forms(alt[2:])
            elif alt.startswith("="):
                forms = {fold(alt[1:]): EXACT}
            else:
                forms = _noun_forms(alt)
            for f, tag in forms.items():
                slot.setdefault(f, set()).add(tag)
        slots.append({f: frozenset(t) for f, t in slot.items()})
    if not slots or slots[0] is GAP_SLOT or slots[-1] is GAP_SLOT:
        raise ValueError(f"bad expression: {expr!r}")
    return slots


# ------------------------------------------------------------------------------------------- matching


class Match(NamedTuple):
    """A match of one entry: tokens ``[first, last)`` of the text, and the readings of its words.

    A named tuple: texts give many matches, and a tuple is cheaper to build than a frozen dataclass.
    """

    payload: Hashable
    first: int
    last: int
    start: int  # span in the input text
    end: int
    readings: tuple[tuple[int, Analysis, str], ...] = ()  # (token index, analysis, tag)

    @property
    def future(self) -> bool:
        """The first verb of the match carries the future prefix س (ستقصف، سيهاجمون)."""
        return any(tag == IMPF and an.future for _, an, tag in self.readings)

    @property
    def tags(self) -> frozenset[str]:
        return frozenset(tag for _, _, tag in self.readings)


class Lexicon:
    """A set of expressions, each with a payload, matched against analysed text."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]]) -> None:
        self.entries: list[tuple[str, Hashable, list[dict[str, frozenset[str]]]]] = []
        self.first: dict[str, list[int]] = {}
        for expr, payload in entries:
            slots = compile_expression(expr)
            idx = len(self.entries)
            self.entries.append((expr, payload, slots))
            for form in slots[0]:
                self.first.setdefault(form, []).append(idx)
        self._starts = lru_cache(maxsize=65536)(self._word_starts)

    def _word_starts(self, word: str) -> tuple[tuple[Analysis, int, tuple[str | None, str | None]], ...]:
        """(reading, entry index, its tag without and with ta marbuta) for each reading of ``word`` that may
        be the first word of an entry, in order."""
        out = []
        for an in analyses(word):
            for ei in self.first.get(an.core, ()):
                first_slot = self.entries[ei][2][0]
                tags = (_tag(an, first_slot, False), _tag(an, first_slot, True))
                if tags != (None, None):
                    out.append((an, ei, tags))
        return tuple(out)

    def find(self, text: Text, lo: int = 0, hi: int | None = None) -> list[Match]:
        """Every match in tokens ``[lo, hi)`` (overlapping ones included), in text order."""
        toks = text.tokens
        hi = len(toks) if hi is None else hi
        seen: dict[tuple[int, int, int], Match] = {}
        starts, entries = self._starts, self.entries
        for i in range(lo, hi):
            tok = toks[i]
            if tok.kind != "word":
                continue
            for an, ei, tags in starts(tok.text):
                tag = tags[tok.ta_marbuta]
                if tag is None:
                    continue
                _, payload, slots = entries[ei]
                if len(slots) == 1:  # a one-word entry: the match is this token
                    key = (ei, i, i + 1)
                    if key not in seen:
                        seen[key] = Match(payload, i, i + 1, tok.start, tok.end, ((i, an, tag),))
                    continue
                for end, readings in self._rest(slots, 1, i + 1, toks, hi):
                    key = (ei, i, end)
                    if key not in seen:
                        rd = ((i, an, tag), *readings)
                        seen[key] = Match(payload, i, end, toks[i].start, toks[end - 1].end, rd)
        return sorted(seen.values(), key=lambda m: (m.first, -(m.last - m.first)))

    def _rest(self, slots: Sequence[dict[str, frozenset[str]]], k: int, j: int, toks: Sequence[Token],
              hi: int) -> list[tuple[int, tuple[tuple[int, Analysis, str], ...]]]:
        if k == len(slots):
            return [(j, ())]
        slot = slots[k]
        out: list[tuple[int, tuple[tuple[int, Analysis, str], ...]]] = []
        if slot is GAP_SLOT:
            for skip in range(GAP + 1):
                jj = j + skip
                if jj > hi or any(t.kind != "word" for t in toks[j:jj]):
                    break
                out.extend(self._rest(slots, k + 1, jj, toks, hi))
            return out
        if j >= hi or toks[j].kind != "word":
            return out
        for an in analyses(toks[j].text):
            if an.core in slot:
                tag = _tag(an, slot, toks[j].ta_marbuta)
                if tag is not None:
                    for end, rd in self._rest(slots, k + 1, j + 1, toks, hi):
                        out.append((end, ((j, an, tag), *rd)))
                    break
        return out


def _tag(an: Analysis, slot: dict[str, frozenset[str]], ta_marbuta: bool = False) -> str | None:
    tags = slot.get(an.core)
    if not tags or (ta_marbuta and an.suffix == "ه"):
        return None
    for tag in (PERF, IMPF, NOUN, EXACT):
        if ta_marbuta and tag in (PERF, IMPF):
            continue
        if tag in tags and _prefix_ok(an.prefix, tag) and _suffix_ok(an, tag):
            return tag
    return None
