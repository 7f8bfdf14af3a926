"""What the modality and report-vs-mention tests ask of a sentence (shared by test_modality.py,
test_mentions_in_passing.py and test_background_frames.py)."""

from __future__ import annotations

import kashif
from kashif.extract.modality import Assessment, assess
from kashif.extract.triggers import Trigger, find_triggers

ASSAULT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def occurred(sentence: str) -> list[str]:
    """The sub-types of the occurred violent events ``kashif.extract`` finds in ``sentence``."""
    return [e.sub_event_type for e in kashif.extract(sentence) if e.event_type in ASSAULT and e.modality == "occurred"]


def trigger(sentence: str, surface: str) -> Trigger:
    """The first trigger written ``surface`` in ``sentence`` (the test fails, listing them, if none is)."""
    found = [t for t in find_triggers(sentence) if t.text == surface]
    assert found, [t.text for t in find_triggers(sentence)]
    return found[0]


def assessed(sentence: str, surface: str) -> Assessment:
    """How the modality module assesses the trigger written ``surface`` in ``sentence``."""
    return assess(sentence, trigger(sentence, surface))
