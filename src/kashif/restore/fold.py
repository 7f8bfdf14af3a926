"""Folding for matching: the same word however it is spelled, vocalised, stretched or disguised."""

from __future__ import annotations

import unicodedata

from kashif.restore.chardata import DIACRITICS, INVISIBLES, LOOKALIKES, TATWEEL, is_presentation_form

_FOLD: dict[int, str | None] = {ord(c): None for c in DIACRITICS + INVISIBLES + TATWEEL}
_FOLD.update({ord(k): v for k, v in LOOKALIKES.items()})
_FOLD.update({ord(c): "ا" for c in "أإآٱٲٳ"})
_FOLD.update({ord("ؤ"): "و", ord("ئ"): "ي", ord("ى"): "ي", ord("ة"): "ه"})
# Presentation forms fold to their letters (NFKC), then through the same table.
for _cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFD)):
    _ch = chr(_cp)
    if is_presentation_form(_ch):
        _norm = unicodedata.normalize("NFKC", _ch)
        if _norm != _ch:
            _FOLD[_cp] = _norm.translate(_FOLD)


def search_key(text: str) -> str:
    """Fold ``text`` for matching.

    Removes diacritics, tatweel and invisible characters; maps presentation forms and Persian/Urdu
    look-alikes to Arabic letters; folds أ إ آ ٱ to ا, ؤ to و, ئ and ى to ي, ة to ه; lower-cases Latin.
    The result is for comparing and indexing, not for display.
    """
    return text.translate(_FOLD).lower()
