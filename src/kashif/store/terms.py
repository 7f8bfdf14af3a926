"""Search terms: how restored Arabic text is indexed and how a query or a watch term finds it.

A word is indexed under its folded form (:func:`kashif.search_key`: no diacritics or tatweel, alef/hamza,
ى/ي and ة/ه folded) and under the cores left when its proclitics (و ف ب ل ك ال and their combinations)
and pronoun suffixes are taken off, so that a query for قصف finds قصف، بقصف، والقصف، قصفها — and, since
the indexed text is the *restored* text, قصــ.ف as well. A query word matches a document word when the
two share a form; the query word's own stripped forms count too (القصف finds قصف).

Cores shorter than :data:`MIN_CORE` letters are not indexed: stripping ب from بلد must not make it لد.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from kashif.extract.lexmatch import analyses
from kashif.restore import search_key

MIN_CORE = 3
# A word: letters with the marks, tatweel and joiners written inside it (قَصَفَ is one word, not three).
_WORD = re.compile(r"(?:[^\W\d_][\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]*)+|\d+")


class Span(NamedTuple):
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def word_forms(folded_word: str) -> tuple[str, ...]:
    """The forms a folded word is indexed under: itself and its cores of :data:`MIN_CORE`+ letters."""
    forms = [folded_word]
    if len(folded_word) > MIN_CORE and not folded_word.isdigit():
        for an in analyses(folded_word):
            if len(an.core) >= MIN_CORE and an.core not in forms:
                forms.append(an.core)
    return tuple(forms)


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text``; spans index ``text``.

    Folding only deletes characters (marks, tatweel, invisibles) or maps one to one, so words are found
    on ``text`` itself and folded one at a time.
    """
    for m in _WORD.finditer(text):
        key = search_key(m.group())
        if key:
            yield key, m.start(), m.end()


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded (no spans: one fold of the whole text, for indexing and hashing)."""
    return _WORD.findall(search_key(text))


def index_terms(folded: list[str]) -> str:
    """The space-separated terms a document is indexed under: each of its folded words' forms, in order."""
    out: list[str] = []
    for key in folded:
        out.extend(word_forms(key))
    return " ".join(out)


class Query(NamedTuple):
    """A parsed query: one tuple of alternative forms per query word, all words required."""

    text: str
    groups: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups


def parse_query(text: str) -> Query:
    """Split a query into words; each word may match any of its forms. Restores the query first, so an
    obfuscated query (قصــ.ف) means what it says."""
    from kashif import restore

    restored = restore(text).text
    groups = []
    for key, _, _ in words(restored):
        forms = word_forms(key)
        if forms not in groups:
            groups.append(forms)
    return Query(text, tuple(groups))


def find_spans(text: str, query: Query, *, phrase_only: bool = False) -> list[Span]:
    """Where the query's words occur in ``text`` (restored text), as spans of ``text``.

    A query of several words matches them as a phrase (consecutive words, in order) when the phrase is
    there; otherwise (unless ``phrase_only``, as for watch terms) each word where it stands.
    """
    if query.empty:
        return []
    ws = list(words(text))
    wanted = [set(g) for g in query.groups]

    def hit(i: int, j: int) -> bool:
        return not wanted[j].isdisjoint(word_forms(ws[i][0]))

    n = len(wanted)
    phrases = [Span(ws[i][1], ws[i + n - 1][2]) for i in range(len(ws) - n + 1)
               if all(hit(i + j, j) for j in range(n))]
    if phrases or n == 1 or phrase_only:
        return phrases
    return [Span(ws[i][1], ws[i][2]) for i in range(len(ws)) if any(hit(i, j) for j in range(n))]
