"""``extract(text, published)``: an Arabic report in, event records out.

The pipeline, each step its own module:

1. :func:`kashif.restore` undoes the obfuscation; everything after works on the restored text and maps
   evidence back to the ORIGINAL text through the restoration's offset map.
2. :mod:`~kashif.extract.sentences` cuts the text into sentences.
3. The article's places are found once and resolved twice (:mod:`~kashif.extract.places`): first alone,
   to learn the article's country and province, then knowing them, which resolves ambiguous places and
   country-dependent actors (الجيش، الشرطة) and keeps homonyms abroad out. Each sentence takes its slice.
4. In each sentence :mod:`~kashif.extract.triggers` finds the event expressions; :mod:`~kashif.extract.modality`
   drops mentions that report no event and says whether the event occurred, was threatened, planned or
   denied. Triggers of one clause that name the same event become one event: an outcome or a weapon
   (غارة ... أدت إلى مقتل), a generic attack next to a precise trigger (هجوم ... بسيارة مفخخة), fighting
   next to the capture it ended in, destruction or an advance next to the strike or battle that caused it.
5. For each event: who did it to whom (:mod:`~kashif.extract.actors`), where (the places of its clause, one
   event per place of a list: "غارات على البوكمال والميادين" is two events), when
   (:mod:`~kashif.extract.dates`), how many were killed (:mod:`~kashif.extract.numbers`: the sentence's toll
   goes to the event of its clause, and is split over a list of places), and the evidence sentence.
6. Across sentences of a paragraph: a sentence that only adds a toll (وقتل ستة عناصر) gives it to the
   event of the sentence before, or adds it to that event's toll when it gives the other side's dead (من
   جانبها، أفادت ... إن ثمانية قتلوا), also from a paragraph of its own when it opens so or points back
   (قتلى سقطوا جراء تلك الغارات); a paragraph's sub-places with no town of their own, and "the same area"
   (في المنطقة نفسها) at a paragraph's start, take the place the paragraph before named first; the dead of
   fighting go to the capture of their sentence (README 8); a denial of what was reported (نفت الوزارة
   الأمر) makes the events before it ``denied``; an event the article repeats (its lead and its body) is
   kept once, with the toll one of the mentions gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
from kashif.extract.subplaces import find_subplaces, inside_homonyms, is_place_word, same_place
from kashif.extract.triggers import Trigger, find_triggers
from kashif.restore import Restoration, restore

# "و" between two places of a list, quotes allowed: منطقتي “البوكمال” و”الميادين”
_GAP_TOKEN = re.compile("[^\\s«»\"“”'‘’،,]+")
# "و" and what may follow it between two places of a list: في منطقة، على، ...
_LIST_AND = {"و", "وفي", "وعلى", "والى", "وإلى", "وب", "وفى"}
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
    return extract_restored(restore(text), published)


def extract_restored(r: Restoration, published: date | datetime | str | None = None) -> list[Event]:
    """:func:`extract` of a text already restored (``r`` is ``kashif.restore(text)``): for callers that need
    the restoration too, such as ingest, so that the text is restored once."""
    text = r.original
    pub = parse_published(published)
    rt = r.text
    gaz = load_gazetteer()
    mentions = gaz.find(rt)  # found once; resolved for the article, then again knowing its country
    article_places = gaz.resolve(mentions)
    dates = find_dates(rt, pub)
    context = _article_context(article_places)
    resolved = inside_homonyms(rt, gaz.resolve(mentions, context)) if article_places else []
    starts = [p.start for p in resolved]
    local = any(p.feature != "country" for p in resolved)  # the text names a place below a country
    home = next((p for p in resolved if p.feature == "country" and p.country == context.country), None)
    events: list[Event] = []
    seen: dict[tuple, int] = {}  # an event's key -> its index in ``events``
    previous_place: Place | None = None  # the last place named in the current paragraph
    last_place: Place | None = None  # the place below a country the current paragraph named last
    paragraph_place: Place | None = None  # the one the paragraph before named last
    previous_events: list[int] = []  # the occurred violent events of the sentence before, in its paragraph
    carried: list[int] = []  # those of the last sentence of the paragraph before, at a paragraph's start
    previous_reported: list[int] = []  # every occurred event of the sentence before, in its paragraph
    previous_end = 0
    for sent in split_sentences(rt):
        if "\n" in rt[previous_end : sent.start]:
            previous_place = None  # a new paragraph: places and tolls do not carry over
            carried, previous_events, previous_reported = previous_events, [], []  # (but the other side's may)
            paragraph_place, last_place = last_place, None
        else:
            carried = []
        previous_end = sent.end
        candidates = _candidates(sent.text)
        sentence_places = _places_in(resolved, starts, sent.start, sent.end)
        if previous_place is None and paragraph_place is not None and candidates and same_place(sent.text) is not None:
            previous_place = paragraph_place  # في المنطقة نفسها at a paragraph's start: where the one before was
        below = [p for p in sentence_places if p.feature != "country"]
        if below:  # the first: later ones qualify it (أعزاز في ريف حلب، صعدة شمال العاصمة صنعاء)
            last_place = below[0]
        denial = modality_mod.denial_of_reported(sent.text)
        if denial is not None:
            # "إلا أن الوزارة نفت الأمر": the events reported before the denial are denied (README decision 2)
            before = [c for c in candidates if c.modality == "occurred" and c.trigger.end <= denial]
            if before:
                candidates = [replace(c, modality="denied") if c in before else c for c in candidates]
            else:
                for i in previous_reported:
                    events[i].modality = "denied"
                    events[i].fatalities = 0  # fatalities are counted for events that occurred
        if not candidates:
            if sentence_places:
                previous_place = _anchor_place(sentence_places)
            previous_events = previous_reported = []
            continue
        date_spans = _spans_in(dates, sent.start, sent.end)
        if not previous_events and carried and _toll_only(candidates, sentence_places) and (
                modality_mod.other_side(sent.text) or modality_mod.refers_back(sent.text)):
            # a paragraph of its own that gives the other side's dead, or the dead of "those strikes"
            previous_events = carried
        if previous_events and _toll_only(candidates, sentence_places):
            # "وأسفر ذلك عن مقتل 5": the toll of the event the sentence before reported (codebook §7)
            first = events[previous_events[0]]
            group = [events[i] for i in previous_events if
                     (events[i].event_type, events[i].sub_event_type) == (first.event_type, first.sub_event_type)]
            if all(e.fatalities == 0 for e in group):  # one event over several places: split (README 6)
                killed = count_fatalities(sent.text, date_spans).count
                for n, e in enumerate(group):
                    e.fatalities = killed // len(group) + (killed % len(group) if n == 0 else 0)
            elif len(group) == 1 and modality_mod.other_side(sent.text):
                # "من جانبها، أفادت المسؤولة ... إن ثمانية أفراد من القبيلة قتلوا": the other side's dead,
                # a count that complements the one before (README decision 6), so they add up
                group[0].fatalities += count_fatalities(sent.text, date_spans).count
            continue
        actors = find_actors(sent.text, context.country)
        # a list of sub-places with no town of its own belongs where the text was last, even across a
        # paragraph break (غارات على معسكري الصمع وكهلان after a paragraph on Saada)
        subplaces = find_subplaces(sent.text, sentence_places, previous_place or paragraph_place)
        when = event_date(rt, pub, (sent.start, sent.end), mentions=dates)
        ostart, oend = r.original_span(sent.start, sent.end)
        owner = _toll_owner(sent.text, candidates, date_spans)
        these: list[int] = []
        reported: list[int] = []
        for cand in candidates:
            t = cand.trigger
            roles = assign_roles(sent.text, (t.start, t.end), actors, context.country, t.event_type,
                                 t.sub_event_type)
            t = _territory(t, roles.actor1)
            killed = owner[1] if cand is owner[0] else 0
            where = _event_places(sent.text, t, sentence_places, subplaces, previous_place, cand.modality, home)
            if not where and not local:
                # a text that names no place below a country (a single sentence, a post): the country's
                # capital at precision 3 when the sentence names one (codebook §5), else unplaced
                where = [next((p for p in sentence_places if p.feature == "country"), None)]
            for n, place in enumerate(where):
                # one toll for several places is split evenly, the remainder to the first (README decision 6)
                share = killed // len(where) + (killed % len(where) if n == 0 else 0)
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
                    fatalities=share,
                    evidence=text[ostart:oend],
                    evidence_start=ostart,
                    evidence_end=oend,
                )
                key = (event.event_type, event.sub_event_type, event.modality, event.location, event.event_date)
                if key in seen:  # the article repeats an event (its lead and its body): keep it once, with
                    old = events[seen[key]]  # the toll one of the mentions gives
                    if old.fatalities == 0:
                        old.fatalities = share
                    if cand.modality == "occurred" and t.event_type in VIOLENT and seen[key] not in these:
                        these.append(seen[key])  # the event this sentence reports, for a toll that follows
                    continue
                seen[key] = len(events)
                if cand.modality == "occurred":
                    reported.append(len(events))
                    if t.event_type in VIOLENT:
                        these.append(len(events))
                events.append(event)
        previous_events, previous_reported = these, reported
        if sentence_places:
            previous_place = _anchor_place(sentence_places)
    return _most_precise(events)


def _most_precise(events: list[Event]) -> list[Event]:
    """An occurred event the article places once by its province only and once by a place in that province
    (same type, actor and day) is one event, at the most precise place (codebook §1 and §5)."""
    def key(e: Event) -> tuple:
        return e.event_type, e.sub_event_type, e.actor1, e.event_date, e.country, e.admin1

    precise: dict[tuple, Event] = {}
    for e in events:
        if e.modality == "occurred" and e.geo_precision in (1, 2):
            precise.setdefault(key(e), e)
    out = []
    for e in events:
        same = precise.get(key(e)) if e.modality == "occurred" and e.geo_precision == 3 and e.admin1 else None
        if same is None:
            out.append(e)
        elif same.fatalities == 0:
            same.fatalities = e.fatalities  # the toll one of the mentions gives
    return out


def _anchor_place(places: list[Place]) -> Place:
    """The place a sentence leaves for the next to refer to (في المنطقة، في المدينة): its first one below a
    country, as later ones qualify it (قرب بلدة اعزاز شمالي حلب), else its last."""
    return next((p for p in places if p.feature != "country"), places[-1])


def _places_in(places: list[Place], starts: list[int], start: int, end: int) -> list[Place]:
    """The places of the article that lie in ``[start, end)``, with spans made relative to ``start``."""
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end, lo)
    return [_moved(p, start) for p in places[lo:hi] if p.end <= end]


def _moved(p: Place, offset: int) -> Place:
    """``replace(p, start=p.start - offset, end=p.end - offset)``: a copy of the fields with the two changed,
    without the keyword arguments and frozen setters ``replace`` goes through (every sentence asks for it)."""
    if not hasattr(p, "__dict__"):  # compiled (mypyc): no __dict__, and a constructor as cheap as the copy
        return replace(p, start=p.start - offset, end=p.end - offset)
    q = object.__new__(Place)
    fields = q.__dict__
    fields.update(p.__dict__)
    fields["start"] = p.start - offset
    fields["end"] = p.end - offset
    return q


# Sites (airports, bases, camps ...) name where an event was more precisely than the towns around them.
_SITE_RANK = {"town": 1, "subplace": 1, "province": 1, "region": 1, "country": 2}


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` joins two places of one list: "و" (quotes and a comma allowed: “البوكمال” و”الميادين”،
    المعاين، والطلح), with a preposition (دار سعد وفي منطقة المعاشيق) and a place word (معسكر لبوزة وقاعدة
    العند، معسكري الصمع وكهلان ومنطقة رحبان)."""
    words = _GAP_TOKEN.findall(gap)
    if not words or len(words) > 2:
        return False
    head, rest = words[0], words[1:]
    if head not in _LIST_AND and not (head.startswith("و") and is_place_word(head[1:])):
        return False
    return all(is_place_word(w) for w in rest)


def _toll_only(candidates: list[_Candidate], places: list[Place]) -> bool:
    """A sentence whose only event words are deaths (مقتل، قتلى، لقي حتفه) and that names no place of its own
    adds a toll to the event of the sentence before; it reports no event of its own."""
    return all(c.trigger.kind == "outcome" and c.modality == "occurred" for c in candidates) and not any(
        p.feature != "country" for p in places)


def _toll_owner(sentence: str, candidates: list[_Candidate], date_spans: list[tuple[int, int]]
                ) -> tuple[_Candidate | None, int]:
    """The event of the sentence that its toll belongs to, and the toll: of the occurred violent events, the
    one in the clause of the toll, else the one nearest to it (one toll is not counted twice); the dead of
    fighting go to the capture of the same sentence that the fighting ended in."""
    violent = [c for c in candidates if c.modality == "occurred" and c.trigger.event_type in VIOLENT]
    if not violent:
        return None, 0
    fat = count_fatalities(sentence, date_spans)
    if fat.count == 0 or fat.start is None or len(violent) == 1:
        return violent[0], fat.count
    where = modality_mod.clause_at(sentence, fat.start)
    same = [c for c in violent if modality_mod.clause_of(sentence, c.trigger) == where]
    pool = same or violent
    best = min(pool, key=lambda c: min(abs(c.trigger.start - fat.end), abs(fat.start - c.trigger.end)))
    captures = [c for c in violent if c.trigger.sub_event_type in _TERRITORY]
    if best.trigger.sub_event_type == "Armed clash" and captures:
        # سيطروا على القاعدة ... وقتلت 10 آخرين في المواجهات: the fighting is part of the capture it ended
        # in, and so are its dead (README decision 8)
        best = captures[0]
    return best, fat.count


def _spans_in(dates: list, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the article's dates inside ``[start, end)``, relative to ``start``."""
    return [(d.start - start, d.end - start) for d in dates if d.start >= start and d.end <= end]


def _candidates(sentence: str) -> list[_Candidate]:
    """The events a sentence reports: one per type and clause, the best trigger of each, with its modality
    (the battle of a second clause at another place is another battle; at the same place the article-level
    merge keeps it once)."""
    best: dict[tuple[str, str, str, int], _Candidate] = {}
    reported: list[_Candidate] = []
    for t in find_triggers(sentence):
        a = modality_mod.assess(sentence, t)
        if a.report:
            reported.append(_Candidate(t, a.modality))
    for c in reported:
        t, mod = _typed_by_outcome(sentence, c, reported), c.modality
        key = (t.event_type, t.sub_event_type, mod, modality_mod.clause_of(sentence, t))
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
    return _consolidate(sentence, out) if len(out) > 1 else out


def _typed_by_outcome(sentence: str, cand: _Candidate, reported: list[_Candidate]) -> Trigger:
    """A generic attack (هجوم، استهدف with no cue) takes the type of a precise outcome or weapon of its
    clause: in ``قتل شرطيان في هجوم`` the attack killed policemen, an armed clash (README 8); in ``استهداف
    الأحياء عندما سقطت قذائف`` it is shelling."""
    t = cand.trigger
    if not t.generic or t.kind != "event":
        return t
    where = modality_mod.clause_of(sentence, t)
    outcomes = [o.trigger for o in reported if o.trigger.kind in ("outcome", "weapon") and not o.trigger.generic
                and o.modality == cand.modality and o.trigger.event_type in _ARMED
                and modality_mod.clause_of(sentence, o.trigger) == where]
    if not outcomes:
        return t
    o = min(outcomes, key=lambda o: abs(o.start - t.start))
    return replace(t, event_type=o.event_type, sub_event_type=o.sub_event_type, cues=o.cues, rule=o.rule,
                   generic=False)


_ARMED = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _specificity(t: Trigger) -> int:
    """How precisely a trigger names a violent event: 0 a class default (هجوم with no cue), 1 an attack or a
    killing (قتل، استهدف), 2 an armed clash, 3 a weapon, a capture or an abduction."""
    if t.generic:
        return 0
    if t.type == ("Violence against civilians", "Attack"):
        return 1
    return 2 if t.sub_event_type == "Armed clash" else 3


def _consolidate(sentence: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Triggers of one clause that name one violent event become one event (codebook §1, README 8): a
    generic attack or a killing next to a more precise trigger (هجوم ... بسيارة مفخخة، قتل ... في اشتباكات)
    is that event, fighting that ends in a capture is the capture, and the destruction, advance or siege a
    strike or a battle causes in its clause (تهدم الجسر جراء الغارات) is no event of its own. Air strikes and
    ground fighting of one clause stay two events: different forces carry them out."""
    clause = {id(c): modality_mod.clause_of(sentence, c.trigger) for c in cands}
    out = []
    for c in cands:
        t = c.trigger
        if c.modality != "occurred":
            out.append(c)
            continue
        same = [o.trigger for o in cands if o is not c and o.modality == "occurred" and clause[id(o)] == clause[id(c)]]
        armed = [o for o in same if o.event_type in _ARMED[:2]]
        if t.event_type in _ARMED:
            spec = _specificity(t)
            if spec < 2 and any(_specificity(o) > spec for o in same if o.event_type in _ARMED):
                continue
            if t.sub_event_type == "Armed clash" and any(o.sub_event_type in _TERRITORY for o in same):
                continue
        elif t.type in _SUBSUMED and armed:
            continue
        out.append(c)
    return out


# What a strike or a battle in the same clause brings about, not an event of its own.
_SUBSUMED = {("Strategic developments", "Looting/property destruction"),
             ("Strategic developments", "Change to group/activity")}


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
    named = frozenset(p.country_code for p in places if p.feature == "country")
    return PlaceContext(country=country, admin1=admin1, countries=named)


def _event_places(sentence: str, t: Trigger, places: list[Place], subplaces: list[list[Place]],
                  previous: Place | None, modality: str, home: Place | None = None) -> list[Place]:
    """Where the event at trigger ``t`` happened: the places after it in its clause (one event per place
    of a list), else the first one before it in its clause, else in its sentence, else the place the
    sentence before in its paragraph left to refer to (its first below a country: قرب بلدة اعزاز شمالي حلب
    leaves Azaz). An event with no place at all is not coded (codebook §5; README decision 9); nor is
    an occurred event placed only by a country's name (سوريا, العراق name the setting, not where it
    happened), while a threat, a plan or an agreement may be (هدد بقصف 52 هدفاً لإيران، هدنة في اليمن); an
    agreement that names no place after it is the article's country's (``home``). A
    list of sub-places the gazetteer lacks (أحياء سارة والنزهة) gives one event each, when it comes before
    any known place after the trigger."""
    nationwide = t.type == ("Strategic developments", "Agreement")  # a truce "in Yemen" is the country's
    if modality == "occurred" and not nationwide:
        places = [p for p in places if p.feature != "country"]
        if previous is not None and previous.feature == "country":
            previous = None
    lo, hi = modality_mod.clause_span(sentence, t)
    known = [p for p in places if t.start <= p.start < hi]
    subs = [(p, n) for n, g in enumerate(subplaces) for p in g if t.start <= p.start < hi
            and not any(q.start < p.end and p.start < q.end for q in known)]  # a name the gazetteer knows wins
    group_of = {id(p): n for p, n in subs}
    after = sorted([p for p, _ in subs] + known, key=lambda p: p.start)
    if len(after) > 1 and after[0].geo_precision == 3:
        # محافظة صعدة، وتحديدا مناطق المعاين والطلح: the most precise places the report names (codebook §5)
        inside = [p for p in after[1:] if p.admin1 == after[0].admin1 and p.country == after[0].country]
        if inside:
            after = after[after.index(inside[0]):]
    if after:
        listed = [after[0]]
        for p in after[1:]:
            last = listed[-1]
            same_group = id(p) in group_of and group_of.get(id(last)) == group_of[id(p)]
            coordinated = p.mention is not None and p.mention.coordinated
            if same_group or coordinated or _list_gap(sentence[last.end : p.start]):
                listed.append(p)
            else:
                break
        return listed
    if nationwide and home is not None:
        return [home]  # a truce announced with no place of its own: the article's country
    before = [p for p in places if lo <= p.start and p.end <= t.start] or [p for p in places if p.end <= t.start]
    if before:
        # the first place named: later ones tend to qualify it (المقابلة لمدينة ...), unless a later one is
        # a site that names it more precisely (في عدن «قاعدة العند العسكرية»)
        return [min(before, key=lambda p: _SITE_RANK.get(p.feature, 0))]
    return [previous] if previous is not None else []
