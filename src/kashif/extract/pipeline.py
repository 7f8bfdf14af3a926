"""``extract(text, published)``: an Arabic report in, event records out.

The pipeline, each step its own module:

1. :func:`kashif.restore` undoes the obfuscation; everything after works on the restored text and maps
   evidence back to the ORIGINAL text through the restoration's offset map.
2. :mod:`~kashif.extract.sentences` cuts the text into sentences.
3. The article's country and province are read from all the places it names (:mod:`~kashif.extract.places`);
   they resolve ambiguous places and country-dependent actors (الجيش، الشرطة).
4. In each sentence :mod:`~kashif.extract.triggers` finds the event expressions; :mod:`~kashif.extract.modality`
   drops mentions that report no event and says whether the event occurred, was threatened, planned or
   denied. Triggers of one sentence that name the same event (غارة ... أدت إلى مقتل) become one event.
5. For each event: who did it to whom (:mod:`~kashif.extract.actors`), where (one event per place of a list:
   "غارات على البوكمال والميادين" is two events), when (:mod:`~kashif.extract.dates`), how many were
   killed (:mod:`~kashif.extract.numbers`), and the evidence sentence.
6. An event the article repeats (its lead and its body) is kept once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime

from kashif.extract import modality as modality_mod
from kashif.extract.actors import actor_inter, assign_roles, find_actors
from kashif.extract.dates import event_date, find_dates
from kashif.extract.numbers import count_fatalities
from kashif.extract.places import Place, PlaceContext, load_gazetteer
from kashif.extract.records import Event
from kashif.extract.sentences import split_sentences
from kashif.extract.subplaces import find_subplaces
from kashif.extract.triggers import Trigger, find_triggers
from kashif.restore import restore

# "و" between two places of a list, quotes allowed: منطقتي “البوكمال” و”الميادين”
_AND_BETWEEN = re.compile("[\\s«»\"“”'‘’]*و[\\s«»\"“”'‘’]*")
_PLACE_FIELDS = ("location", "country", "admin1", "geonameid", "latitude", "longitude", "geo_precision")
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
# Which trigger names an event best when several in one sentence name the same one.
_KIND_RANK = {"event": 0, "weapon": 1, "outcome": 2, "participant": 3}


def parse_published(published: date | datetime | str | None) -> date | None:
    """The publication date from a date, a datetime or an ISO string (``2020-01-07``, ``2020-01-07T10:00``)."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(f"published must be an ISO date like 2020-01-07, not {published!r}") from None
    raise TypeError(f"published must be a date, a datetime, an ISO string or None, not {type(published).__name__}")


@dataclass
class _Candidate:
    trigger: Trigger
    modality: str


def extract(text: str, published: date | datetime | str | None = None) -> list[Event]:
    """Event records (ACLED's schema, ``../shared/codebook.md``) for the Arabic report ``text``.

    ``published`` (a date, a datetime or an ISO string) resolves relative dates (أمس، الثلاثاء الماضي);
    without it they stay unresolved. Evidence offsets index ``text`` itself, obfuscation included.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes str, not {type(text).__name__}; decode bytes first")
    pub = parse_published(published)
    r = restore(text)
    rt = r.text
    gaz = load_gazetteer()
    article_places = gaz.places(rt)
    dates = find_dates(rt, pub)
    context = _article_context(article_places)
    events: list[Event] = []
    seen: set[tuple] = set()
    previous_place: Place | None = None  # the last place named in the current paragraph
    previous_end = 0
    for sent in split_sentences(rt):
        if "\n" in rt[previous_end : sent.start]:
            previous_place = None  # a new paragraph: places do not carry over
        previous_end = sent.end
        candidates = _candidates(sent.text)
        sentence_places = gaz.places(sent.text, context)
        if not candidates:
            if sentence_places:
                previous_place = sentence_places[-1]
            continue
        actors = find_actors(sent.text, context.country)
        subplaces = find_subplaces(sent.text, sentence_places, previous_place)
        when = event_date(rt, pub, (sent.start, sent.end), mentions=dates)
        ostart, oend = r.original_span(sent.start, sent.end)
        toll: int | None = None  # the sentence's fatalities, counted once if an occurred violent event needs it
        for cand in candidates:
            t = cand.trigger
            roles = assign_roles(sent.text, (t.start, t.end), actors, context.country, t.event_type,
                                 t.sub_event_type)
            t = _territory(t, roles.actor1)
            killed = 0
            if cand.modality == "occurred" and t.event_type in VIOLENT:
                if toll is None:
                    toll = count_fatalities(sent.text).count
                killed = toll
            where = _event_places(sent.text, t, sentence_places, subplaces, previous_place, cand.modality)
            if not where and not article_places:
                where = [None]  # a text that names no place we know (a single sentence, a post): unplaced
            for place in where:
                event = Event(
                    event_type=t.event_type,
                    sub_event_type=t.sub_event_type,
                    modality=cand.modality,
                    actor1=roles.actor1,
                    actor1_attributed=roles.actor1_attributed,
                    actor2=roles.actor2,
                    **_place_fields(place),
                    event_date=when.date.isoformat() if when.date else "",
                    time_precision=when.time_precision,
                    fatalities=killed,
                    evidence=text[ostart:oend],
                    evidence_start=ostart,
                    evidence_end=oend,
                )
                key = (event.event_type, event.sub_event_type, event.modality, event.location, event.event_date)
                if key in seen:
                    continue  # the article repeats an event (its lead and its body)
                seen.add(key)
                events.append(event)
        if sentence_places:
            previous_place = sentence_places[-1]
    return events


def _candidates(sentence: str) -> list[_Candidate]:
    """The events a sentence reports: one per type, the best trigger of each, with its modality."""
    best: dict[tuple[str, str, str], _Candidate] = {}
    triggers = find_triggers(sentence)
    for t in triggers:
        if not modality_mod.is_event_report(sentence, t):
            continue
        mod = modality_mod.modality(sentence, t)
        key = (t.event_type, t.sub_event_type, mod)
        old = best.get(key)
        if old is None or _rank(t) < _rank(old.trigger):
            best[key] = _Candidate(t, mod)
    # an outcome (مقتل) or a weapon (قذائف) next to an event trigger of the same sentence is that event
    events = [c for c in best.values() if c.trigger.kind == "event"]
    out = list(events)
    for c in best.values():
        if c.trigger.kind == "event":
            continue
        if any(e.modality == c.modality for e in events):
            continue
        out.append(c)
    out.sort(key=lambda c: c.trigger.start)
    return out


def _place_fields(place: Place | None) -> dict:
    if place is None:
        return {"location": "", "country": "", "admin1": "", "geonameid": None, "latitude": None,
                "longitude": None, "geo_precision": None}
    return {f: getattr(place, f) for f in _PLACE_FIELDS}


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# Armed groups that fight for a government and whose captures ACLED codes as the government's (README 8).
_GOVERNMENT_SIDE = {"Popular Resistance", "Popular Mobilization Forces"}


def _territory(t: Trigger, actor1: str) -> Trigger:
    """A capture is the government's or a non-state actor's by who took it (codebook §2, README 8)."""
    if t.event_type != "Battles" or t.sub_event_type not in _TERRITORY or not actor1:
        return t
    state = actor_inter(actor1) == "State forces" or actor1 in _GOVERNMENT_SIDE
    return replace(t, sub_event_type=_TERRITORY[0] if state else _TERRITORY[1])


def _rank(t: Trigger) -> tuple[int, int, int]:
    return (_KIND_RANK.get(t.kind, 9), 0 if t.rule != "default" else 1, t.start)


def _article_context(places: list[Place]) -> PlaceContext:
    """The country and province an article is about: the most named ones."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return PlaceContext()
    country = countries.most_common(1)[0][0]
    provinces = Counter(p.admin1 for p in places if p.country == country and p.admin1)
    admin1 = provinces.most_common(1)[0][0] if provinces else None
    return PlaceContext(country=country, admin1=admin1)


def _event_places(sentence: str, t: Trigger, places: list[Place], subplaces: list[list[Place]],
                  previous: Place | None, modality: str) -> list[Place]:
    """Where the event at trigger ``t`` happened: the places after it in its sentence (one event per place
    of a list), else the nearest before it, else the place named last in its paragraph. An event with no
    place at all is not coded (codebook §5; README decision 9); nor is an occurred event placed only by a
    country's name (سوريا, العراق name the setting, not where it happened), while a threat or a plan may be
    (هدد بقصف 52 هدفاً لإيران). A list of sub-places the gazetteer lacks (أحياء سارة والنزهة) gives one event
    each, when it comes before any known place after the trigger."""
    if modality == "occurred":
        places = [p for p in places if p.feature != "country"]
        if previous is not None and previous.feature == "country":
            previous = None
    groups = [g for g in subplaces if g[0].start >= t.start]
    known_after = [p for p in places if p.start >= t.start]
    if groups and (not known_after or groups[0][0].start < known_after[0].start):
        return groups[0]
    after = [p for p in places if p.start >= t.start]
    if after:
        listed = [after[0]]
        for p in after[1:]:
            joined = _AND_BETWEEN.fullmatch(sentence, listed[-1].end, p.start) is not None
            if joined or (p.mention is not None and p.mention.coordinated):
                listed.append(p)
            else:
                break
        return listed
    before = [p for p in places if p.end <= t.start]
    if before:
        return [before[0]]  # the first place named: later ones tend to qualify it (المقابلة لمدينة ...)
    return [previous] if previous is not None else []
