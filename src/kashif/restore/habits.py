"""The writer's habits, kept: a character a text uses throughout is its spelling, not a disguise.

A disguise is local: a writer breaks the few words a filter looks for. Some texts instead use a character
wherever their keyboard or editor puts it, and restoring those would report an ordinary text as evasive:

- a Persian keyboard has no alef maksura, so its users type a final Persian yeh for it (إلی، هدی); a text
  that does so in two different words or more, and more often than it writes a final ى itself, keeps its
  final ی, for ى and for ي alike (an evader who disguises every الحوثی of a post disguises one word, not a
  habit);
- some editors put a bidi mark (RLM, LRM, ALM) at the start of words, and so also right after a one-letter
  conjunction or preposition joined to its word (و‏تشكيل); a text with that mark at the start of two words or
  more keeps it after such a letter.

Inside a word, and in texts without the habit, these characters are restored as usual. search_key() folds
them either way, so a search finds these words however they are spelled.
"""

from __future__ import annotations

import re

from kashif.restore.candidates import token_start
from kashif.restore.offsets import Edit, word_kinds

_FINAL_FARSI_YEH = re.compile("(?<=[\u0621-\u064a\u06cc])[\u06cc\u06d2](?![\u0621-\u06ff])")
_FINAL_ALEF_MAKSURA = re.compile("\u0649(?![\u0621-\u06ff])")
_BIDI = "\u200e\u200f\u061c"
_BIDI_WORD_START = re.compile(f"(?:^|(?<=\\s))[{_BIDI}]+(?=\\w)")
_PROCLITIC_BIDI = re.compile(f"(?:^|(?<=\\s))[وفبلك]([{_BIDI}])(?=\\w)")

Hidden = tuple[int, int, tuple[str, ...]]


def habitual(text: str, edits: list[Edit]) -> set[Edit]:
    """The edits that would undo a habit of the writer of ``text``, to be dropped."""
    habit: set[Edit] = set()
    finals = [e for e in edits if e.kind == "lookalike" and e.end - e.start == 1
              and _FINAL_FARSI_YEH.match(text, e.start)]
    maksura = [e for e in finals if e.replacement == "\u0649"]
    if maksura:
        words = {text[token_start(text, e.start) : e.end] for e in maksura}
        if len(words) >= 2 and len(maksura) > len(_FINAL_ALEF_MAKSURA.findall(text)):
            habit.update(finals)  # the keyboard's final ی, for ى and for ي alike (فی، علی)
    if any(c in text for c in _BIDI) and len(_BIDI_WORD_START.findall(text)) >= 2:
        after_proclitic = {m.start(1) for m in _PROCLITIC_BIDI.finditer(text)}
        habit.update(e for e in edits if e.kind == "zero_width" and e.end - e.start == 1 and e.start in after_proclitic)
    return habit


def keep_habits(text: str, edits: list[Edit], hidden: list[Hidden]) -> tuple[list[Edit], list[Hidden]]:
    """Drop the edits that would undo a habit of the writer (see :func:`habitual`); a hidden word with no
    edit left is no longer hidden."""
    gone = habitual(text, edits)
    if not gone:
        return edits, hidden
    edits = [e for e in edits if e not in gone]
    return edits, word_kinds([(start, end) for start, end, _kinds in hidden], [(e.start, e.end, e.kind) for e in edits])
