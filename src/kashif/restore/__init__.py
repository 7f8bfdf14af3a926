"""The restorer: undo obfuscation in Arabic text exactly, never damage clean text, keep offsets."""

from kashif.restore.fold import search_key
from kashif.restore.offsets import Edit, HiddenWord, Restoration
from kashif.restore.restorer import restore

__all__ = ["Edit", "HiddenWord", "Restoration", "restore", "search_key"]
