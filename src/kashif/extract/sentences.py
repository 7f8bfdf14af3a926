"""Sentences and clauses of Arabic news text, as spans into the input.

:func:`split_sentences` cuts a text into sentences at ``.`` ``!`` ``?`` ``؟``, an ellipsis followed by a
space (the headline separator of ``ليبيا.. مقتل العشرات``) and line breaks. A full stop is a boundary only
when white space (or the end of the text, or a closing quote or bracket and then white space) follows it,
so the dots inside ``د.ب.أ``، ``3.5``، ``د.مصطفى`` and URLs never cut; a stop after a single letter
(``أ. د. محمد``، ``(أ.ف.ب.)``) is an abbreviation and does not cut either. Short quotations and
parentheses are kept whole: a boundary inside ``«...»``، ``“...”``، ``"..."`` or ``(...)`` on one line, of
at most :data:`MAX_QUOTE` characters, is ignored, unless the terminator also closes the quotation
(``«انسحبنا.» ثم``). Closing quotes and brackets after the terminator stay in the sentence.

:func:`split_clauses` cuts a sentence further, at ``؛`` and ``:`` and before the words that open a new
clause in news prose (``فيما``، ``بينما``، ``في حين``، ``وقال``، ``وأضاف``، ``لكن``، ``إلا أن`` ...), and with
``commas=True`` also at ``،`` and ``,``. The scope rules of :mod:`kashif.extract.modality` use the same
openers.

Every span is ``(start, end)`` into the string given, with the surrounding white space left out, so
``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kashif.restore.fold import search_key

__all__ = ["CLAUSE_OPENERS", "MAX_QUOTE", "Sentence", "sentence_spans", "split_clauses", "split_sentences"]

MAX_QUOTE = 400  # a quotation or parenthesis longer than this may hold several sentences: cut inside it

_TERMINATOR = re.compile(r"\n|[.!?؟…]+")
_CLOSERS = "»”’\"')]}›"
_PAIRS = {"«": "»", "“": "”", "(": ")", "‹": "›"}
_OPENERS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_LETTER = re.compile(r"[^\W\d_]")

# Words that open a new clause (folded; with their conjunction where they take one). Two-word openers are
# given as tuples.
CLAUSE_OPENERS: frozenset[str | tuple[str, str]] = frozenset(
    {
        "فيما", "وفيما", "بينما", "وبينما", "لكن", "ولكن", "لكنه", "لكنها", "ثم", "كما", "وكما", "اما", "واما",
        "وقال", "وقالت", "واضاف", "واضافت", "واكد", "واكدت", "واوضح", "واوضحت", "واشار", "واشارت",
        "وذكر", "وذكرت", "وتابع", "وتابعت", "ولفت", "ولفتت", "واعتبر", "واعتبرت", "وزعم", "وزعمت",
        ("في", "حين"), ("وفي", "حين"), ("الا", "ان"), ("غير", "ان"), ("في", "المقابل"), ("من", "جهته"),
        ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها"), ("من", "جهة"), ("الى", "ذلك"), ("والى", "ذلك"),
    }
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or clause) of a text: ``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, each with its span in ``text``."""
    return [Sentence(s, e, text[s:e]) for s, e in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``."""
    protected = _protected(text)
    cuts: list[int] = []  # ends of sentences (exclusive)
    for m in _TERMINATOR.finditer(text):
        s, e = m.start(), m.end()
        tok = m.group()
        if tok == "\n":
            cuts.append(s)
            continue
        if _inside(protected, s) and not _ends_quote(text, e):
            continue
        if set(tok) <= {".", "…"} and not _dot_cuts(text, s, e, tok):
            continue
        while e < len(text) and text[e] in _CLOSERS:
            e += 1
        cuts.append(e)
    spans: list[tuple[int, int]] = []
    pos = 0
    for c in [*cuts, len(text)]:
        if c < pos:
            continue
        span = _strip(text, pos, c)
        if span:
            spans.append(span)
        pos = c
    return spans


def split_clauses(text: str, start: int = 0, end: int | None = None, commas: bool = False) -> list[Sentence]:
    """Split ``text[start:end]`` (a sentence) into clauses; spans are into ``text``."""
    end = len(text) if end is None else end
    cuts: set[int] = set()
    punct = "؛;:" + ("،," if commas else "")
    for i in range(start, end):
        if text[i] in punct and not (text[i] == ":" and _digit_around(text, i)):
            cuts.add(i + 1)
    words = [(m.start(), m.end(), search_key(m.group())) for m in re.finditer(r"[^\W\d_]+", text[start:end])]
    for k, (ws, _, w) in enumerate(words):
        nxt = words[k + 1][2] if k + 1 < len(words) else ""
        if k and (w in CLAUSE_OPENERS or (w, nxt) in CLAUSE_OPENERS):
            cuts.add(start + ws)
    out: list[Sentence] = []
    pos = start
    for c in [*sorted(cuts), end]:
        span = _strip(text, pos, c)
        if span:
            out.append(Sentence(span[0], span[1], text[span[0] : span[1]]))
        pos = max(pos, c)
    return out


# ------------------------------------------------------------------------------------------- helpers


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _digit_around(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _dot_cuts(text: str, s: int, e: int, tok: str) -> bool:
    """Whether the run of dots ``text[s:e]`` ends a sentence: only before white space or the end (an
    ellipsis inside a word never cuts), and a single stop not after a lone letter."""
    after = e
    while after < len(text) and text[after] in _CLOSERS:
        after += 1
    if after < len(text) and not text[after].isspace():
        return False  # ``د.ب.أ``، ``3.5``، ``د.مصطفى``، ``www.x.com``
    if tok == ".":
        # the word before the dot: a single letter (an initial or an abbreviation) does not end a sentence
        j = s
        while j > 0 and (text[j - 1] == "\u0640" or _LETTER.match(text[j - 1]) or _is_mark(text[j - 1])):
            j -= 1
        letters = [c for c in text[j:s] if _LETTER.match(c)]
        if len(letters) == 1:
            return False
    return True


def _is_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch == "\u0670"


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of short quotations and parentheses (interior only) that a boundary must not cut."""
    regions: list[tuple[int, int]] = []
    for m in _OPENERS.finditer(text):
        i, close = m.start(), _PAIRS[m.group()]
        j = text.find(close, i + 1, i + 1 + MAX_QUOTE)
        if j != -1 and "\n" not in text[i:j]:
            regions.append((i + 1, j))
    # straight double quotes pair up within a line
    for line in re.finditer(r"[^\n]+", text):
        qs = [line.start() + m.start() for m in re.finditer('"', line.group())]
        for a, b in zip(qs[0::2], qs[1::2], strict=False):
            if b - a <= MAX_QUOTE:
                regions.append((a + 1, b))
    return regions


def _ends_quote(text: str, e: int) -> bool:
    """The terminator ending at ``e`` closes the quotation too (``«انسحبنا.» ثم``)."""
    j = e
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    return j > e and (j == len(text) or text[j].isspace())


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in regions)
