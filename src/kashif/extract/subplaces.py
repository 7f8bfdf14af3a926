"""Sub-places the gazetteer lacks: the villages, neighbourhoods, camps and hills a report names after a place
word (قرية السلامية، أحياء سارة والنزهة، معسكري الصمع وكهلان), placed at the town or district the sentence
(or its paragraph) names, as the codebook asks for a place GeoNames lacks (§5; README decision 5): the
parent's coordinates, ``geonameid`` empty, precision 1 inside a town (a neighbourhood) and 2 around it.

Words no place name has are no names: plurals of a nisba (الحوثيين) or of a participle (مواقع المسلحين،
تجمعات المتمردين), and words with a pronoun suffix. :func:`inside_homonyms` turns a gazetteer town that the
text puts inside another place (العين التابعة لمديرية مودية) but that lies far from it into a sub-place of
it; :func:`same_place` finds the words that point back to the place named last (في المنطقة نفسها).

The cue words and the words that open two-word names are data: ``data/subplace_cues.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kashif.extract.gazetteer import km
from kashif.extract.places import Place
from kashif.restore.fold import search_key

_TOKEN = re.compile(r"[^\s،,.؛;:!?؟()«»\"“”]+")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


@dataclass(frozen=True)
class _Data:
    cues: dict[str, int]  # folded cue word (no article) -> geo_precision of what it names
    openers: frozenset[str]  # folded words that open a two-word name (دار سعد، خان بني سعد)
    stops: frozenset[str]  # folded words that end a name (prepositions, function words)
    plural: frozenset[str]  # plural place words: an indefinite word after them is an adjective (قرى مجاورة)
    named: frozenset[str]  # openers that name a place even with no place word, after في (في دار سعد)
    prepositions: frozenset[str]  # the prepositions they follow
    same: frozenset[str] = frozenset()  # words that point back: المنطقة نفسها، نفس المنطقة
    anaphoric: frozenset[str] = frozenset()  # the place words they go with (منطقة، مدينة، بلدة ...)
    belongs: frozenset[str] = frozenset()  # words that put a place inside the next: التابعة لمديرية
    capture: frozenset[str] = frozenset()  # words of taking ground: السيطرة على + a place


_WORD_SETS = ("openers", "stops", "plural", "named", "prepositions", "same", "anaphoric", "belongs", "capture")
# the kinds of subplace_cues.tsv that are word sets, and the field each fills; any other kind is a cue weight
_KINDS = {"opener": "openers", "stop": "stops", "preposition": "prepositions", "plural": "plural", "named": "named",
          "same": "same", "anaphoric": "anaphoric", "belongs": "belongs", "capture": "capture"}


@lru_cache(maxsize=1)
def _data() -> _Data:
    cues: dict[str, int] = {}
    sets: dict[str, set[str]] = {name: set() for name in _WORD_SETS}
    text = resources.files("kashif.extract").joinpath("data", "subplace_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, words = line.split("\t", 1)
        folded = [search_key(w) for w in words.split()]
        if kind in _KINDS:
            sets[_KINDS[kind]].update(folded)
        else:
            cues.update(dict.fromkeys(folded, int(kind)))
    return _Data(cues, **{name: frozenset(words) for name, words in sets.items()})


@lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    """A token folded, without a clitic and without the article."""
    key = search_key(token)
    for c in _CLITICS:
        if key.startswith(c) and len(key) - len(c) >= 3:
            rest = key[len(c):]
            if rest.startswith("ال") or rest in _data().cues:
                key = rest
                break
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _not_a_name(key: str) -> bool:
    """Word forms no place name has: a plural of a nisba (مواقع الحوثيين، الانقلابيين), a sound plural of a
    participle (مواقع المسلحين، تجمعات المتمردين، مقرات المقاتلون: mu- ... -in/-un, five letters or more
    besides the ending), or a pronoun suffix on a longer word (وتدميرها، مواقعهم)."""
    if key.endswith(("يين", "يون", "هم", "هما")) or (len(key) >= 6 and key.endswith("ها")):
        return True
    return key.startswith("م") and key.endswith(("ين", "ون")) and len(key) >= 6


def same_place(sentence: str) -> int | None:
    """Where ``sentence`` points back to the place named last (في المنطقة نفسها، في البلدة ذاتها، في نفس
    المدينة): the offset of the place word, else None. Such a sentence happened where the article was
    last, even in a new paragraph."""
    data = _data()
    if not any(w[:3] in sentence for w in data.same):
        return None  # the quick way out for almost every sentence (نفس، ذات، عين)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(sentence)]
    for k, (start, tok) in enumerate(tokens):
        if not _definite(tok) or _bare(tok) not in data.anaphoric:
            continue
        after = search_key(tokens[k + 1][1]) if k + 1 < len(tokens) else ""
        before = search_key(tokens[k - 1][1]) if k > 0 else ""
        if after in data.same or before in data.same:
            return start
    return None


_ON = frozenset({"على", "علي", "وعلى"})  # "on", as written
RARE_ZIPF = 3.5  # wordfreq Zipf frequency below which a word after "السيطرة على" is taken for a name


@lru_cache(maxsize=65536)
def _rare(token: str) -> bool:
    """A word too rare in Arabic text to be an ordinary noun (جعولة، النخيلة), as wordfreq counts it."""
    from wordfreq import zipf_frequency

    return token.isalpha() and zipf_frequency(token, "ar") < RARE_ZIPF


def is_place_word(token: str) -> bool:
    """Whether ``token`` is a place word of ``data/subplace_cues.tsv`` (منطقة، قرية، معسكر ...), clitics and
    article allowed (ومنطقة، بمنطقة، المعسكر)."""
    return _bare(token) in _data().cues


@lru_cache(maxsize=65536)
def _of_the(token: str) -> bool:
    """A preposition with the article (للمسلحين، بالقرب، كالعادة): "of the ...", never a name."""
    return search_key(token).startswith(("لل", "بال", "كال"))


@lru_cache(maxsize=65536)
def _definite(token: str) -> bool:
    key = search_key(token)
    for c in ("", *_CLITICS):
        if key.startswith(c + "ال") or (c and key.startswith(c + "ل") and c.endswith("ل")):
            return True
    return key.startswith("لل")


@lru_cache(maxsize=65536)
def _opening(token: str) -> tuple[int | None, bool]:
    """What a token may open, remembered per word: (the precision of the place word it is, None if it is
    none or has the article; whether it is a preposition that a name saying it is a place may follow)."""
    data = _data()
    precision = None if _definite(token) else data.cues.get(_bare(token))
    return precision, search_key(token) in data.prepositions


def find_subplaces(sentence: str, known: list[Place], fallback: Place | None) -> list[list[Place]]:
    """Groups of sub-places in ``sentence`` (one group per list: أحياء سارة والنزهة is one group of two, and so
    are قرية السلامية وجبل عكد, a list that goes on under another place word, and أحياء الروضة، والشهداء),
    each placed at its parent: the first known place after the group, else the last before it, else
    ``fallback`` (the place the paragraph named last). Names the gazetteer knows are left to it."""
    data = _data()
    tokens = [(*m.span(), m.group()) for m in _TOKEN.finditer(sentence)]
    groups: list[list[tuple[int, int, str, int]]] = []
    i = 0
    while i < len(tokens):
        precision, preposition = _opening(tokens[i][2])
        if precision is None and not preposition and tokens[i][2] not in _ON:
            i += 1  # most words: no place word, no preposition, no "على" (the three tests below)
            continue
        start_at = i + 1
        if precision is None and preposition and i + 1 < len(tokens) and (
                search_key(tokens[i + 1][2]) in data.named):
            precision, start_at = 1, i + 1  # في دار سعد: a name that says it is a place
        if (precision is None and i > 0 and i + 1 < len(tokens) and tokens[i][2] in _ON
                and _bare(tokens[i - 1][2]) in data.capture and _rare(tokens[i + 1][2])):
            precision, start_at = 2, i + 1  # السيطرة على البساتين وجعولة: ground taken is a place
        if precision is None:  # a place word with the article (المنطقة، المواقع) is not followed by a name
            i += 1
            continue
        if (_bare(tokens[i][2]) in data.plural and start_at < len(tokens)
                and not _definite(tokens[start_at][2])):
            i += 1  # قرى مجاورة، مواقع عسكرية: an adjective, not a list of names
            continue
        names: list[tuple[int, int, str, int]] = []
        j = start_at
        first = True
        while j < len(tokens):
            s, e, tok = tokens[j]
            if not first and not tok.startswith("و"):
                break
            if not first and any(p.start <= s + 1 < p.end and p.feature != "town" for p in known):
                break  # the list goes on with a place the gazetteer knows: معسكر لبوزة وقاعدة العند
            name_tok = tok[1:] if not first else tok
            key = _bare(name_tok)
            if not first and key in data.cues and not _definite(name_tok) and j + 1 < len(tokens):
                # the list goes on under another place word: قرية السلامية وجبل عكد
                if key in data.plural and not _definite(tokens[j + 1][2]):
                    break  # بلدة كفرنبل وقرى محيطة بها: an adjective follows
                precision = data.cues[key]
                first = True
                j += 1
                continue
            if key in data.stops or key in data.cues or not key.isalpha() or _of_the(name_tok) or _not_a_name(key):
                break
            end = e
            if key in data.openers and j + 1 < len(tokens) and _bare(tokens[j + 1][2]) not in data.stops:
                end = tokens[j + 1][1]
                j += 1
            start = s + (0 if first else 1)
            names.append((start, end, sentence[start:end], precision))
            first = False
            j += 1
            gap = sentence[end:tokens[j][0]] if j < len(tokens) else ""
            if any(c in gap for c in ".؛;:") or (any(c in gap for c in "،,") and not (
                    j < len(tokens) and tokens[j][2].startswith("و"))):
                break  # a list goes on after a comma only with و: أحياء الروضة، والشهداء
        if names:
            groups.append(names)
        i = max(j, i + 1)
    out: list[list[Place]] = []
    for names in groups:
        inside = [p for p in known if any(p.start < e and s < p.end for s, e, _t, _p in names)]
        parent = _parent(names[0][0], names[-1][1], [p for p in known if p not in inside], fallback)
        if parent is None:
            continue
        group = []
        for s, e, text, precision in names:
            same = [p for p in inside if p.start < e and s < p.end]
            in_province = parent.geo_precision == 3 and bool(same) and (
                (same[0].country, same[0].admin1) == (parent.country, parent.admin1))
            if same and (_km(same[0], parent) <= NEAR_KM or in_province):
                group.append(same[0])  # the gazetteer knows this one, and it is where the report is (near the
                # town, or in the province, named as the parent)
            else:
                group.append(_place(s, e, text, precision, parent))
        out.append(group)
    return out


def inside_homonyms(text: str, places: list[Place]) -> list[Place]:
    """``places`` with each town that the text puts inside the next place (منطقة العين التابعة لمديرية مودية،
    قرية X الواقعة في محافظة Y) but that the gazetteer placed farther than :data:`NEAR_KM` from it: a
    homonym elsewhere, so the name becomes a sub-place of the place it belongs to (codebook §5)."""
    data = _data()
    out = list(places)
    for k in range(len(out) - 1):
        p, q = out[k], out[k + 1]
        if p.feature != "town" or q.feature == "country":
            continue
        gap = text[p.end : q.start]
        if len(gap) > 40:
            continue
        words = [search_key(w) for w in _TOKEN.findall(gap)]
        if not words or words[0] not in data.belongs or len(words) > 3:
            continue
        if _km(p, q) > NEAR_KM:
            out[k] = _place(p.start, p.end, p.text, 2 if q.geo_precision > 1 else 1, q)
    return out


NEAR_KM = 40.0  # a name the gazetteer knows farther than this from the sentence's town is a homonym
_ADMIN_CUES = ("district", "province", "town", "countryside")


def _parent(start: int, end: int, known: list[Place], fallback: Place | None) -> Place | None:
    """The town or district a list of sub-places belongs to: one named after it with a cue (في مديرية لودر،
    بمحافظة صعدة، في مدينة تعز) first, else any place after it, else the nearest before it."""
    after = [p for p in known if p.start >= end and p.feature != "country"]
    cued = [p for p in after if p.mention is not None and p.mention.effect in _ADMIN_CUES]
    if cued:
        return cued[0]
    if after:
        return after[0]
    before = [p for p in known if p.end <= start and p.feature != "country"]
    return before[-1] if before else fallback


def _km(a: Place, b: Place) -> float:
    return km(a.latitude, a.longitude, b.latitude, b.longitude)


def _place(start: int, end: int, text: str, precision: int, parent: Place) -> Place:
    return Place(
        location=f"{transliterate(text)} ({parent.location})",
        country=parent.country,
        admin1=parent.admin1,
        geonameid=None,
        latitude=parent.latitude,
        longitude=parent.longitude,
        geo_precision=max(precision, 1 if parent.geo_precision == 1 else 2),
        start=start,
        end=end,
        text=text,
        country_code=parent.country_code,
        feature="subplace",
    )


_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ى": "a", "ة": "ah", "ء": "'", "ؤ": "'", "ئ": "'",
}


def transliterate(name: str) -> str:
    """A plain Latin spelling of an Arabic place name (Al Salamiyah), for names GeoNames lacks."""
    words = []
    for word in search_key(name).split():
        article = word.startswith("ال") and len(word) > 3
        core = word[2:] if article else word
        letters = []
        for k, c in enumerate(core):
            if c in "وي" and k > 0:
                letters.append("u" if c == "و" else "i")  # a long vowel inside a word
            elif c == "ه" and k == len(core) - 1 and k > 0:
                letters.append("ah")  # ta marbuta, folded to ه
            else:
                letters.append(_LATIN.get(c, ""))
        latin = "".join(letters).strip("'")
        if latin:
            words.append(("Al " if article else "") + latin[:1].upper() + latin[1:])
    return " ".join(words) or name
