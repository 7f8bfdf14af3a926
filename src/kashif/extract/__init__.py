"""Extraction: turn Arabic conflict reports into event records (codebook in ../shared/codebook.md).

``extract(text, published=...)`` is the public entry point (:mod:`kashif.extract.pipeline`).
"""

from kashif.extract.pipeline import extract, parse_published
from kashif.extract.records import Event

__all__ = ["Event", "extract", "parse_published"]
