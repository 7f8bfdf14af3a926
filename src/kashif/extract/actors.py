"""Actors: who acts and who is targeted, named as the codebook names them (§4, §10).

Public surface::

    mentions = find_actors(sentence, country="Yemen")   # list[ActorMention], left to right
    roles = assign_roles(sentence, trigger_span, mentions, country="Yemen")
    roles.actor1, roles.actor2, roles.actor1_attributed  # canonical names, "" when there is none
    country_actor("police", "Iraq")                     # 'Police Forces of Iraq'
    actor_inter("Houthis")                              # 'Rebel group'

The extractor calls these on restored text (:func:`kashif.restore`), one sentence at a time.

**Finding.** ``data/actors.tsv`` lists named actors (canonical English name in ACLED style, inter type,
country, Arabic mentions); ``data/actor_rules.json`` adds state forces generated per country from
adjectives and templates (الجيش المصري، الشرطة التركية، الطائرات الروسية، الرئيس الأمريكي ...), words whose
actor depends on the article's country (الجيش، الشرطة، قوات الأمن، التحالف، المقاومة، الانقلابيين ...),
victims and protesters (مدنيين، سكان، متظاهرين ...), unidentified actors (مسلحون مجهولون، طائرات حربية
مجهولة ...), and a country's name or capital used for its forces or government. Matching runs on folded
text (:func:`kashif.extract.folding.fold_with_map`: no diacritics or tatweel, أ/إ/آ→ا، ة→ه، ى→ي، ؤ→و،
ئ→ي; hamza on the line is also dropped and ميليشيا/مليشيا، أمريكي/أميركي are one spelling), tokens may
carry the clitics و ف ب ل ك (and لل، وب، فل ...) which are left out of the span, a plural may end in
-ون or -ين, and the longest mention wins.

**Roles.** :func:`assign_roles` reads the sentence around each mention. Personnel words and numbers
between a cue and a name are skipped ("بنيران عناصر من الحوثيين" reads as "بنيران الحوثيين"; "مسلحين من
داعش" is داعش), then, in order:

- a claim (تبنى/تبنت X، أعلن X مسؤوليته) makes X ``actor1``;
- passive agents (من قبل، على يد، بنيران ...), relative verbs right after the trigger (غارات شنها X،
  هجوم نفذه X) and the genitive of an attack noun (قصف قوات النظام، هجوما للحوثيين) mark the doer;
  support (بدعم من، مدعوما ب ...) and apposition (ذراع، جناح ...) are set aside; a mention joined by و
  to another is on its side; "بين X و Y" (and "... من جهة، و Y") gives both sides; in a repelled attack
  (صدت X هجوما لـ Y) the attacker acts;
- targets: على، ضد، بحق، في صفوف، مع ...; the owner of a target (مواقع لداعش، مستودعا يتبع للميليشيات)
  and the object of استهدف; the patient of مقتل/اعتقال/تطويق ... and of a casualty verb (قتل 13 مسلحا
  من ...، سقطوا); victims (مدنيين، أطفال، سكان ...) never act, and soldiers or policemen counted after a
  casualty verb (قتل شرطيان) are its patients;
- the subject of the trigger or of another action verb (VSO: "شنت طائرات التحالف غارات"; SVO:
  "المتمردون الحوثيون قصفوا") is the doer; the mention after a verb and its subject is the object;
- a speaker (قال، أعلن، المتحدث باسم) is the doer only when nothing else is;
- a relayed suspicion (يعتقد أنها تابعة ل، ترجح تقارير وقوف X، نسبته السلطات إلى X، اتهم) puts the
  suspect in ``actor1_attributed`` and the unidentified actor in ``actor1`` (Unidentified Military
  Forces when the sentence is about aircraft or strikes from the air, else Unidentified Armed Group).

Each of these gives the mention a weight; cues far from the trigger or across a clause boundary (فيما،
بينما، حيث، منذ ...) weigh less, and the heaviest doer and target win. All cue words are data
(``roles`` in ``actor_rules.json``).

With ``event_type`` (ACLED's), an event with no named doer gets the codebook's defaults: Unidentified
Armed Group (Unidentified Military Forces for air/drone strikes) for political violence, Protesters
(<country>) for protests and Rioters (<country>) for riots.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from kashif.extract.folding import fold, fold_with_map

__all__ = [
    "ActorMention",
    "Roles",
    "actor_inter",
    "assign_roles",
    "country_actor",
    "find_actors",
    "find_attribution",
    "find_claim",
]

UNIDENTIFIED_ARMED = "Unidentified Armed Group"
UNIDENTIFIED_MILITARY = "Unidentified Military Forces"
_GUNMEN = {"مسلحين", "مسلحون", "مسلحا", "مسلح"}  # bare "gunmen": the name that follows says whose

# --- data ----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\u0621-\u064a0-9a-z]+")
_NAME_GAP = re.compile(r"[\s\u00a0«»\"“”'‘’\-–]{1,4}")
_ARTICLE = "(ال)"
# Clitic prefixes (folded) stripped from the first word of a mention; "لل" is ل + the article.
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل")
# Clitics (with the article) stripped from a cue word before it is looked up in a word list.
_CUE_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وال", "فال", "بال", "كال", "ال", "لل",
                "ولل", "فلل", "وبال")


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str | None  # None: a generic word, resolved with the country
    inter: str
    kind: str  # named, state, personnel, government, victim, protesters, rioters, unidentified(_air), none
    country: str = ""
    group: str | None = None
    metonym: bool = False  # a country's or capital's name: guarded
    counted: bool = False  # names an actor only after a number ("ثلاثة فلسطينيين")
    rank: int = 0  # which source wins when two give the same form


@dataclass(frozen=True, slots=True)
class _Country:
    name: str
    of: str
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Group:
    name: str
    default: str | None
    inter: str
    kind: str
    by_country: dict[str, str]


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A folded word as the index compares it: no hamza on the line, one spelling of common variants."""
    k = word.replace("ء", "")
    for a, b in _lexicon_normalize():
        k = k.replace(a, b)
    return k


@cache
def _rules() -> dict:
    return json.loads(resources.files("kashif.extract").joinpath("data", "actor_rules.json").read_text("utf-8"))


@cache
def _lexicon_normalize() -> tuple[tuple[str, str], ...]:
    return tuple((fold(a), fold(b)) for a, b in _rules()["normalize"])


def _word_keys(text: str) -> list[str]:
    return [_key(t) for t in _TOKEN.findall(fold(text))]


def _variants(word: str) -> list[str]:
    """One raw word of a mention -> its folded forms: optional article, -ون/-ين."""
    forms = [word[len(_ARTICLE):], "ال" + word[len(_ARTICLE):]] if word.startswith(_ARTICLE) else [word]
    out: list[str] = []
    for f in forms:
        keys = _word_keys(f)
        if not keys:
            continue
        k = "".join(keys)
        out.append(k)
        if len(k) >= 5 and k.endswith("ين"):
            out.append(k[:-2] + "ون")
        elif len(k) >= 5 and k.endswith("ون"):
            out.append(k[:-2] + "ين")
    return out


def _expand(phrase: str) -> set[str]:
    """All index keys (words joined without spaces) of a written mention."""
    words = phrase.split()
    if not words:
        return set()
    options = [_variants(w) for w in words]
    return {"".join(p) for p in itertools.product(*options) if all(p)}


def _words(items: list[str]) -> frozenset[str]:
    """A word list: each entry folded to one key (multi-word entries joined by a space)."""
    return frozenset(" ".join(_word_keys(x)) for x in items if _word_keys(x))


def _sequences(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Cue phrases as key sequences, longest first."""
    seqs = {tuple(_word_keys(x)) for x in items if _word_keys(x)}
    return tuple(sorted(seqs, key=len, reverse=True))


class _CueIndex:
    """A cue list (key sequences, in the list's order) indexed for matching at a token or before one.

    A sequence matches where its first word is the token's word up to و/ف and the article (the two have
    the same :func:`_bare` form: "والمدعومة" for "مدعومة") and its other words are the next tokens
    exactly. ``starts`` indexes the sequences by the bare form of their first word; ``by_last`` the
    sequences of two words or more by their last word, and ``single`` the first one-word sequence of each
    bare form.
    """

    __slots__ = ("by_last", "single", "starts")

    def __init__(self, seqs: tuple[tuple[str, ...], ...]) -> None:
        self.starts: dict[str, list[tuple[int, tuple[str, ...], list[str]]]] = {}
        self.by_last: dict[str, list[tuple[int, tuple[str, ...], str, list[str]]]] = {}
        self.single: dict[str, tuple[int, tuple[str, ...]]] = {}
        for order, seq in enumerate(seqs):
            head = _bare(seq[0])
            self.starts.setdefault(head, []).append((order, seq, list(seq[1:])))
            if len(seq) > 1:
                self.by_last.setdefault(seq[-1], []).append((order, seq, head, list(seq[1:-1])))
            else:
                self.single.setdefault(head, (order, seq))


@dataclass
class _Lexicon:
    index: dict[str, _Entry] = field(default_factory=dict)
    max_tokens: int = 1
    countries: dict[str, _Country] = field(default_factory=dict)
    groups: dict[str, _Group] = field(default_factory=dict)
    inter_of: dict[str, str] = field(default_factory=dict)
    adjective_country: dict[str, _Country] = field(default_factory=dict)
    cues: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    cue_index: dict[str, _CueIndex] = field(default_factory=dict)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    strong_punct: frozenset[str] = frozenset()
    violent_types: frozenset[str] = frozenset()
    sorted_keys: list[str] | None = None  # the index's keys, sorted (see extensible)

    def extensible(self, joined: str) -> bool:
        """Does a key of the index start with ``joined``?"""
        keys = self.sorted_keys
        if keys is None:
            keys = self.sorted_keys = sorted(self.index)
        at = bisect_left(keys, joined)
        return at < len(keys) and keys[at].startswith(joined)

    def add(self, phrase: str, entry: _Entry) -> None:
        if phrase.startswith("#"):
            phrase, entry = phrase[1:], _Entry(entry.canonical, entry.inter, entry.kind, entry.country, entry.group,
                                               entry.metonym, True, entry.rank)
        self.sorted_keys = None
        for k in _expand(phrase):
            if len(k) < 2:
                continue
            old = self.index.get(k)
            if old is None or entry.rank >= old.rank:
                self.index[k] = entry
            self.max_tokens = max(self.max_tokens, len(phrase.split()))


@cache
def _lexicon() -> _Lexicon:
    rules = _rules()
    lex = _Lexicon()
    for c in rules["countries"]:
        country = _Country(c["name"], c["of"], tuple(c["adjective"]))
        for k in (c["name"], c["of"], *c["codes"]):
            lex.countries[k.lower()] = country
        for adj in c["adjective"]:
            for form in (adj, adj + "ة", adj + "ين", adj + "ون", *c["plural"]):
                for key in _variants("(ال)" + form):
                    lex.adjective_country[key] = country
    for g in rules["generics"]:
        group = _Group(g["group"], g["default"], g["inter"], g["kind"], g["by_country"])
        lex.groups[group.name] = group
        entry = _Entry(None, g["inter"], g["kind"], group=group.name, rank=0)
        for form in g["forms"]:
            lex.add(form, entry)
    meto = rules["country_metonyms"]
    for c in rules["countries"]:
        country = lex.countries[c["name"].lower()]
        for name in c["names"]:
            lex.add(name, _Entry(meto["canonical"].format(of=country.of, name=country.name), meto["inter"], "state",
                                 country.name, metonym=True, rank=0))
        for name in c.get("capitals", []):
            lex.add(name, _Entry(meto["capital_canonical"].format(of=country.of, name=country.name), meto["inter"],
                                 "government", country.name, metonym=True, rank=0))
    for t in rules["templates"]:
        for c in rules["countries"]:
            country = lex.countries[c["name"].lower()]
            canonical = t["canonical"].format(of=country.of, name=country.name)
            entry = _Entry(canonical, t["inter"], t["kind"], country.name, rank=1)
            for form in t["forms"]:
                for adj in c["adjective"]:
                    plurals = [adj + "ين", *c["plural"]]
                    fills = plurals if "{pl}" in form else [adj]
                    for fill in fills:
                        lex.add(form.replace("{m}", adj).replace("{f}", adj + "ة").replace("{pl}", fill), entry)
            lex.inter_of.setdefault(canonical, t["inter"])
    unid = rules["unidentified"]
    blocker = _Entry(None, "", "none", rank=3)
    for form in rules["not_actors"]["forms"]:
        lex.add(form, blocker)
    for part, kind in (("armed", "unidentified"), ("air", "unidentified_air")):
        spec = unid[part]
        entry = _Entry(spec["canonical"], "", kind, rank=1)
        for head in spec["heads"]:
            plain = head.replace(_ARTICLE, "")
            definite = head.startswith(_ARTICLE)
            for mod in unid["modifiers"]:
                lex.add(f"{plain} {mod}", entry)
                if definite:
                    words = mod.split()
                    if words[0] == "لم":
                        continue
                    i = 1 if words[0] == "غير" else 0
                    words[i] = "ال" + words[i]
                    lex.add(" ".join("ال" + w for w in plain.split()) + " " + " ".join(words), entry)
    path = resources.files("kashif.extract").joinpath("data", "actors.tsv")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        name, inter = row["name"], row["inter"]
        lex.inter_of[name] = inter
        kind = {UNIDENTIFIED_ARMED: "unidentified", UNIDENTIFIED_MILITARY: "unidentified_air"}.get(name, "named")
        entry = _Entry(name, inter, kind, row["country"], rank=2)
        for mention in row["mentions"].split("|"):
            lex.add(mention, entry)
    # generated unidentified entries take the inter type of the table's rows
    for k, e in list(lex.index.items()):
        if e.kind.startswith("unidentified") and not e.inter:
            lex.index[k] = _Entry(e.canonical, lex.inter_of[e.canonical or ""], e.kind, rank=e.rank)
    for g in lex.groups.values():
        for canonical in g.by_country.values():
            lex.inter_of.setdefault(canonical, g.inter)
    roles = rules["roles"]
    for name in ("claim_before", "claim_after", "agent_before", "agent_relative", "support_before", "speaker_before",
                 "target_before", "appositive_before", "side_separators", "owner_links", "suspect_direct",
                 "air_words", "clause_breaks", "suspect_after"):
        lex.cues[name] = _sequences(roles[name])
        lex.cue_index[name] = _CueIndex(lex.cues[name])
    lex.cue_index["air_phrases"] = _CueIndex(tuple(s for s in lex.cues["air_words"] if len(s) > 1))
    for name in ("target_verbs", "object_nouns", "heads", "partitive", "prepositions", "relatives", "patient_triggers",
                 "patient_verbs", "casualty_verbs", "passive_noun_triggers", "action_verbs", "repel_verbs",
                 "attack_nouns", "agent_nouns", "suspect_verbs", "suspect_links", "locative_guard", "between",
                 "numbers", "air_words", "hedges"):
        lex.sets[name] = _words(roles[name])
    lex.strong_punct = frozenset(roles["strong_punctuation"])
    lex.violent_types = frozenset(roles["violent_event_types"])
    return lex


# --- countries -----------------------------------------------------------------------------------------


def _country(country: str | None) -> _Country | None:
    if not country:
        return None
    found = _lexicon().countries.get(country.strip().lower())
    return found or _Country(country.strip(), country.strip())


def _resolve_group(group: _Group, country: _Country | None) -> str | None:
    if country is not None and country.name in group.by_country:
        return group.by_country[country.name]
    if group.default is None:
        return None
    if country is None:
        # "Civilians ({name})" without a country is "Civilians"; a state force needs its country
        return group.default[: -len(" ({name})")] if group.default.endswith(" ({name})") else None
    return group.default.format(of=country.of, name=country.name)


def country_actor(kind: str, country: str | None) -> str:
    """The actor a country-dependent word stands for in ``country``'s news.

    ``kind`` is a generic group of ``data/actor_rules.json``: "military", "police", "security",
    "government", "civilians", "protesters", "rioters", "coalition", "resistance", "rebels", "kurdish",
    "loyalists", "national_army", "occupation", "opposition", "tribes" ... Returns "" when the word
    names no actor there (``country_actor("coalition", "Egypt")``) or the country is needed and missing.
    """
    group = _lexicon().groups.get(kind)
    if group is None:
        raise KeyError(f"unknown actor group {kind!r}; known: {sorted(_lexicon().groups)}")
    return _resolve_group(group, _country(country)) or ""


def actor_inter(name: str) -> str:
    """ACLED inter type of a canonical actor name ("" when unknown)."""
    lex = _lexicon()
    if name in lex.inter_of:
        return lex.inter_of[name]
    for prefix, inter in (("Military Forces of ", "State forces"), ("Police Forces of ", "State forces"),
                          ("Government of ", "State forces"), ("Civilians", "Civilians"),
                          ("Protesters", "Protesters"), ("Rioters", "Rioters"),
                          ("Unidentified Tribal Militia", "Identity militia")):
        if name.startswith(prefix):
            return inter
    return ""


# --- tokens --------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Tok:
    key: str
    fstart: int  # span in the folded text
    fend: int
    start: int  # span in the input
    end: int
    joined: bool  # only spaces/quotes/hyphens separate it from the previous token (names may continue)
    punct: bool  # strong punctuation (. ؛ : ( ...) between it and the previous token


def _tokenize(sentence: str) -> tuple[list[_Tok], object]:
    folded = fold_with_map(sentence)
    text, index = folded.text, folded.index
    n_text, n_sentence = len(text), len(sentence)
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        fstart, fend = m.span()
        # folded.span(fstart, fend), its loop over deleted marks only where there are some
        start, end = index[fstart], index[fend - 1] + 1
        if end < (index[fend] if fend < n_text else n_sentence):
            end = folded.span(fstart, fend)[1]
        name_gap, punct = _gap(text[prev_end:fstart])
        toks.append(_Tok(_key(m.group()), fstart, fend, start, end, name_gap and bool(toks), punct))
        prev_end = fend
    return toks, folded


@lru_cache(maxsize=4096)
def _gap(gap: str) -> tuple[bool, bool]:
    """What separates two tokens: (only spaces/quotes/hyphens, so a name may go on; strong punctuation)."""
    return _NAME_GAP.fullmatch(gap) is not None, not _lexicon().strong_punct.isdisjoint(gap)


def _strip(key: str, vocab: frozenset[str]) -> tuple[str, str] | None:
    """(clitic letters, word) when ``key`` is a word of ``vocab`` behind clitics and/or the article."""
    for p in _CUE_CLITICS:
        if p and (not key.startswith(p) or len(key) - len(p) < 2):
            continue
        rest = key[len(p):]
        if p.endswith("لل"):
            rest = "ال" + rest
        if rest in vocab:
            return p, rest
        if rest.startswith("ال") and rest[2:] in vocab:
            return p, rest[2:]
    return None


@lru_cache(maxsize=1 << 17)
def _strip_in(key: str, name: str) -> tuple[str, str] | None:
    """:func:`_strip` on the word list ``name`` of the lexicon (``lex.sets[name]``), remembered per word."""
    return _strip(key, _lexicon().sets[name])


def _clitic_letters(prefix: str) -> list[str]:
    """Prepositions and conjunctions a clitic prefix stands for (the article dropped)."""
    p = prefix[:-2] if prefix.endswith("ال") else prefix
    if p.endswith("لل"):
        p = p[:-1]
    return list(p)


# --- finding -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a sentence: ``canonical`` name, its ``span`` in the input and the matched text.

    ``kind``: "named", "state" (forces of a country), "personnel" (soldiers, policemen: people counted as
    losses), "government", "victim" (civilians), "protesters", "rioters", "unidentified" or
    "unidentified_air". ``prefix`` holds the clitic letters (folded)
    stripped before the name; ``country`` is the actor's country where it has one; ``metonym`` marks a
    country's or capital's name standing for its forces or government.
    """

    canonical: str
    inter: str
    start: int
    end: int
    text: str
    kind: str
    prefix: str = ""
    country: str = ""
    metonym: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# The tokens of the sentence find_actors() read last: assign_roles() on the same sentence (the usual next call)
# reuses them instead of tokenizing it again.
_LAST_TOKENS: list[tuple[str, list[_Tok]] | None] = [None]


def find_actors(sentence: str, country: str | None = None) -> list[ActorMention]:
    """Actors named in ``sentence``, left to right, not overlapping, the longest match first.

    ``country`` (English name or ISO code) is the article's country: it resolves the words whose actor
    depends on it (الجيش -> Military Forces of Yemen; التحالف -> Saudi-led Coalition in Yemen, the
    Global Coalition in Syria). Without it such words are skipped, except victims and protesters
    ("Civilians", "Protesters").
    """
    lex = _lexicon()
    toks, folded = _tokenize(sentence)
    _LAST_TOKENS[0] = (sentence, toks)
    where = _country(country)
    out: list[ActorMention] = []
    i = 0
    while i < len(toks):
        if not _first_readings(toks[i].key):
            i += 1  # the common case, without a call: no mention starts at this token (see _longest_at)
            continue
        best = _longest_at(toks, i, lex)
        if best is None:
            i += 1
            continue
        n, p, entry = best
        if entry.kind == "none":  # "الائتلاف الوطني السوري", "مجلس الأمن": no actor
            i += n
            continue
        # a match that starts inside this one and reaches further, and is a name or no shorter, wins
        # ("عناصر الجيش الحر": the Free Army, not "عناصر الجيش")
        later = [(j, b) for j in range(i + 1, i + n) if (b := _longest_at(toks, j, lex)) is not None
                 and j + b[0] > i + n and (b[2].rank > entry.rank or b[0] >= n)]
        if later:
            i = later[0][0]
            continue
        mention = _mention(sentence, toks, folded, i, n, p, entry, where, lex)
        if mention is None:
            i += 1
            continue
        if out and out[-1].kind == "unidentified" and _key(fold(out[-1].text)) in _GUNMEN and \
                toks[i].joined and _TOKEN.search(sentence, out[-1].end, mention.start) is None and \
                mention.kind in ("named", "state"):
            out.pop()  # "مسلحين أكراد": the name right after says who the gunmen are
        out.append(mention)
        i += n
    return out


def _longest_at(toks: list[_Tok], i: int, lex: _Lexicon) -> tuple[int, str, _Entry] | None:
    """The longest mention starting at token ``i``: (number of tokens, clitic prefix, entry)."""
    readings = _first_readings(toks[i].key)
    if not readings:
        return None
    best: tuple[int, int, str, _Entry] | None = None
    index = lex.index
    for p, joined, entry, more in readings:
        if entry is not None and (best is None or (1, -len(p)) > best[:2]):
            best = (1, -len(p), p, entry)
        if not more:
            continue
        for n in range(2, lex.max_tokens + 1):
            j = i + n - 1
            if j >= len(toks) or not toks[j].joined:
                break
            joined += toks[j].key
            entry = index.get(joined)
            if entry is not None and (best is None or (n, -len(p)) > best[:2]):
                best = (n, -len(p), p, entry)
            if not lex.extensible(joined):
                break  # no key of the index starts with it
    return None if best is None else (best[0], best[2], best[3])


@lru_cache(maxsize=65536)
def _first_readings(first: str) -> tuple[tuple[str, str, _Entry | None, bool], ...]:
    """The readings of a token that may start a mention: (clitic prefix, the rest, the entry of the rest
    alone, whether keys of the index start with the rest); readings that can start none are left out."""
    lex = _lexicon()
    out = []
    for p, rest in _clitic_readings(first):
        entry, more = lex.index.get(rest), lex.extensible(rest)
        if entry is not None or more:
            out.append((p, rest, entry, more))
    return tuple(out)


@lru_cache(maxsize=65536)
def _clitic_readings(first: str) -> tuple[tuple[str, str], ...]:
    """(clitic prefix, the rest) readings of a mention's first key; after لل the rest gets its article."""
    out = []
    for p in _CLITICS:
        if p and (not first.startswith(p) or len(first) - len(p) < 2):
            continue
        out.append((p, ("ال" + first[len(p):]) if p.endswith("لل") else first[len(p):]))
    return tuple(out)


def _mention(sentence, toks, folded, i, n, prefix, entry, where, lex) -> ActorMention | None:
    canonical = entry.canonical
    inter = entry.inter
    actor_country = entry.country
    if entry.group is not None:
        group = lex.groups[entry.group]
        canonical = _resolve_group(group, where)
        if canonical is None:
            return None
        inter = lex.inter_of.get(canonical, group.inter)
        by_country = where is not None and where.name in group.by_country
        actor_country = "" if by_country or where is None else where.name
    if entry.metonym:
        if prefix and prefix[-1] in "بك":
            return None
        if any(_strip_in(t.key, "locative_guard") is not None for t in toks[max(0, i - 2):i]):
            return None
    if entry.counted:  # "ثلاثة فلسطينيين"، "منازل الفلسطينيين", not "خبراء أتراك"
        before = toks[i - 1].key if i > 0 else ""
        if not (before.isdigit() or _base_in(before, "numbers", lex) or _base_in(before, "object_nouns", lex)):
            return None
    assert canonical is not None
    fstart = toks[i].fstart + len(prefix)
    start, end = folded.span(fstart, toks[i + n - 1].fend)
    return ActorMention(canonical, inter, start, end, sentence[start:end], entry.kind, prefix, actor_country,
                        entry.metonym)


# --- roles ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Roles:
    """Who acts (``actor1``) and who is acted on (``actor2``); "" where there is none.

    ``actor1_attributed`` is the actor a relayed suspicion points to (then ``actor1`` is unidentified).
    ``assoc_actor_1``/``assoc_actor_2`` are actors on the same side (joined by و, or in support: بدعم من).
    """

    actor1: str = ""
    actor2: str = ""
    actor1_attributed: str = ""
    inter1: str = ""
    inter2: str = ""
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    actor1_mention: ActorMention | None = None
    actor2_mention: ActorMention | None = None


@dataclass
class _Cand:
    mention: ActorMention
    first: int  # token index of the mention's first and last token
    last: int
    eff: int  # first token of the phrase it heads ("عناصر من X" starts at عناصر)
    ctx: list[str]  # keys before ``eff`` (clitics as separate letters), since the last strong punctuation
    ctx_pos: list[int]  # token index of each ``ctx`` item
    counted: bool  # a number heads it ("13 مسلحا من X")
    partitive: bool  # "عناصر من X": X is named as the group the counted people belong to
    role: str = ""  # agent, target, claim, support, speaker, skip, coord
    prio: float = 0.0
    link: _Cand | None = None  # coord: the mention it is joined to
    note: str = ""


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """``word`` without و/ف and the article: two words are the same cue word when their bare forms are equal
    ("والمدعومة" for "مدعومة")."""
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _match_any(ctx: list[str], cues: _CueIndex) -> tuple[str, ...] | None:
    """The first sequence of the cue list that ``ctx`` ends with, or None."""
    if not ctx:
        return None
    n_ctx = len(ctx)
    found = None
    for order, seq, head, mid in cues.by_last.get(ctx[-1], ()):
        n = len(seq)
        if n <= n_ctx and ctx[n_ctx - n + 1:n_ctx - 1] == mid and _bare(ctx[n_ctx - n]) == head:
            found = order, seq
            break
    single = cues.single.get(_bare(ctx[-1]))
    if single is not None and (found is None or single[0] < found[0]):
        found = single
    return None if found is None else found[1]


def _match_at(keys: list[str], x: int, cues: _CueIndex) -> tuple[str, ...] | None:
    """The first sequence of the cue list that ``keys[x:]`` starts with, or None."""
    if x >= len(keys):
        return None
    room = len(keys) - x
    for _, seq, rest in cues.starts.get(_bare(keys[x]), ()):
        n = len(seq)
        if n <= room and (n == 1 or keys[x + 1:x + n] == rest):
            return seq
    return None


def _is_number(key: str, lex: _Lexicon) -> bool:
    return key.isdigit() or _strip_in(key, "numbers") is not None


def _context(first: int, mention: ActorMention, toks: list[_Tok], lex: _Lexicon,
             covered: dict[int, str] | None = None) -> tuple[list[tuple[str, int]], int, bool, bool]:
    """What stands before a mention, back to the last strong punctuation (at most 12 words), with the
    personnel words and numbers that head it skipped ("بنيران عناصر من الحوثيين" -> "بنيران").

    Returns (items, effective start, counted, partitive): items are (key, token index) with clitics split
    off as their own letters; the effective start is the first token of the phrase the mention heads;
    counted tells that a number was skipped ("قتل 13 مسلحا من ..."), partitive that a partitive من/في
    was ("عناصر من داعش"). Words of another mention (``covered``) are skipped only right before a partitive
    ("مسلحين من داعش"), not otherwise ("عصابة مسلحة ثلاثة أطفال"); ``covered`` maps their token indices to
    their kinds.
    """
    covered = covered or {}
    lo = first
    while lo > 0 and not toks[lo].punct and first - lo < 12:
        lo -= 1
    items: list[tuple[str, int]] = [(toks[x].key, x) for x in range(lo, first)]
    items += [(c, first) for c in _clitic_letters(mention.prefix)]
    eff = first
    counted = partitive_seen = False
    partitive = lex.sets["partitive"]
    after_partitive = False
    while items:
        key, x = items[-1]
        if key in partitive and len(items) >= 2 and (
            _strip_in(items[-2][0], "heads") is not None or _is_number(items[-2][0], lex)
            or covered.get(items[-2][1]) in ("unidentified", "personnel")
        ):
            items.pop()
            partitive_seen = after_partitive = True
            continue
        if x in covered and x != first and not after_partitive:
            break
        absorbed = after_partitive and covered.get(x) in ("unidentified", "personnel")
        after_partitive = False
        stripped = _strip_in(key, "heads") or _strip_in(key, "numbers")
        if stripped is not None or key.isdigit() or absorbed:
            items.pop()
            eff = x
            counted = counted or _is_number(key, lex)
            if stripped is not None and stripped[0]:
                items += [(c, x) for c in _clitic_letters(stripped[0])]
            continue
        break
    return items, eff, counted, partitive_seen


def _base_in(key: str, name: str, lex: _Lexicon) -> bool:
    return _strip_in(key, name) is not None


def _trigger_tokens(starts: list[int], ends: list[int], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The first and last token of the trigger at ``span``, from the tokens' starts and ends (see
    :func:`_candidates`): the tokens it overlaps, else the first token after it, else the last token."""
    if span is None or not starts:
        return None
    s, e = span
    lo, hi = bisect_right(ends, s), bisect_left(starts, max(e, s + 1))  # t.end > s and t.start < max(e, s + 1)
    if lo < hi:
        return lo, hi - 1
    i = bisect_left(starts, s)  # the first token with t.start >= s
    i = i if i < len(starts) else len(starts) - 1
    return i, i


def _classify(c: _Cand, cands: list[_Cand], toks: list[_Tok], trig: tuple[int, int] | None, lex: _Lexicon) -> None:
    m, ctx, cues, sets = c.mention, c.ctx, lex.cue_index, lex.sets
    last = ctx[-1] if ctx else ""
    after = [t.key for t in toks[c.last + 1:c.last + 4]]
    # apposition: "جبهة النصرة، ذراع تنظيم القاعدة" describes, it does not act
    if _match_any(ctx, cues["appositive_before"]):
        c.role = "skip"
        return
    # a claim of responsibility
    if _match_any(ctx, cues["claim_before"]) or any(_match_at(after, i, cues["claim_after"]) for i in range(2)):
        c.role, c.prio = "claim", 100.0
        return
    # joined by و to the mention right before it: the same side
    if ctx and ctx[-1] == "و":
        prev = [o for o in cands if o.last == c.ctx_pos[-1] - 1 and o is not c]
        if prev:
            c.role, c.link = "coord", prev[-1]
            return
    if _match_any(ctx, cues["support_before"]):
        c.role = "support"
        return
    if _match_any(ctx, cues["agent_before"]):
        c.role, c.prio = "agent", 90.0
        return
    # "غارات شنها طيران التحالف": the doer of the noun before the relative verb; of the trigger only when that
    # noun is the trigger ("طائرة مسيرة أطلقتها ميليشيا الحوثي" after "أسقطت الدفاعات" is another doer)
    rel = _match_any(ctx, cues["agent_relative"])
    if rel:
        at = c.ctx_pos[-len(rel)]
        near = trig is None or trig[0] <= at <= trig[1] + 3
        c.role, c.prio, c.note = "agent", 90.0 if near else 58.0, "relative"
        return
    if last and _base_in(last, "between", lex):
        c.role, c.note = "between", "between"
        return
    if last and _base_in(last, "suspect_verbs", lex):
        c.role, c.prio = "speaker", 5.0
        return
    if _match_any(ctx, cues["speaker_before"]):
        c.role, c.prio = "speaker", 10.0
        return
    if _match_any(ctx, cues["target_before"]):
        c.role, c.prio = "target", 80.0
        return
    if last and _base_in(last, "target_verbs", lex):
        c.role, c.prio, c.note = "target", 75.0, "target_verb"
        return
    # owners of targets: "مواقع داعش"، "مواقع لداعش"، "مستودعا يتبع للميليشيات"
    if last and _base_in(last, "object_nouns", lex):
        c.role, c.prio = "target", 80.0
        return
    if last == "ل" and len(ctx) >= 2:
        if _base_in(ctx[-2], "attack_nouns", lex) or _base_in(ctx[-2], "agent_nouns", lex):
            c.role, c.prio, c.note = "agent", 64.0, "attack_genitive"
            return
        if any(_base_in(k, "object_nouns", lex) for k in ctx[-4:-1]):
            c.role, c.prio = "target", 78.0
            return
    link = _match_any(ctx, cues["owner_links"])
    if link and link != ("ل",):
        before = ctx[-len(link) - 4:-len(link)]
        if any(_base_in(k, "object_nouns", lex) for k in before):
            c.role, c.prio = "target", 78.0
        else:
            c.role, c.prio = "target", 50.0
        return
    if last and (_base_in(last, "attack_nouns", lex) or _base_in(last, "agent_nouns", lex)):
        c.role, c.prio, c.note = "agent", 64.0, "attack_genitive"
        return
    # relative clause: "للمقاومة التي تزحف ..."
    if after and after[0] in sets["relatives"] and (trig is None or c.last + 1 < trig[0] <= c.last + 4):
        passive = len(after) > 1 and _base_in(after[1], "patient_verbs", lex)
        c.role, c.prio = ("target", 58.0) if passive or m.kind == "victim" else ("agent", 60.0)
        return
    # the subject of a casualty verb: "عشرات الحوثيين سقطوا"
    if after and _base_in(after[0], "patient_verbs", lex) and not toks[c.last + 1].punct:
        c.role, c.prio = "target", 58.0
        return
    # the subject of an action verb, the patient of a casualty word
    casualty = bool(last) and (_base_in(last, "casualty_verbs", lex) or _base_in(last, "patient_verbs", lex))
    if casualty and (c.counted or c.partitive):  # "وجرح 30 آخرون من ميليشيات الحوثي"
        c.role, c.prio = "target", 60.0
        return
    if last and not c.counted and not (c.partitive and casualty) and _base_in(last, "action_verbs", lex) \
            and not _base_in(last, "patient_verbs", lex):
        if m.kind == "victim":
            c.role, c.prio = "target", 55.0
        elif trig is not None and trig[0] <= c.ctx_pos[-1] <= trig[1]:
            c.role, c.prio, c.note = "agent", 65.0, "post"
        else:
            c.role, c.prio, c.note = "agent", 62.0, "subject"
        return
    if last and _base_in(last, "patient_triggers", lex):
        c.role, c.prio = "target", 58.0
        return
    # VSO: "خطفت جبهة النصرة، أمس، مجموعة من أعضاء الفرقة 30": after a verb and its subject, the object
    subject = next((o for o in reversed(cands)
                    if o.last < c.eff and o.role == "agent" and o.note in ("post", "subject")), None)
    if subject is not None and c.eff - subject.last <= 10 \
            and not any(t.punct for t in toks[subject.last + 1:c.eff + 1]) \
            and not (last and _base_in(last, "prepositions", lex)) and not any(
                o.last < c.eff and o.first > subject.last and o.role not in ("skip", "coord") for o in cands):
        c.role, c.prio, c.note = "target", 55.0, "object"
        return
    _position(c, cands, toks, trig, lex)


def _position(c: _Cand, others: list[_Cand], toks: list[_Tok], trig: tuple[int, int] | None,
              lex: _Lexicon) -> None:
    m, ctx, sets = c.mention, c.ctx, lex.sets
    last = ctx[-1] if ctx else ""
    prep = bool(last) and (last in sets["prepositions"] or _base_in(last, "prepositions", lex))
    victim = m.kind in ("victim", "personnel")
    if trig is None:
        c.role, c.prio = ("target", 20.0) if victim or prep else ("agent", 20.0)
        return
    t0, t1 = trig
    tkey = toks[t0].key
    patient = any(_base_in(tkey, name, lex) for name in ("patient_triggers", "patient_verbs", "passive_noun_triggers"))
    if c.first <= t1 and c.last >= t0:  # the mention contains the trigger ("غارات مجهولة")
        c.role, c.prio = ("agent", 85.0) if m.kind.startswith("unidentified") else ("agent", 50.0)
        return
    if c.eff > t1:
        gap = toks[t1 + 1:c.eff]
        punct = any(t.punct for t in toks[t1 + 1:c.eff + 1])
        blocked = any(_base_in(t.key, "prepositions", lex) or _base_in(t.key, "object_nouns", lex) for t in gap)
        if any(o is not c and t1 < o.first < c.eff for o in others):  # "قتلت الشرطة متظاهرين": the object
            c.role, c.prio = "target", 60.0
        elif len(gap) <= 2 and not punct and not blocked and not prep:
            losses = c.partitive and _base_in(tkey, "casualty_verbs", lex)  # "قتل عناصر من داعش"
            if patient or victim or c.counted or losses or any(_is_number(t.key, lex) for t in gap):
                c.role, c.prio = "target", 60.0
            else:
                c.role, c.prio, c.note = "agent", 65.0, "post"
        elif last == "من" and len(gap) <= 3 and not punct:
            c.role, c.prio = ("target", 55.0) if patient or victim else ("agent", 55.0)
        elif not prep:
            c.role, c.prio, c.note = "target", 35.0, "far"
        else:
            c.role, c.prio, c.note = "target", 15.0, "far"
        return
    gap = toks[c.last + 1:t0]
    punct = any(t.punct for t in toks[c.last + 1:t0 + 1])
    if not punct and len(gap) <= 10 and not prep:
        passive = _base_in(tkey, "patient_verbs", lex) or _base_in(tkey, "passive_noun_triggers", lex)
        if victim or passive:
            c.role, c.prio = "target", 55.0
        else:
            c.role, c.prio, c.note = "agent", 60.0 - len(gap) / 2.0, "pre"
        return
    c.role, c.prio, c.note = ("target", 15.0, "far") if victim or prep else ("agent", 20.0, "far")


def _between(cands: list[_Cand], toks: list[_Tok], lex: _Lexicon) -> None:
    """"بين X و Y" (and "بين X و Z من جهة، و Y"): X acts, Y is the other side."""
    for i, c in enumerate(cands):
        if c.note != "between":
            continue
        rest = [o for o in cands[i + 1:] if not any(t.punct for t in toks[c.last + 1:o.first + 1])]
        sep = None
        for x in range(c.last + 1, rest[-1].first if rest else c.last + 1):
            keys = [t.key for t in toks[x:x + 2]]
            if _match_at(keys, 0, lex.cue_index["side_separators"]):
                sep = x
                break
        rest = [o for o in rest if o.role not in ("support", "skip")]
        if sep is not None:
            side_a = [o for o in rest if o.first < sep]
            side_b = [o for o in rest if o.first > sep]
        else:
            side_a, side_b = [], [o for o in rest if o.first - c.last <= 10][:1]
        if side_b:
            c.role, c.prio = "agent", 70.0
            other = side_b[0]
            other.role, other.prio, other.link = "target", 70.0, None
            for o in side_a:
                o.role, o.link = "coord", c
            for o in side_b[1:]:
                if o.role == "coord":
                    o.link = other
        else:
            c.role, c.prio = "target", 50.0


def _air(toks: list[_Tok], lex: _Lexicon) -> bool:
    """Does the sentence speak of aircraft or strikes from the air?"""
    keys = [t.key for t in toks]
    phrases = lex.cue_index["air_phrases"]
    for i in range(len(keys)):
        if _strip_in(keys[i], "air_words") is not None:
            return True
        if _bare(keys[i]) in phrases.starts and _match_at(keys, i, phrases):
            return True
    return False


def _suspect(toks: list[_Tok], cands: list[_Cand], lex: _Lexicon) -> tuple[str, _Cand | None] | None:
    """The actor a relayed suspicion points to, and its candidate (None for an adjective: يعتقد أنها روسية)."""
    keys = [t.key for t in toks]
    words = [_suspect_word(k) for k in keys]
    hedged = any(w[0] for w in words)
    for x in range(len(keys)):
        _, after_cue, direct_cue, verb_word = words[x]
        if not (direct_cue or verb_word or (hedged and after_cue)):
            continue  # no cue starts here
        # "تقارير تشير إلى أن الطيران الإسرائيلي يقف وراء الغارات": the suspect stands before the cue
        if hedged and after_cue and _match_at(keys, x, lex.cue_index["suspect_after"]):
            before = [c for c in cands if x - 3 <= c.last < x and not c.mention.kind.startswith("unidentified")]
            if before:
                return before[-1].mention.canonical, before[-1]
        direct = _match_at(keys, x, lex.cue_index["suspect_direct"]) if direct_cue else None
        verb = direct is None and verb_word
        if direct is None and not verb:
            continue
        end = x + (len(direct) if direct else 1)
        # a suspicion about a target ("مواقع يعتقد أنها تابعة لداعش") is not an attribution
        if direct and any(_base_in(k, "object_nouns", lex) for k in keys[max(0, x - 2):x]):
            continue
        following = [c for c in cands if end <= c.first <= end + 8 and not c.mention.kind.startswith("unidentified")
                     and c.mention.kind not in ("victim", "protesters")]
        if direct:
            for y in range(end, min(end + 4, len(keys))):
                country = lex.adjective_country.get(keys[y])
                if country is not None and not any(c.first <= y <= c.last for c in cands):
                    return f"Military Forces of {country.of}", None
            if following:
                return following[0].mention.canonical, following[0]
            continue
        linked = [c for c in following if c.ctx and c.ctx[-1] in lex.sets["suspect_links"]]
        if linked:
            return linked[0].mention.canonical, linked[0]
        if following and following[0].first <= end + 1:  # "اتهمت الحكومة الحوثيين": skip the accusers
            accusers = {id(following[0])}
            rest = []
            for c in following[1:]:
                if c.role == "coord" and c.link is not None and id(c.link) in accusers:
                    accusers.add(id(c))
                else:
                    rest.append(c)
            if rest:
                return rest[0].mention.canonical, rest[0]
        if following:
            return following[0].mention.canonical, following[0]
    return None


@lru_cache(maxsize=65536)
def _suspect_word(key: str) -> tuple[bool, bool, bool, bool]:
    """What a word may be in a relayed suspicion: (a hedge, the start of a ``suspect_after`` cue, the start
    of a ``suspect_direct`` cue, a suspicion verb)."""
    lex = _lexicon()
    bare = _bare(key)
    return (_strip_in(key, "hedges") is not None, bare in lex.cue_index["suspect_after"].starts,
            bare in lex.cue_index["suspect_direct"].starts, _strip_in(key, "suspect_verbs") is not None)


def _candidates(sentence: str, mentions: list[ActorMention], trigger_span: tuple[int, int] | None,
                lex: _Lexicon) -> tuple[list[_Cand], list[_Tok], tuple[int, int] | None]:
    last = _LAST_TOKENS[0]
    if last is not None and last[0] == sentence:
        toks = last[1]  # find_actors has tokenized this sentence
    else:
        toks, _ = _tokenize(sentence)
    # token starts never decrease and token ends increase: the tokens a span overlaps are a run, found by
    # bisection
    starts, ends = [t.start for t in toks], [t.end for t in toks]
    trig = _trigger_tokens(starts, ends, trigger_span)
    cands: list[_Cand] = []
    # the tokens a mention overlaps: t.end > m.start and t.start < m.end
    spans = {id(m): list(range(bisect_right(ends, m.start), bisect_left(starts, m.end))) for m in mentions}
    covered = {i: m.kind for m in mentions for i in spans[id(m)]}
    for m in sorted(mentions, key=lambda m: m.start):
        idx = spans[id(m)]
        if not idx:
            continue
        items, eff, counted, partitive = _context(idx[0], m, toks, lex, covered)
        cands.append(_Cand(m, idx[0], idx[-1], eff, [k for k, _ in items], [x for _, x in items], counted,
                           partitive))
    for c in cands:
        _classify(c, cands, toks, trig, lex)
    _between(cands, toks, lex)
    if trig is not None:
        for c in cands:
            _discount(c, toks, trig, lex)
    return cands, toks, trig


def _discount(c: _Cand, toks: list[_Tok], trig: tuple[int, int], lex: _Lexicon) -> None:
    """Cues far from the trigger, or in another clause ("... فيما قتل ..."), speak of another event."""
    if c.role in ("claim", "coord", "support", "skip", "between", ""):
        return
    lo, hi = (c.last + 1, trig[0]) if c.last < trig[0] else (trig[1] + 1, c.first)
    if c.role == "speaker":
        if c.first > trig[1]:
            c.prio -= 25
    elif c.note == "subject":  # the subject of another verb may still be the sentence's doer
        c.prio -= min(25, 1.5 * max(0, hi - lo - 6))
    elif hi - lo > 6 and c.note not in ("pre", "post", "far"):  # positional roles already weigh the distance
        c.prio -= min(50, 3 * (hi - lo - 6))
    if _has_break([t.key for t in toks[lo:hi]], lex):
        c.prio -= 40


def _has_break(keys: list[str], lex: _Lexicon) -> bool:
    breaks = lex.cue_index["clause_breaks"]
    starts = breaks.starts
    return any(_bare(k) in starts and _match_at(keys, i, breaks) for i, k in enumerate(keys))


def _best(cands: list[_Cand], roles: tuple[str, ...], trig: tuple[int, int] | None,
          exclude: AbstractSet[str] = frozenset(), kinds: set[str] | None = None, floor: float = -1e9) -> _Cand | None:
    pool = [c for c in cands if c.role in roles and c.mention.canonical not in exclude
            and (kinds is None or c.mention.kind in kinds) and c.prio >= floor]
    if not pool:
        return None

    def distance(c: _Cand) -> int:
        if trig is None:
            return c.first
        return min(abs(c.first - trig[1]), abs(c.last - trig[0]))

    return min(pool, key=lambda c: (-c.prio, distance(c), c.first))


def assign_roles(
    sentence: str,
    trigger_span: tuple[int, int] | None,
    mentions: list[ActorMention],
    country: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
) -> Roles:
    """Who does the event at ``trigger_span`` (indices into ``sentence``) and to whom.

    ``mentions`` come from :func:`find_actors` on the same sentence. ``trigger_span`` may be None (the
    whole sentence). ``country`` names Civilians/Protesters/Rioters (<country>) for the defaults;
    ``event_type``/``sub_event_type`` (ACLED's) turn on the codebook's defaults for an event with no
    named doer (see the module docstring).
    """
    lex = _lexicon()
    where = _country(country)
    cands, toks, trig = _candidates(sentence, mentions, trigger_span, lex)

    # استهدف X Y: X is the subject when a target follows it and nothing else acts
    strong_agent = any(c.role == "agent" and c.prio >= 60 for c in cands)
    for c in cands:
        if c.note == "target_verb" and not strong_agent and any(
            o.role == "target" and o.first > c.last and o.prio >= 60 for o in cands
        ):
            c.role, c.prio = "agent", 62.0
    # SVO: "المقاومة ... توعدت المتمردين": with a subject before the verb, the word after it is the object
    for c in cands:
        if c.note not in ("post", "subject") or c.role != "agent":
            continue
        verb = c.ctx_pos[-1] if c.ctx_pos else c.first - 1
        if any(o is not c and o.role == "agent" and o.prio >= 40 and o.last < verb and verb - o.last <= 7
               and not any(t.punct for t in toks[o.last + 1:verb + 1])
               and not _has_break([t.key for t in toks[o.last + 1:verb]], lex) for o in cands):
            c.role, c.prio = "target", 60.0
    protest = event_type in ("Protests", "Riots")
    for c in cands:
        # "مسلحين من داعش"، "ضابطا في الأمن العام": a word heading a named group's phrase is that group
        if c.mention.kind in ("unidentified", "personnel") and any(o.eff <= c.first < o.first for o in cands):
            c.role = "skip"
        # "اعترضت الدفاعات صاروخا أطلقه الحوثيون": the relative clause's doer is not the trigger's subject
        if c.note == "relative" and c.prio > 60 and any(
                o.note in ("pre", "post") and o.role == "agent" and o.prio >= 55 for o in cands):
            c.prio = 58.0
        # a country named in its own news is a place ("تفجيرات العراق"، "محافظات العراق"), unless it owns a
        # target ("هدفاً لإيران")
        if c.mention.metonym and c.mention.kind != "government" and where is not None \
                and c.mention.country == where.name and not (c.role == "target" and c.prio >= 75):
            c.role = "skip"
        # a victim never acts (in a protest, the people who act are the protesters)
        if c.role == "agent" and c.mention.kind == "victim" and not protest:
            c.role, c.prio = "target", min(c.prio, 40.0)
        # "قتل 11 شخصا ... من ميليشيات الحوثي": the group named for the counted people outranks the count
        if c.role == "target" and c.partitive:
            c.prio = (max(c.prio, 60.0) if c.counted else c.prio) + 5.0

    claim = _best(cands, ("claim",), trig)
    suspicion = None if claim else _suspect(toks, cands, lex)
    attributed = ""
    if suspicion is not None:
        attributed, suspect = suspicion
        if suspect is not None:
            suspect.role = "skip"
    a1: _Cand | None
    if claim is not None:
        a1 = claim
    elif suspicion is not None:
        a1 = _best(cands, ("agent", "target"), trig, kinds={"unidentified", "unidentified_air"})
    else:
        a1 = _best(cands, ("agent",), trig) or _best(cands, ("speaker",), trig, floor=0)
    # repelled attacks: "صدت المقاومة هجوما للحوثيين" -> the attacker acts, the defender is the target
    attacker = defender = None
    if trig is not None and claim is None and suspicion is None:
        verbs = [x for x in range(max(0, trig[0] - 3), trig[1] + 1) if _base_in(toks[x].key, "repel_verbs", lex)]
        if verbs:
            v = verbs[0]
            subjects = [c for c in cands if c.role == "agent" and (
                (c.ctx_pos and c.ctx_pos[-1] == v) or (c.last < v and v - c.last <= 3))]
            defender = subjects[0] if subjects else None
            attacker = _best([c for c in cands if c is not defender and c.first > v], ("agent",), trig)
    a2: _Cand | None
    if attacker is not None and defender is not None:
        a1, a2 = attacker, defender
    else:
        exclude = {a1.mention.canonical} if a1 is not None else set()
        a2 = _best([c for c in cands if c is not a1], ("target",), trig, exclude=exclude)
        if a2 is None and a1 is not None and trig is not None:
            # "أسقطت الدفاعات السعودية طائرة أطلقتها ميليشيا الحوثي": the doer of the thing acted on
            others = [c for c in cands if c is not a1 and c.first > trig[1] and c.prio >= 40
                      and _root(c) is not a1]
            a2 = _best(others, ("agent",), trig, exclude=exclude)

    actor1 = a1.mention.canonical if a1 is not None else ""
    actor2 = a2.mention.canonical if a2 is not None else ""
    if suspicion is not None and (not actor1 or actor1 == attributed):
        actor1 = UNIDENTIFIED_MILITARY if _air(toks, lex) else UNIDENTIFIED_ARMED
        a1 = None
    if not actor1 and event_type:
        actor1 = _default_actor(event_type, sub_event_type, toks, where, lex)
    if event_type == "Riots" and actor1.startswith("Protesters"):
        actor1 = "Rioters" + actor1[len("Protesters"):]
    if event_type == "Protests" and actor1.startswith("Civilians"):
        actor1 = "Protesters" + actor1[len("Civilians"):]
    if sub_event_type == "Excessive force against protesters" and (not actor1 or actor1.startswith("Protesters")):
        # the protesters are the target; ACLED's sub-type is force used on them, by default by the police
        if actor1.startswith("Protesters") and not actor2:
            actor2, a2 = actor1, a1
        actor1, a1 = (country_actor("police", where.name) if where else ""), None
    if actor2 == actor1 or sub_event_type == "Peaceful protest":
        actor2, a2 = "", None

    def assoc(head: _Cand | None, name: str) -> tuple[str, ...]:
        if head is None:
            return ()
        out: list[str] = []
        for c in cands:
            linked = c.role == "coord" and _root(c) is head
            supporting = head is a1 and c.role == "support"
            if (linked or supporting) and c.mention.canonical != name and c.mention.canonical not in out:
                out.append(c.mention.canonical)
        return tuple(out)

    return Roles(
        actor1=actor1,
        actor2=actor2,
        actor1_attributed=attributed if attributed != actor1 else "",
        inter1=actor_inter(actor1) if actor1 else "",
        inter2=actor_inter(actor2) if actor2 else "",
        assoc_actor_1=assoc(a1, actor1),
        assoc_actor_2=assoc(a2, actor2),
        actor1_mention=a1.mention if a1 is not None else None,
        actor2_mention=a2.mention if a2 is not None else None,
    )


def _root(c: _Cand) -> _Cand:
    seen = 0
    while c.role == "coord" and c.link is not None and seen < 10:
        c = c.link
        seen += 1
    return c


def _default_actor(event_type: str, sub_event_type: str | None, toks: list[_Tok], where: _Country | None,
                   lex: _Lexicon) -> str:
    if event_type in lex.violent_types:
        air = sub_event_type == "Air/drone strike" or (sub_event_type is None and _air(toks, lex))
        return UNIDENTIFIED_MILITARY if air else UNIDENTIFIED_ARMED
    if event_type == "Protests":
        return _resolve_group(lex.groups["protesters"], where) or ""
    if event_type == "Riots":
        return _resolve_group(lex.groups["rioters"], where) or ""
    return ""


def find_attribution(sentence: str, country: str | None = None) -> str:
    """The actor a relayed suspicion in ``sentence`` points to ("" if none).

    For a suspicion stated in a sentence next to the event's ("تقارير ترجح وقوف سلاح الجو الإسرائيلي
    وراء تلك الغارات").
    """
    lex = _lexicon()
    cands, toks, _ = _candidates(sentence, find_actors(sentence, country), None, lex)
    found = _suspect(toks, cands, lex)
    return found[0] if found else ""


def find_claim(sentence: str, country: str | None = None) -> str:
    """The actor that claims responsibility in ``sentence`` ("" if none): "الذي تبناه تنظيم داعش"."""
    lex = _lexicon()
    cands, _, trig = _candidates(sentence, find_actors(sentence, country), None, lex)
    claim = _best(cands, ("claim",), trig)
    return claim.mention.canonical if claim is not None else ""
