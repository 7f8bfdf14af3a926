"""kashif (كاشف): reads Arabic news the way its writers meant it.

Public API:

- :func:`restore` undoes moderation-evasion obfuscation and keeps an exact map to the original text.
- :func:`search_key` folds text for matching (diacritics, tatweel, alef/hamza, ى/ي, ة/ه).
"""

from kashif.restore import Edit, HiddenWord, Restoration, restore, search_key

__all__ = ["Edit", "HiddenWord", "Restoration", "restore", "search_key"]
__version__ = "0.1.0"
