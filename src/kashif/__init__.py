"""kashif (كاشف): reads Arabic news the way its writers meant it.

Public API:

- :func:`restore` undoes moderation-evasion obfuscation and keeps an exact map to the original text.
- :func:`search_key` folds text for matching (diacritics, tatweel, alef/hamza, ى/ي, ة/ه).
- :func:`extract` turns an Arabic report into event records in ACLED's schema.
"""

from kashif.restore import Edit, HiddenWord, Restoration, restore, search_key  # noqa: I001 (restore first)
from kashif.extract import Event, extract

__all__ = ["Edit", "Event", "HiddenWord", "Restoration", "extract", "restore", "search_key"]
__version__ = "0.1.0"
