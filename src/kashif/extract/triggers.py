"""Event triggers: the words of an Arabic report that name an event, with ACLED's type and sub-type.

:func:`find_triggers` reads a (restored) sentence and returns a :class:`Trigger` for every event
expression of the lexicon it contains: ``قصف``، ``غارات``، ``استهدفت``، ``اشتباكات``، ``سيارة مفخخة``،
``اعتقال``، ``تظاهر``، ``هدنة`` ... in all the conjugations and with all the clitics the lexicon's
expressions allow (:mod:`kashif.extract.lexmatch`): ``وقصفت``، ``بالقصف``، ``يستهدفون``، ``ستقصف``،
``استهدفوها``.

The data:

- ``data/triggers.tsv``: the expressions, each with its event type and sub-type, or with a ``@class``
  whose sub-type the context decides, and with options: what kind of word it is (``event``, ``outcome``
  such as مقتل, ``weapon`` such as قذائف, ``participant`` such as متظاهرون), a context it needs
  (``requires``: a weapon noun counts only with a verb of impact, سقطت قذائف), words that must not
  follow or precede it (``فجر`` "detonated" but not ``فجر الخميس`` "Thursday dawn"), and cue sets that
  rule it out (sports, accidents).
- ``data/trigger_rules.json``: named cue sets (air، artillery، suicide، explosive، civilians، armed،
  protesters ...) and, for each class, its rules: ``قصف`` is an air strike with an air cue (طيران،
  غارة، طائرة مسيرة) and shelling otherwise; ``هجوم`` is an armed clash unless an explosive, air or
  artillery cue or a civilian target says otherwise; a killing (قتل، مقتل، اغتيال) takes the type of its
  cause when the clause names one (سيارة مفخخة، اشتباكات) and otherwise depends on who was killed.

A cue counts only inside the trigger's clause (sentences are cut by :mod:`kashif.extract.sentences`'
rules) and within the rule's window, counted in words; a cue that stands in a gap of the trigger's own
expression (the subject in ``استعاد المسلحون السيطرة``) is at distance 0. The span of a trigger covers
the whole words it matched, clitics included; the cue words that decided its sub-type are given in
:attr:`Trigger.cues`.

Whether a trigger reports an event (and not, say, a condemnation of one), and whether the event
occurred, was threatened, planned or denied, is decided by :mod:`kashif.extract.modality`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import cast

from kashif.extract.lexmatch import IMPF, PERF, Lexicon, Match, Text, analyse
from kashif.extract.sentences import CLAUSE_OPENERS

__all__ = ["EVENT_TYPES", "Trigger", "clause_ids", "find_triggers", "sub_event_types"]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
        "Other",
    ),
}

KINDS = ("event", "outcome", "weapon", "participant")
_PREPOSITIONS = frozenset({"من", "عن", "في", "علي", "الي", "ب", "مع"})
_SENTENCE_BREAKS = frozenset(".!?؟\n")
_CLAUSE_BREAKS = _SENTENCE_BREAKS | frozenset("؛;:")


def sub_event_types() -> list[tuple[str, str]]:
    """ACLED's 25 (event_type, sub_event_type) pairs."""
    return [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event expression found in a text.

    ``start``/``end`` is its span in the text given to :func:`find_triggers` and ``text`` the words
    matched. ``rule`` says what decided the sub-type: ``lexicon`` (the expression itself, e.g. غارة),
    ``default`` (the class default, no cue found), or the name of the cue set whose words in ``cues``
    decided it (``air``: ["الطيران"]). ``kind`` is ``event``, ``outcome`` (مقتل، لقي حتفه), ``weapon``
    (قذائف with a verb of impact) or ``participant`` (متظاهرون). ``aspect`` is ``perf``, ``impf`` or
    ``noun`` and ``future`` is set when the verb carries the future prefix (ستقصف).
    """

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    cues: tuple[str, ...] = ()
    rule: str = "lexicon"
    kind: str = "event"
    expression: str = ""
    aspect: str = "noun"
    future: bool = False
    definite: bool = False  # its first word carries the article (القتل، الهجمات)
    generic: bool = False  # a class default of a generic class (هجوم with no cue: see trigger_rules.json)
    prefix: str = ""  # the clitics before its first word, folded (و، ب، لل ...)

    @property
    def type(self) -> tuple[str, str]:
        return self.event_type, self.sub_event_type

    def shifted(self, offset: int) -> Trigger:
        """The same trigger with its span moved by ``offset`` (e.g. from a sentence into its article)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Rule:
    rank: int
    cues: str
    side: str
    window: int
    type: tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Class:
    default: tuple[str, str]
    rules: tuple[_Rule, ...]
    generic: bool = False  # its default names no particular kind of event (هجوم، استهدف، قتل)


@dataclass(frozen=True, slots=True)
class _Spec:
    expression: str
    event_type: str  # an ACLED type, or "@class"
    sub_event_type: str
    kind: str
    requires: tuple[str, ...]
    window: int
    not_in: tuple[str, ...]
    not_after: Lexicon | None
    after_window: int
    not_before: Lexicon | None
    before_window: int
    impf_future: bool
    exclude: frozenset[str]
    line: int


def split_type(text: str) -> tuple[str, str]:
    """``"Explosions/Remote violence/Air/drone strike"`` → its event type and sub-type."""
    for t, subs in EVENT_TYPES.items():
        if text.startswith(t + "/") and text[len(t) + 1 :] in subs:
            return t, text[len(t) + 1 :]
    raise ValueError(f"not an ACLED event type/sub-type: {text!r}")


@cache
def _rules_data() -> dict:
    path = resources.files("kashif.extract").joinpath("data", "trigger_rules.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def cue_sets() -> dict[str, tuple[str, ...]]:
    """The named cue sets of ``trigger_rules.json`` (expressions)."""
    return {k: tuple(v) for k, v in _rules_data()["cues"].items()}


@cache
def _cue_lexicon() -> Lexicon:
    return Lexicon((expr, name) for name, exprs in cue_sets().items() for expr in exprs)


@cache
def _classes() -> dict[str, _Class]:
    out = {}
    for name, c in _rules_data()["classes"].items():
        rules = tuple(
            _Rule(r["rank"], r["cues"], r.get("side", "any"), r.get("window", 6), split_type(r["type"]))
            for r in c["rules"]
        )
        for r in rules:
            if r.cues not in cue_sets():
                raise ValueError(f"class {name}: unknown cue set {r.cues!r}")
        out[name] = _Class(split_type(c["default"]), tuple(sorted(rules, key=lambda r: r.rank)),
                           bool(c.get("generic", False)))
    return out


@lru_cache(maxsize=256)
def _item_lexicon(value: str) -> Lexicon:
    """A lexicon of the items of an option value: ``@set`` names and expressions joined by ``+``."""
    exprs: list[str] = []
    for item in value.split("+"):
        item = item.strip()
        if not item:
            continue
        if item.startswith("@"):
            if item[1:] not in cue_sets():
                raise ValueError(f"unknown cue set {item!r}")
            exprs.extend(cue_sets()[item[1:]])
        else:
            exprs.append(item)
    return Lexicon((e, True) for e in exprs)


def _parse_options(text: str, line: int) -> dict[str, str]:
    opts: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"triggers.tsv line {line}: bad option {part!r}")
        opts[key.strip()] = value.strip()
    return opts


@cache
def _specs() -> tuple[_Spec, ...]:
    from kashif.extract.folding import fold

    path = resources.files("kashif.extract").joinpath("data", "triggers.tsv")
    specs = []
    classes = _classes()
    sets = cue_sets()
    rows = path.read_text(encoding="utf-8").splitlines()
    for line, row in enumerate(csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row or row[0].startswith("#") or not row[0].strip():
            continue
        if len(row) < 4:
            raise ValueError(f"triggers.tsv line {line}: expected 5 columns")
        expr, etype, sub, options = row[0], row[1], row[2], row[3]
        if etype.startswith("@"):
            if etype[1:] not in classes:
                raise ValueError(f"triggers.tsv line {line}: unknown class {etype}")
        elif sub not in EVENT_TYPES.get(etype, ()):
            raise ValueError(f"triggers.tsv line {line}: not an ACLED type: {etype} / {sub}")
        opts = _parse_options(options, line)
        unknown = set(opts) - {"kind", "requires", "window", "not_in", "not_after", "not_before", "impf", "except",
                               "after_window", "before_window"}
        if unknown:
            raise ValueError(f"triggers.tsv line {line}: unknown options {sorted(unknown)}")
        requires = tuple(s for s in opts.get("requires", "").split(",") if s)
        not_in = tuple(s for s in opts.get("not_in", "").split(",") if s)
        for s in requires + not_in:
            if s not in sets:
                raise ValueError(f"triggers.tsv line {line}: unknown cue set {s!r}")
        kind = opts.get("kind", "event")
        if kind not in KINDS:
            raise ValueError(f"triggers.tsv line {line}: unknown kind {kind!r}")
        specs.append(
            _Spec(
                expression=expr,
                event_type=etype,
                sub_event_type=sub,
                kind=kind,
                requires=requires,
                window=int(opts.get("window", "6")),
                not_in=not_in,
                not_after=_item_lexicon(opts["not_after"]) if "not_after" in opts else None,
                after_window=int(opts.get("after_window", "1")),
                not_before=_item_lexicon(opts["not_before"]) if "not_before" in opts else None,
                before_window=int(opts.get("before_window", "1")),
                impf_future=opts.get("impf") == "future",
                exclude=frozenset(fold(f) for f in opts.get("except", "").split("/") if f),
                line=line,
            )
        )
    return tuple(specs)


@cache
def _trigger_lexicon() -> Lexicon:
    return Lexicon((s.expression, i) for i, s in enumerate(_specs()))


# ------------------------------------------------------------------------------------------ clauses


_PAIR_OPENERS = frozenset(o[0] for o in CLAUSE_OPENERS if isinstance(o, tuple))  # first words of two-word ones


def clause_ids(text: Text) -> tuple[list[int], list[int]]:
    """For each token, the index of its clause and of its sentence.

    Sentences end at ``. ! ? ؟`` and line breaks; clauses also at ``؛ ; :`` and before the clause
    openers of :mod:`kashif.extract.sentences` (فيما، بينما، في حين، وقال ...).
    """
    toks = text.tokens
    clause, sentence = [], []
    c = s = 0
    for i, t in enumerate(toks):
        if i and t.kind == "word" and (t.text in CLAUSE_OPENERS or t.text in _PAIR_OPENERS):
            nxt = toks[i + 1].text if i + 1 < len(toks) else ""
            if t.text in CLAUSE_OPENERS or (t.text, nxt) in CLAUSE_OPENERS:
                c += 1
        clause.append(c)
        sentence.append(s)
        if t.kind in ("punct", "newline") and t.text[0] in _CLAUSE_BREAKS:
            c += 1
            if t.text[0] in _SENTENCE_BREAKS:
                s += 1
    return clause, sentence


@dataclass
class _Context:
    text: Text
    clause: list[int]
    sentence: list[int]
    cues: dict[str, list[Match]]
    words: list[int]  # words[i]: word tokens before token i (windows count words, not punctuation)

    def cue_near(self, names: Iterable[str], first: int, last: int, side: str, window: int,
                 gaps: frozenset[int] = frozenset()) -> tuple[int, Match] | None:
        """The nearest cue of the sets ``names`` in the clause of tokens ``[first, last)``.

        A cue inside the trigger's gaps (the subject in ``استعاد المسلحون السيطرة``) is at distance 0.
        """
        best: tuple[int, Match] | None = None
        cl = self.clause[first]
        for name in names:
            for m in self.cues.get(name, ()):
                if gaps and all(i in gaps for i in range(m.first, m.last)):
                    dist = 0
                elif m.last <= first and side in ("before", "any"):
                    dist = self.words[first] - self.words[m.last]
                elif m.first >= last and side in ("after", "any"):
                    dist = self.words[m.first] - self.words[last]
                else:
                    continue
                if dist >= window or self.clause[m.first] != cl or self.clause[m.last - 1] != cl:
                    continue
                if best is None or (dist, m.first - m.last) < (best[0], best[1].first - best[1].last):
                    best = (dist, m)  # the nearest cue; at equal distance the longer one
        return best

    def in_sentence(self, names: Iterable[str], first: int) -> bool:
        s = self.sentence[first]
        return any(self.sentence[m.first] == s for name in names for m in self.cues.get(name, ()))


def _context(text: Text) -> _Context:
    clause, sentence = clause_ids(text)
    cues: dict[str, list[Match]] = {}
    for m in _cue_lexicon().find(text):
        cues.setdefault(m.payload, []).append(m)  # type: ignore[arg-type]
    words = [0]
    for t in text.tokens:
        words.append(words[-1] + (t.kind == "word"))
    return _Context(text, clause, sentence, cues, words)


# ------------------------------------------------------------------------------------------ finding


def find_triggers(text: str) -> list[Trigger]:
    """Every event trigger in ``text`` (a sentence or a paragraph of restored text), in text order."""
    at = analyse(text)
    if not at.tokens:
        return []
    ctx = _context(at)
    specs = _specs()
    candidates = [m for m in _trigger_lexicon().find(at) if _admissible(specs[cast(int, m.payload)], m, ctx)]
    # longest first, then earliest, then the lexicon's order; overlapping matches lose
    candidates.sort(key=lambda m: (-(m.last - m.first), m.first, specs[cast(int, m.payload)].line))
    taken: list[Match] = []
    used: set[int] = set()
    for m in candidates:
        span = set(range(m.first, m.last))
        if span & used:
            continue
        used |= span
        taken.append(m)
    taken.sort(key=lambda m: m.first)
    out = [_trigger(specs[cast(int, m.payload)], m, ctx) for m in taken]
    for k in range(1, len(out)):
        t, prev = out[k], out[k - 1]
        if (t.aspect == PERF and prev.aspect == "noun" and t.prefix.startswith("و")
                and taken[k].first == taken[k - 1].last):
            out[k] = replace(t, aspect="noun")  # تفجير وقتل وخطف: a list of masdars, no verb among them
    return out


def _admissible(spec: _Spec, m: Match, ctx: _Context) -> bool:
    toks = ctx.text.tokens
    if spec.exclude and any(toks[i].text in spec.exclude for i in range(m.first, m.last)):
        return False
    if spec.impf_future and any(tag == IMPF and not an.future for _, an, tag in m.readings):
        return False
    if spec.requires:
        hit = ctx.cue_near(spec.requires, m.first, m.last, "any", spec.window)
        if hit is None:
            return False
    if spec.not_in and ctx.in_sentence(spec.not_in, m.first):
        return False
    if spec.not_after is not None:
        j = _next_word(toks, m.last)
        if j is not None and toks[j].text in _PREPOSITIONS:
            j = _next_word(toks, j + 1)
        if j is not None:
            lo, hi = j, min(j + spec.after_window + 2, len(toks))
            starts = range(j, min(j + spec.after_window, len(toks)))
            if any(x.first in starts for x in spec.not_after.find(ctx.text, lo, hi)):
                return False
    if spec.not_before is not None and m.first > 0:
        lo = max(0, m.first - spec.before_window)
        words = [j for j in range(lo, m.first) if toks[j].kind == "word"]
        if words and any(x.first in words for x in spec.not_before.find(ctx.text, words[0], m.first)):
            return False
    return True


def _next_word(toks, j: int) -> int | None:
    if j < len(toks) and toks[j].kind == "word":
        return j
    return None


def _trigger(spec: _Spec, m: Match, ctx: _Context) -> Trigger:
    text = ctx.text.text
    cues: tuple[str, ...] = ()
    rule = "lexicon"
    generic = False
    if spec.event_type.startswith("@"):
        cls = _classes()[spec.event_type[1:]]
        etype, sub = cls.default
        rule = "default"
        generic = cls.generic
        rank: int | None = None
        best: tuple[int, Match, _Rule] | None = None
        matched = {i for i, _, _ in m.readings}
        gaps = frozenset(i for i in range(m.first, m.last) if i not in matched)
        for r in cls.rules:
            if rank is not None and r.rank != rank:
                break
            hit = ctx.cue_near((r.cues,), m.first, m.last, r.side, r.window, gaps)
            if hit is not None and (best is None or (hit[0], hit[1].first - hit[1].last)
                                    < (best[0], best[1].first - best[1].last)):
                best = (hit[0], hit[1], r)
                rank = r.rank
        if best is not None:
            _, cm, r = best
            etype, sub = r.type
            cues = (text[cm.start : cm.end],)
            rule = r.cues
            generic = False
    else:
        etype, sub = spec.event_type, spec.sub_event_type
    tags = [tag for _, _, tag in m.readings]
    aspect = PERF if PERF in tags else IMPF if IMPF in tags else "noun"
    if aspect == PERF and any(p.last == m.first for cat in ("prepositions", "masdar_heads")
                              for p in ctx.cues.get(cat, ())):
        aspect = "noun"  # no verb follows a preposition or a head noun: في قتل، منذ خطف، عمليات خطف are masdars
    return Trigger(
        start=m.start,
        end=m.end,
        text=text[m.start : m.end],
        event_type=etype,
        sub_event_type=sub,
        cues=cues,
        rule=rule,
        kind=spec.kind,
        expression=spec.expression,
        aspect=aspect,
        future=m.future,
        definite=any(an.prefix.endswith(("ال", "لل")) for _, an, _ in m.readings[:1]),
        generic=generic,
        prefix=m.readings[0][1].prefix if m.readings else "",
    )
