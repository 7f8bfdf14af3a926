"""The restorer: undo obfuscation in Arabic text exactly, never damage clean text, keep offsets."""

from kashif.restore.fold import search_key
from kashif.restore.offsets import Edit, HiddenWord, Restoration
from kashif.restore.restorer import restore_text


def restore(text: str) -> Restoration:
    """Undo moderation-evasion obfuscation in ``text``; change nothing else.

    Returns a :class:`Restoration` with the restored ``text``, the ``edits`` (indexed into the original),
    the ``hidden_words`` and an ``evasion_score``, and maps between the two texts' offsets.
    """
    if not isinstance(text, str):
        raise TypeError(f"restore() takes str, not {type(text).__name__}; decode bytes first")
    return restore_text(text)


__all__ = ["Edit", "HiddenWord", "Restoration", "restore", "search_key"]
