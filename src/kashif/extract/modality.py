"""Is a trigger a report of an event, and did the event occur, or was it threatened, planned or denied?

Two questions about a :class:`~kashif.extract.triggers.Trigger` in its sentence (codebook §1 and §3,
README decisions 2 and 3), answered from cue lists in ``data/modality.json``:

:func:`is_event_report` tells a report of an event from a mention of one. A trigger is *not* a report when
it is governed by

- a condemnation or condolence (أدان، ندد، استنكر، أعرب عن): ``أدانت الوزارة الهجوم``;
- an investigation or a trial (تحقيق، محاكمة، المحكمة، بتهمة، المتهم، المدانون بـ، الإفراج عن): ``التحقيق في اغتيال``;
- an allegation or a rumour (ادعاءات، مزاعم، شائعات): ``ادعاءات بارتكاب أعمال اغتصاب``;
- a commemoration or anniversary (ذكرى، إحياء، مرور عام على);
- opinion, fear or modality (يجب، يمكن، ربما، مخاوف من، حذر من، احتمال);
- a topic or a responsibility a few words before it (حول الهجوم، بشأن الاغتيال، المتعلقة بالتفجير، تقف وراء
  الهجوم، بالوقوف خلف الاغتيال، وعن تفجير السوق قال، علق على مقتل): what a statement is about, or who is behind
  an event, is no report of it;
- a film, a novel, a scene (يروي الفيلم، في مشهد): a story;
- a yes/no question with no question mark (هل، فهل);
- prevention or policy (مكافحة، لمنع، لوقف، إنهاء، طالب بـ، رفض): ``دعا إلى وقف القصف``;
- a condition (إذا، لو، في حال، حال، مهما): ``حال استهدفت أي مصالح``، ``مهما شن من غارات``;
  a condemnation governs the long list of objects it often takes (أدانت ... ممارساتها وبخاصة الاغتيالات وقصف
  المنازل), so its window is wider than the others';
- a trend word just before it with no time or toll in its clause (تصاعد الهجمات، ارتفاع وتيرة الاشتباكات),
  or a generic quantifier just before it (أي هجوم، كل أشكال العنف);

- a word of continuation right after it, again with no time or toll (الاعتداءات المستمرة، المتكررة);
- the lam of purpose on a capture (تتقاتلان للسيطرة على، الجهود لاستعادة): an aim, neither a report nor a plan;
- a noun joined by و to a mention of a list (أدانت ... عمليات القتل خارج نطاق القانون والاغتيالات وقصف المنازل،
  أعمال اغتصاب ونهب وقتل): the conjuncts share what governs the list (a cue, a plural head of acts, a temporal
  preposition), though the cue may be too far from them for its own window;

or when its sentence is a question, or a "read also" line (اقرأ أيضاً، ذات صلة). Protest participants
(متظاهرون) are exempt from the mention cues: ``ندد مئات المتظاهرين بـ...`` is a protest. But definite
participants with no number or quantity before them (``ردد المتظاهرون هتافات``) are the protesters of a
protest already reported: their chants, banners and demands are no new report.

An event that occurred must also be one that a coder could place (README decision 9 codes background
events only when the article dates and places them). So, for a trigger whose modality is ``occurred``:

- a noun right after a demonstrative (هذا الهجوم، تلك الغارات), or a definite one claimed (تبنت الجماعة
  الهجوم، أعلن مسؤوليته عن التفجير), refers back to an event already reported;
- a noun right after a temporal preposition (منذ اغتيال، بعد هجمات، إثر وقوع انفجار، غداة اعتداء، عشية
  الهجوم، في اليوم التالي لاغتيال، خلال الهجمات، أثناء القصف) or after "in response to, in revenge for" (ردا على
  الهجوم، انتقاما لغارة) is the background of what the sentence reports, unless its own phrase has a
  number, a time or a place; after "since" or "before" (منذ اغتيال الحريري في بيروت، قبل وقوع هجمات 11
  سبتمبر) it is background however precisely it is named, unless a toll follows it (الذي أودى بحياة 32
  شابا): those date what the sentence says by an event it does not report;
- an event dated by the year alone near it, with no month, day or recent time in its clause (قتل في تفجير
  عام 1996، اغتاله مسلحون قبل سنوات، العام الماضي، خلال العامين الماضيين، القرون الماضية، في الستينات) is
  background the codebook does not code
  (README decision 9);
- a perfect verb describing an event noun that is itself a mention (تقف وراء الهجوم الانتحاري الذي استهدف
  السفارة؛ بعد قليل من انفجارين استهدفا منزلاً) is that mention: the noun before the relative pronoun, or an
  indefinite noun right before the verb (Arabic describes an indefinite noun with no pronoun); after a
  definite noun with no pronoun the verb is its predicate (الغارات استهدفت معسكرين) and reports;
- a noun after a plural head of acts (أعمال قتل واغتصاب، بعمليات تفجير وخطف، بارتكاب تفجيرات) with no verb
  of occurrence next to it and no number or time right after it names acts of a kind, not one event;
- a perfect verb right after "when" (عندما هاجم مسلحون البرلمان) gives the time of what the sentence says,
  unless its clause counts the dead it caused (قتل 20 شخصا حين انفجرت سيارة مفخخة);
- a killing whose clause is dated only by "since" (قتل مئات منذ الإطاحة بالرئيس), or any event so dated whose
  victims are counted before it (14 صحافيا خطفوا منذ عام 2006), is a cumulative toll, and
  anything that has gone on "for months" or "since then" (منذ أربعة أشهر، منذ ذلك الحين، منذ بداية الحرب) a
  campaign (README decision 9);
- a verb right after a relative pronoun with no time or number in its clause (المعارضة التي تقاتل داعش،
  الهجوم الذي استهدف السفارة) describes; the head noun, if any, is the event; so does one whose clause is
  dated back (a year, الماضي) with no recent time, current period or toll (الوزير الذي اغتيل في نوفمبر
  الماضي: who he was); the passive with تم is such a verb (الذين تم اختطافهم), and a verb of occurrence
  that opens such a relative clause does not make the noun after it a report (الضحايا الذين سقطوا في
  الهجوم، النساء اللواتي يتعرضن للاغتصاب);
- a definite abstract noun of a practice (القتل، التعذيب، الاغتصاب، الاغتيالات، العنف) is a mention
  unless a head makes it one event (عملية الخطف، حادثة الاغتيال، بعد الاغتيال) or its clause is dated;
- any other noun (هجوم، غارات، مظاهرة) is a mention unless a verb of occurrence stands next to it (a masdar
  of a list or after a preposition is none: وقتل in تفجير وخطف وقتل; شنت
  غارات، وقع انفجار، أسفر الهجوم، فرقت اعتصاماً، انخرطت حشود في مسيرة) or a perfect "did" governs it after ب
  (قام متظاهرون بالاحتجاج), its clause names a time, a toll stands a few words from it, or its own
  phrase (a few words after it) a number, a place noun (مدينة، حي، سوق) or a place below a country that
  :mod:`kashif.extract.places` accepts: a long sentence that names a place somewhere does not make every
  event noun in it a report, and neither a country (تفجيرات في سورية) nor a bare year (اغتيال الزعيم عام
  1995) places or dates an event a coder could code (README decision 9);
- an imperfect verb (not future) is habitual or generic (يقتلون الأبرياء) unless its clause names a time
  or a number (يحاصر الجيش البلدة منذ ثلاثة أيام);
- a perfect verb is a story, an accusation or a figure of speech (قتلوا أبي وأخي، فجروا الولايات المتحدة، خطف
  قرار الحكومة) unless a few words around it (more after it than before) name a time or a month, a number or
  a toll, a place word or a place below a country, or an armed actor (مسلحون، قوات، عناصر الميليشيا), or a
  definite event noun is its subject (الغارات استهدفت).

Threats, plans and denials are reported as such whatever their anchors.

:func:`modality` gives ``occurred`` | ``threatened`` | ``planned`` | ``denied``:

1. ``denied`` when a negator stands right before the trigger, with only "transparent" words between
   (لم تقصف، لم يتم اعتقال، لم تقع أي اشتباكات، عدم وقوع، دخلت دون قتال، لن يهاجم), but not ``لا يزال``
   or ``لا سيما``;
2. otherwise the nearest cue that *governs* the trigger decides: ``threatened`` (هدد بـ، توعد، لوّح،
   أنذر، مهلة), ``planned`` (يعتزم، نية لـ، من المقرر، يخطط، يستعد لـ، تمهيداً لـ، تتوقع مصادر، دعا إلى،
   ستواصل، سوف، and the lam of purpose on a light masdar: لتنفيذ، لشن، للقيام بـ، لارتكاب) or ``denied``
   (نفى، كذّب، لا صحة لـ). A cue governs a trigger that follows it in the same
   clause (:func:`~kashif.extract.triggers.clause_ids`) within its window of words, with no scope breaker
   between them: a temporal or causal subordinator (بعد أن، إثر، منذ، بسبب، حيث، عندما), a contrast
   (لكن، فيما), a condition, or (except for a denial) a relative pronoun (الذي، التي). So ``هدد الرئيس
   بقصف 52 هدفاً`` is threatened, while in ``توعد بالرد على الهجوم الذي استهدف`` the attack occurred.
   A denial does not govern a trigger when a word of responsibility or involvement stands between them:
   ``نفى الحزب مسؤوليته عن الهجوم الذي أدى إلى مقتل ...`` denies the responsibility, not the attack,
   which stays ``occurred``;
3. ``planned`` when the trigger itself carries the future prefix (ستقصف) or is followed closely by a
   future verb or a word of expectation (المظاهرات ستستمر، الاقتحام الوشيك، الهجوم المرتقب);
   ``denied`` when it is followed in its clause by a dismissal (... عارية عن الصحة، لا أساس لها);
4. ``occurred`` otherwise, including reported speech and attributions ("قالت مصادر"، "أفاد ناشطون").

Everything is decided inside the sentence given. An article that reports an event in one sentence and
quotes its denial in another (README decision 2) must be reconciled by the caller, which
:func:`denial_of_reported` helps with (نفت الوزارة الأمر، نفى هذه الاتهامات); so must events reported as
conditions of a threat.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kashif.extract.lexmatch import Lexicon, Match, Text, analyse
from kashif.extract.triggers import Trigger, clause_ids

__all__ = ["MODALITIES", "Assessment", "assess", "clause_at", "clause_of", "clause_span", "denial_of_reported",
           "is_event_report", "modality"]

MODALITIES = ("occurred", "threatened", "planned", "denied")

_GOVERNING = {"threatened": "threatened", "planned": "planned", "denial": "denied"}


@dataclass(frozen=True, slots=True)
class Assessment:
    """What :func:`assess` found: whether the trigger reports an event, its modality, and why."""

    report: bool
    modality: str
    modality_cue: str | None = None  # the words that decided the modality
    mention_cue: str | None = None  # the words that made it a mention
    reason: str = ""  # e.g. "negation", "threatened", "mention:legal", "related"


@cache
def _data() -> dict:
    path = resources.files("kashif.extract").joinpath("data", "modality.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _lexicon() -> Lexicon:
    d = _data()
    entries: list[tuple[str, str]] = []
    for key in ("threatened", "planned", "future_aux", "planned_after", "denial", "denial_after",
                "denial_blockers", "negators", "negation_exceptions", "negation_transparent", "scope_breakers",
                "relatives", "conditional", "anchors", "related_links", "trend_after", "specificity",
                "number_words", "abstract_nouns", "specific_heads", "occurrence_verbs", "background",
                "background_transparent", "quantifiers", "anaphora", "campaign",
                "denied_objects", "circumstantial", "protesters", "claims", "when", "dated_back", "current",
                "other_side", "year_back", "practice_heads", "light_verbs", "passive_light_verbs", "armed_actors"):
        entries.extend((e, key) for e in d[key])
    for group in ("mention", "adjacent"):
        for key, exprs in d[group].items():
            entries.extend((e, f"{group}:{key}") for e in exprs)
    entries.extend((e, "months") for e in _month_names())
    return Lexicon(entries)


def _month_names() -> list[str]:
    """The Gregorian and Hijri month names of ``data/dates.json`` (read by :mod:`kashif.extract.dates`)."""
    path = resources.files("kashif.extract").joinpath("data", "dates.json")
    d = json.loads(path.read_text(encoding="utf-8"))
    return sorted({n for key in ("gregorian_months", "hijri_months") for names in d[key].values() for n in names})


@dataclass
class _Cues:
    text: Text
    clause: list[int]
    sentence: list[int]
    by_cat: dict[str, list[Match]]
    covered: dict[str, set[int]]  # category -> token indices its matches cover
    words: list[int]  # words[i]: how many word tokens come before token i (distances count words only)
    questions: frozenset[int] = frozenset()  # the sentences (indices of ``sentence``) with a question mark

    def dist(self, a: int, b: int) -> int:
        """Words from token ``a`` up to token ``b`` (``a <= b``)."""
        return self.words[b] - self.words[a]


@lru_cache(maxsize=256)
def _cues(sentence: str) -> _Cues:
    at = analyse(sentence)
    clause, sent = clause_ids(at)
    by_cat: dict[str, list[Match]] = {}
    covered: dict[str, set[int]] = {}
    for m in _lexicon().find(at):
        cat = str(m.payload)
        by_cat.setdefault(cat, []).append(m)
        covered.setdefault(cat, set()).update(range(m.first, m.last))
    words = [0]
    for t in at.tokens:
        words.append(words[-1] + (t.kind == "word"))
    questions = frozenset(sent[i] for i, t in enumerate(at.tokens) if t.kind == "punct" and t.text in "؟?")
    return _Cues(at, clause, sent, by_cat, covered, words, questions)


@cache
def _window(name: str) -> int:
    return int(_data()["windows"][name])


def _span(c: _Cues, trigger: Trigger) -> tuple[int, int] | None:
    toks = c.text.tokens
    if not toks:
        return None
    first = c.text.token_at(trigger.start)
    if first >= len(toks):
        return None
    last = max(first + 1, c.text.token_at(max(trigger.end - 1, trigger.start)) + 1)
    return first, min(last, len(toks))


def _between(c: _Cues, cats: tuple[str, ...], lo: int, hi: int) -> bool:
    """A match of one of ``cats`` lies within tokens ``[lo, hi)``."""
    return any(lo <= m.first and m.last <= hi for cat in cats for m in c.by_cat.get(cat, ()))


def _governing(c: _Cues, cat: str, first: int, last: int, window: int, breakers: tuple[str, ...],
               future_only: bool = False) -> Match | None:
    """The nearest cue of ``cat`` before the trigger that governs it."""
    best: Match | None = None
    for m in c.by_cat.get(cat, ()):
        if m.last > first or c.dist(m.last, first) >= window:
            continue
        if c.clause[m.first] != c.clause[first] or (future_only and not m.future):
            continue
        if _between(c, breakers, m.last, first):
            continue
        if cat == "denial" and _between(c, ("denial_blockers",), m.last, first):
            continue
        if best is None or m.last > best.last:
            best = m
    return best


def _following(c: _Cues, cat: str, first: int, last: int, window: int, future_only: bool = False) -> Match | None:
    for m in c.by_cat.get(cat, ()):
        if m.first >= last and c.dist(last, m.first) < window and c.clause[m.first] == c.clause[first]:
            if not future_only or m.future:
                return m
    return None


def _negated(c: _Cues, first: int) -> Match | None:
    toks = c.text.tokens
    transparent = c.covered.get("negation_transparent", set())
    exceptions = c.covered.get("negation_exceptions", set())
    for m in c.by_cat.get("negators", ()):
        if m.last > first or c.dist(m.last, first) > _window("negation"):
            continue
        if m.last in exceptions:
            continue
        if all(toks[i].kind == "word" and i in transparent for i in range(m.last, first)):
            return m
    return None


def _cue_text(c: _Cues, m: Match) -> str:
    return c.text.text[m.start : m.end]


def assess(sentence: str, trigger: Trigger) -> Assessment:
    """Report or mention, and modality, of ``trigger`` (found in ``sentence``, with spans into it)."""
    c = _cues(sentence)
    span = _span(c, trigger)
    if span is None:
        return Assessment(True, "occurred")
    first, last = span
    mod, mod_cue, reason = _modality(c, trigger, first, last)
    report, mention_cue, why = _report(c, trigger, first, last, mod)
    return Assessment(report, mod, mod_cue, mention_cue, why or reason)


def modality(sentence: str, trigger: Trigger) -> str:
    """``occurred``, ``threatened``, ``planned`` or ``denied`` (see the module docstring)."""
    # assess(sentence, trigger).modality, without the report/mention half it does not need
    c = _cues(sentence)
    span = _span(c, trigger)
    if span is None:
        return "occurred"
    return _modality(c, trigger, *span)[0]


def clause_of(sentence: str, trigger: Trigger) -> int:
    """The index of the clause of ``sentence`` that the trigger starts in (as
    :func:`~kashif.extract.triggers.clause_ids` cuts clauses)."""
    return clause_at(sentence, trigger.start)


def clause_at(sentence: str, pos: int) -> int:
    """The index of the clause of ``sentence`` that holds the character at ``pos``."""
    c = _cues(sentence)
    if not c.text.tokens:
        return 0
    return c.clause[min(c.text.token_at(pos), len(c.text.tokens) - 1)]


def denial_of_reported(sentence: str) -> int | None:
    """Where ``sentence`` denies something already reported (نفت الأمر، نفى هذه الاتهامات، نفت صحة الأنباء):
    the start of the denial, else None. The caller applies it to the events reported before it, in the
    sentence or the one before (README decision 2: an actor's denial makes the event ``denied``)."""
    c = _cues(sentence)
    w = _window("denied_object")
    for m in c.by_cat.get("denial", ()):
        for o in c.by_cat.get("denied_objects", ()):
            if o.first >= m.last and c.clause[o.first] == c.clause[m.first] and c.dist(m.last, o.first) < w:
                return m.start
    return None


def clause_span(sentence: str, trigger: Trigger) -> tuple[int, int]:
    """The character span in ``sentence`` of the clause the trigger starts in."""
    c = _cues(sentence)
    span = _span(c, trigger)
    if span is None:
        return 0, len(sentence)
    cl = c.clause[span[0]]
    toks = c.text.tokens
    idx = [i for i in range(len(toks)) if c.clause[i] == cl]
    return toks[idx[0]].start, toks[idx[-1]].end


def is_event_report(sentence: str, trigger: Trigger) -> bool:
    """Whether ``trigger`` reports an event rather than mentioning one (see the module docstring)."""
    return assess(sentence, trigger).report


# ----------------------------------------------------------------------------------------- modality


def _modality(c: _Cues, trigger: Trigger, first: int, last: int) -> tuple[str, str | None, str]:
    neg = _negated(c, first)
    if neg is not None:
        return "denied", _cue_text(c, neg), "negation"
    breakers = ("scope_breakers", "relatives", "conditional")
    best: tuple[int, str, Match] | None = None
    for cat, mod in _GOVERNING.items():
        w = _window(cat)
        m = _governing(c, cat, first, last, w, ("scope_breakers", "conditional") if cat == "denial" else breakers)
        if m is not None and (best is None or m.last > best[0]):
            best = (m.last, mod, m)
    m = _governing(c, "future_aux", first, last, _window("future_aux"), breakers, future_only=True)
    if m is not None and (best is None or m.last > best[0]):
        best = (m.last, "planned", m)
    k = _future_verb_before(c, first, _window("future_aux"), breakers)
    if k is not None and (best is None or k + 1 > best[0]):
        tok = c.text.tokens[k]
        return "planned", c.text.text[tok.start : tok.end], "planned"
    if best is not None:
        return best[1], _cue_text(c, best[2]), best[1]
    if trigger.future:
        return "planned", None, "future"
    after = _following(c, "denial_after", first, last, _window("denial_after"))
    if after is not None:
        return "denied", _cue_text(c, after), "denied_after"
    after = _following(c, "planned_after", first, last, _window("planned_after"))
    if after is None and trigger.aspect == "noun":
        after = _following(c, "future_aux", first, last, _window("future_after"), future_only=True)
    if after is not None:
        return "planned", _cue_text(c, after), "planned_after"
    if trigger.aspect == "noun":
        toks = c.text.tokens
        for k in range(last, min(last + _window("future_after"), len(toks))):
            if c.clause[k] != c.clause[first]:
                break
            if _looks_future(toks[k].text):
                return "planned", c.text.text[toks[k].start : toks[k].end], "planned_after"
    return "occurred", None, ""


def _purpose_type(trigger: Trigger) -> bool:
    """A capture named by a masdar with the lam of purpose (للسيطرة على، لاستعادة) is an aim, not a fact."""
    return f"{trigger.event_type}/{trigger.sub_event_type}" in _data()["purpose_types"]


@lru_cache(maxsize=65536)
def _looks_future(word: str) -> bool:
    """A verb with the future prefix س (ستسمح، سيكون، سنرد): the word without its س is an imperfect verb
    that is clearly more frequent than the whole (so ستة، سنة، سيارة، سيول، ستين are not)."""
    from wordfreq import zipf_frequency

    for p in ("وس", "فس", "س"):
        if word.startswith(p):
            rest = word[len(p):]
            break
    else:
        return False
    if len(rest) < 3 or rest[0] not in "يتنا":
        return False
    zr = zipf_frequency(rest, "ar")
    return zr >= 3.5 and zr >= zipf_frequency(word, "ar") + 0.3


def _future_verb_before(c: _Cues, first: int, window: int, breakers: tuple[str, ...]) -> int | None:
    toks = c.text.tokens
    for k in range(first - 1, max(-1, first - 1 - window), -1):
        if c.clause[k] != c.clause[first]:
            return None
        if toks[k].kind == "word" and _looks_future(toks[k].text):
            return None if _between(c, breakers, k + 1, first) else k
    return None


# ------------------------------------------------------------------------------------------- report


def _report(c: _Cues, trigger: Trigger, first: int, last: int, mod: str) -> tuple[bool, str | None, str]:
    toks = c.text.tokens
    sent = c.sentence[first]
    first_word = next((i for i, t in enumerate(toks) if c.sentence[i] == sent and t.kind == "word"), None)
    if first_word is not None:
        for m in c.by_cat.get("related_links", ()):
            if m.first == first_word:
                return False, _cue_text(c, m), "related"
    if sent in c.questions:
        return False, "؟", "question"
    breakers = ("scope_breakers", "relatives")
    cond = _governing(c, "conditional", first, last, _window("conditional"), breakers)
    if cond is not None:
        return False, _cue_text(c, cond), "conditional"
    if trigger.kind == "participant":
        if (trigger.definite and not _quantified(c, first)) or _known_protesters(c, first):
            # المتظاهرون with no number: the protesters of a protest already reported (their chants,
            # banners, demands), not a new protest
            return False, None, "anaphoric"
        return True, None, ""
    best: tuple[int, str, Match] | None = None
    for key in _data()["mention"]:
        cat = f"mention:{key}"
        w = _window(key) if key in ("prevention", "topic", "condemnation") else _window("mention")
        g = _governing(c, cat, first, last, w, breakers)
        if g is not None and (best is None or g.last > best[0]):
            best = (g.last, cat, g)
    if best is not None:
        return False, _cue_text(c, best[2]), best[1]
    adj = _window("adjacent")
    for key in _data()["adjacent"]:
        cat = f"adjacent:{key}"
        for m in c.by_cat.get(cat, ()):
            if m.last <= first and c.dist(m.last, first) < adj and c.clause[m.first] == c.clause[first]:
                if key == "trend" and _anchored(c, first):
                    continue
                return False, _cue_text(c, m), cat
    after = _following(c, "trend_after", first, last, adj)
    if after is not None and not _anchored(c, first):
        return False, _cue_text(c, after), "trend_after"
    if trigger.aspect == "noun" and trigger.prefix in ("ل", "لل") and _purpose_type(trigger):
        return False, c.text.text[trigger.start : trigger.start + 1], "purpose"  # الجهود للسيطرة على
    if mod != "occurred":
        return True, None, ""  # the threat, plan or denial is itself what is reported
    if trigger.aspect == "noun" and any(m.last == first for m in c.by_cat.get("anaphora", ())):
        return False, None, "anaphora"  # هذا الهجوم، تلك الغارات: an event already reported
    if trigger.aspect == "noun" and trigger.definite and any(
            m.last <= first and c.dist(m.last, first) < 3 and c.clause[m.first] == c.clause[first]
            for m in c.by_cat.get("claims", ())) and not _phrase_anchored(c, first, last, _window("noun_phrase")):
        return False, None, "anaphora"  # تبنت الجماعة الهجوم: the claim of an attack already reported
    if _since_only(c, first) and (trigger.kind == "outcome" or _counted(c, first)):
        # قتل مئات منذ الإطاحة بالرئيس، 12 صحافيا خطفوا منذ عام 2004: a count since a date is a statistic
        return False, None, "cumulative"
    w = _window("campaign")
    campaign = next((m for m in c.by_cat.get("campaign", ()) if c.clause[m.first] == c.clause[first] and (
        c.dist(m.last, first) < w if m.last <= first else c.dist(last, m.first) < w)), None)
    if campaign is not None:
        return False, _cue_text(c, campaign), "campaign"  # الضربات التي ينفذها التحالف منذ أربعة أشهر
    head = _head_noun(c, trigger, first)
    if head is not None and not assess(c.text.text, head).report:
        # الهجوم الانتحاري الذي استهدف السفارة، انفجارين استهدفا منزلاً: the verb describes the event its head
        # noun names, and that noun is a mention here (تقف وراء الهجوم ...، بعد قليل من انفجارين ...)
        return False, None, "head"
    if trigger.aspect != "noun" and not trigger.future and _after_relative(c, first) and _describes(c, first):
        # المعارضة التي تقاتل داعش: what it does; الهجوم الذي استهدف السفارة: the head noun is the event;
        # الوزير الذي اغتيل في نوفمبر الماضي، الذي اغتالته إسرائيل في 2004، الذين تم قتلهم: who someone was
        return False, None, "relative"
    if trigger.aspect == "noun":
        bg = _backgrounded(c, first, last)
        if bg is not None:
            return False, _cue_text(c, bg), "background"
    elif trigger.aspect == "perf":
        when = next((m for m in c.by_cat.get("when", ()) if m.last <= first and c.dist(m.last, first) <= 2), None)
        if when is not None and not _toll_before(c, first, when):
            # عندما هاجم مسلحون البرلمان: the time of what the sentence says, unless it is the cause of the
            # deaths its clause reports (قتل 20 شخصا حين انفجرت سيارة مفخخة)
            return False, _cue_text(c, when), "background"
    if _year_only(c, first, last):
        # قتلوا لدى محاولة اغتياله في عام 2002، قتل الصحافية العام الماضي، اغتاله مسلحون قبل عامين: dated by
        # the year alone, background the codebook does not code (README decision 9)
        return False, None, "year_only"
    if trigger.aspect == "noun" and _practice(c, first) and not _predicated(c, first, last):
        # اعمال قتل واغتصاب، بعمليات تفجير وخطف وقتل، بارتكاب تفجيرات: acts of a kind, not one event
        return False, None, "practice"
    if trigger.definite and trigger.aspect == "noun" and _abstract(c, first):
        return False, None, "abstract"
    if trigger.aspect == "noun" and not _predicated(c, first, last) and not _light_verb(c, trigger, first) and not (
            _noun_reported(c, first, last)):
        return False, None, "unanchored"
    if trigger.aspect == "perf" and not trigger.future and not _situated(c, first, last) and not (
            _event_subject(c, first)):
        # قتلوا اولادي، فجروا الولايات المتحدة، خطف قرارها: a deed told with no time, place, number or toll
        # is a story, an accusation or a figure of speech, not a report a coder could code
        return False, None, "unsituated"
    if trigger.aspect == "impf" and not trigger.future and not _timed(c, first) and not any(
            m.last == first for m in c.by_cat.get("circumstantial", ())):  # رصدت الطائرات وهي تقصف: not habitual
        return False, None, "habitual"
    conjunct = _conjunct_mention(c, trigger, first)
    if conjunct is not None:
        # أدانت ... عمليات القتل خارج نطاق القضاء والاغتيالات وقصف المنازل: a noun joined by و to a mention in
        # a list shares what governs it (the condemnation, the plural head of acts, the temporal preposition)
        return False, conjunct.mention_cue, "conjunct"
    return True, None, ""


# Why a noun of a list is a mention that the nouns joined to it share: a cue that governs the whole list, not
# the noun's own phrase (an "unanchored" noun may be anchored by the words after the last one of the list).
_SHARED_REASONS = ("mention:", "adjacent:", "practice", "abstract", "background", "purpose", "trend_after",
                   "year_only", "cumulative", "campaign", "conjunct", "conditional")


def _conjunct_mention(c: _Cues, trigger: Trigger, first: int) -> Assessment | None:
    """The assessment of the mention a noun is joined to by و (القتل خارج نطاق القضاء والاغتيالات، اعمال
    اغتصاب ونهب وقتل): the noun trigger right before it in its clause, with at most three words between them
    (its complement: القتل خارج نطاق القضاء) and no punctuation, when that one is a mention for a reason its
    list shares. None otherwise."""
    if trigger.aspect != "noun" or not trigger.prefix.startswith("و"):
        return None
    toks = c.text.tokens
    prev = None
    for t in _triggers(c.text.text):
        if t.end > toks[first].start:
            break
        prev = t
    if prev is None or prev.aspect != "noun":
        return None
    j = c.text.token_at(prev.end - 1)
    if c.clause[j] != c.clause[first] or c.dist(j + 1, first) > 3:
        return None
    if any(toks[i].kind != "word" for i in range(j + 1, first)):
        return None
    a = assess(c.text.text, prev)
    if a.report or not a.reason.startswith(_SHARED_REASONS):
        return None
    return a


def _known_protesters(c: _Cues, first: int) -> bool:
    """The clause's protesters are all definite with no number (رفع المتظاهرون لافتات): chants and banners
    of protesters already reported."""
    found = [m for m in c.by_cat.get("protesters", ()) if c.clause[m.first] == c.clause[first]]
    return bool(found) and all(
        m.readings and m.readings[0][1].prefix.endswith(("ال", "لل")) and not _quantified(c, m.first) for m in found)


def _quantified(c: _Cues, first: int) -> bool:
    """A number or a quantity word within two words before the trigger (آلاف المتظاهرين، 300 متظاهر،
    العشرات من المحتجين)."""
    toks = c.text.tokens
    lo = first
    while lo > 0 and c.dist(lo - 1, first) < 3:
        lo -= 1
    if any(toks[i].kind == "num" for i in range(lo, first)):
        return True
    return any(lo <= m.first < first for cat in ("quantifiers", "number_words") for m in c.by_cat.get(cat, ()))


def _noun_reported(c: _Cues, first: int, last: int) -> bool:
    """An event noun with no verb of occurrence next to it reports an event when its clause gives a toll
    (مقتل 5 في هجوم) or a time near it (هجوم أمس), or its own phrase a number, a place or a place word
    within a few words after it (اشتباكات في حي الميدان، غارات على مدينة البوكمال). A noun with none of
    these names a topic (الهجوم على السفارة، العمليات الانتحارية كلها)."""
    w = _window("noun_time")
    if any(c.clause[m.first] == c.clause[first] and (c.dist(m.last, first) <= w if m.last <= first
           else c.dist(last, m.first) <= w) for m in c.by_cat.get("anchors", ())):
        return True
    if _phrase_anchored(c, first, last, _window("noun_phrase")):
        return True
    toks = c.text.tokens
    lo, hi = toks[first].start, toks[last - 1].end
    w = _window("noun_toll")

    def near(start: int) -> bool:  # a toll a few words from the noun, in its clause
        k = min(c.text.token_at(start), len(toks) - 1)
        return c.clause[k] == c.clause[first] and (c.dist(k, first) if k < first else c.dist(last, k)) <= w

    return any(near(start) for start, end in _tolls(c.text.text) if end <= lo or start >= hi)  # not the noun itself


def _phrase_anchored(c: _Cues, first: int, last: int, window: int, place_words: bool = True) -> bool:
    """A number, a time, a place word (unless ``place_words`` is false: تحرير المدينة names a city already
    named) or a place within ``window`` words after the trigger, in its clause."""
    toks = c.text.tokens
    end = last
    while end < len(toks) and c.clause[end] == c.clause[first] and c.dist(last, end) < window:
        end += 1
    if any(_count(toks[i]) for i in range(last, end)):
        return True
    for cat in ("anchors", "specificity", "number_words") if place_words else ("anchors", "number_words"):
        if any(last <= m.first < end for m in c.by_cat.get(cat, ())):
            return True
    return end > last and _has_place(c.text.text[toks[last].start : toks[end - 1].end])


def _count(tok) -> bool:
    """A number token that counts or dates by day, not a bare year (عام 2005، في 2003): an event dated only
    by its year is background the codebook does not code (README decision 9), so a year anchors nothing.
    Token texts are folded, so their digits are ASCII."""
    if tok.kind != "num":
        return False
    digits = tok.text
    return not (len(digits) == 4 and digits.isdecimal() and 1900 <= int(digits) <= 2099)


@lru_cache(maxsize=1024)
def _tolls(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence counts people killed or wounded (spans): a figure, or a plural (سقوط قتلى); not a
    victim read into a single word (اغتيال فلان)."""
    from kashif.extract.numbers import find_casualties

    return tuple((m.start, m.end) for m in find_casualties(sentence)
                 if m.category not in ("captured", "missing") and (m.explicit or m.count >= 3))


def _toll_before(c: _Cues, first: int, cue: Match) -> bool:
    """People killed or wounded are counted before ``cue`` in the trigger's clause."""
    toks = c.text.tokens
    return any(end <= cue.start and c.clause[min(c.text.token_at(start), len(toks) - 1)] == c.clause[first]
               for start, end in _tolls(c.text.text))


def _backgrounded(c: _Cues, first: int, last: int) -> Match | None:
    """A noun right after a temporal preposition (منذ اغتيال، بعد هجمات، إثر وقوع انفجار، غداة اعتداء) names
    the background of what the sentence reports, unless its own phrase dates or places it: a number, a time
    or a named place within a few words after it (إثر مقتل جنديين في هجوم الجمعة), or unless it is the
    cause of the deaths its clause reports (قتل ثلاثة جنود إثر انفجار عبوة)."""
    toks = c.text.tokens
    transparent = c.covered.get("background_transparent", set())
    cue = None
    for m in c.by_cat.get("background", ()):
        if m.last <= first and c.clause[m.first] == c.clause[first] and c.dist(m.last, first) <= 4 and all(
                toks[i].kind == "word" and i in transparent for i in range(m.last, first)):
            cue = m
    if cue is None:
        return None
    if c.dist(cue.last, first) <= 1 and _toll_before(c, first, cue):
        return None  # قتل ثلاثة جنود إثر انفجار عبوة: the cause of the deaths the clause reports
    if (_since(c, cue) or c.text.tokens[cue.first].text in ("قبل", "وقبل")) and not _toll_after(c, first, last):
        # منذ اغتيال الحريري في بيروت، قبل وقوع هجمات 11 سبتمبر: "since" and "before" date what the sentence
        # says by an event it does not report, however precisely they name it, unless they count its dead
        # (منذ الاعتداء الانتحاري في سوروتش الذي أودى بحياة 32 شابا: README decision 9 codes it)
        return cue
    return None if _phrase_anchored(c, first, last, _window("background_anchor"), place_words=False) else cue


def _toll_after(c: _Cues, first: int, last: int) -> bool:
    """People killed or wounded are counted a few words after the trigger, in its clause."""
    toks = c.text.tokens
    w = _window("background_anchor")
    for start, _end in _tolls(c.text.text):
        k = min(c.text.token_at(start), len(toks) - 1)
        if k >= last and c.clause[k] == c.clause[first] and c.dist(last, k) <= w:
            return True
    return False


@lru_cache(maxsize=256)
def _masdar_tokens(sentence: str) -> frozenset[int]:
    """The first tokens of the triggers that :func:`~kashif.extract.triggers.find_triggers` reads as nouns
    although their form is also a perfect verb: a masdar in a list (تفجير وخطف وقتل) or after a preposition
    or a head noun (في قتل، عمليات خطف) is no verb of occurrence for its neighbours."""
    c = _cues(sentence)
    return frozenset(c.text.token_at(t.start) for t in _triggers(sentence) if t.aspect == "noun")


def _after_relative(c: _Cues, k: int) -> bool:
    """Token ``k`` opens a relative clause: a relative pronoun right before it, or before the passive تم that
    stands right before it (الذين تم اختطافهم: the passive of الذين اختطفوا)."""
    rel = c.by_cat.get("relatives", ())
    if any(m.last == k for m in rel):
        return True
    return any(t.last == k and any(m.last == t.first for m in rel) for t in c.by_cat.get("passive_light_verbs", ()))


def _describes(c: _Cues, first: int) -> bool:
    """A relative clause that describes rather than reports: nothing in its clause dates or counts it (الهجوم
    الذي استهدف السفارة، النساء اللواتي يتعرضن للاغتصاب), or only a date back with no recent time, current
    period or toll (الوزير الذي اغتيل في نوفمبر الماضي: who he was)."""
    return not _anchored(c, first) or (_dated_back(c, first) and not _recent(c, first))


def _predicated(c: _Cues, first: int, last: int) -> bool:
    """A verb of occurrence stands next to the noun (شنت غارات، وقع انفجار، أسفر الهجوم، فرقت اعتصاماً). An
    imperfect one counts only when the clause is timed or the event goes on (لا تزال المعارك تدور): the
    campaign "that it wages" (الضربات التي تشنها) or what "happens" (يقع) is no report. Neither does one
    that opens a relative clause that describes (المذبحة التي تعرضت لها المدينة، الضحايا الذين سقطوا في
    الهجوم، اللواتي يتعرضن للاغتصاب): like a verb after a relative pronoun, it tells what the noun or the
    people were, not that it happened (:func:`_describes`)."""
    w = _window("predicate")
    masdars = _masdar_tokens(c.text.text)
    for m in c.by_cat.get("occurrence_verbs", ()):
        if c.clause[m.first] != c.clause[first] or m.first in masdars:
            continue  # a masdar of a list (تفجير وخطف وقتل) or after a preposition (في قتل) is no verb
        if m.last <= first and _after_relative(c, m.first) and _describes(c, first):
            continue
        if (m.last <= first and c.dist(m.last, first) < w) or (m.first >= last and c.dist(last, m.first) < w):
            if "impf" in m.tags and "perf" not in m.tags and not m.future and not (
                    _timed(c, first) or _going_on(c, min(m.first, first))):
                continue
            return True
    return False


def _light_verb(c: _Cues, trigger: Trigger, first: int) -> bool:
    """A perfect "did" with the masdar after ب (قام متظاهرون في ضواحي المدينة بالاحتجاج، قامت القوات بقصف
    البلدة), or the perfect تم right before it (تم اختطافه، تمت مداهمة المنزل: the passive): the masdar is the
    verb of the sentence."""
    if any(m.last == first for m in c.by_cat.get("passive_light_verbs", ())):
        # الذين تم اختطافهم: a relative clause, judged as its verb would be (:func:`_describes`)
        return not (_after_relative(c, first) and _describes(c, first))
    if not trigger.prefix.startswith(("ب", "وب")):
        return False
    w = _window("light_verb")
    return any(c.clause[m.first] == c.clause[first] and m.last <= first and c.dist(m.last, first) < w
               and "perf" in m.tags and not m.future for m in c.by_cat.get("light_verbs", ()))


def _going_on(c: _Cues, i: int) -> bool:
    """لا يزال / ما زال within two words before token ``i``."""
    covered = c.covered.get("negation_exceptions", set())
    return any(k in covered and c.dist(k, i) <= 2 for k in range(max(0, i - 4), i))


def _abstract(c: _Cues, first: int) -> bool:
    """A definite abstract noun (القتل، التعذيب، الاغتيالات) with no head making it one event (عملية
    الخطف، حادثة الاغتيال، بعد الاغتيال) and no time in its clause: the practice, not an event."""
    if not any(m.first == first for m in c.by_cat.get("abstract_nouns", ())):
        return False
    if any(m.last == first for m in c.by_cat.get("specific_heads", ())):
        return False
    return not any(c.clause[m.first] == c.clause[first] for m in c.by_cat.get("anchors", ()))


@lru_cache(maxsize=1024)
def _has_place(text: str) -> bool:
    """A place name below a country that the gazetteer accepts (its guards keep out البلاد، الباب ... used as
    words). A country's name places nothing a coder could code (README decision 9: events placed only by
    country are not coded): ``تفجيرات في سورية وفي لبنان`` names a topic, not an event."""
    from kashif.extract.places import PlaceContext, load_gazetteer

    return any(p.feature != "country" for p in load_gazetteer().places(text, PlaceContext()))


def _anchored(c: _Cues, first: int) -> bool:
    """The trigger's clause names a time or a toll (so a trend word reports an event). "Since" (منذ) is no
    anchor here: with a trend or a toll it measures a campaign (سلسلة من الغارات منذ ذلك الحين)."""
    cl = c.clause[first]
    if any(c.clause[i] == cl and _count(t) for i, t in enumerate(c.text.tokens)):
        return True
    return any(c.clause[m.first] == cl and not _since(c, m) for m in c.by_cat.get("anchors", ()))


def _dated_back(c: _Cues, first: int) -> bool:
    """The trigger's clause is dated by a year (2004) or by "last" (الشهر الماضي، في نوفمبر الماضي)."""
    cl = c.clause[first]
    if any(c.clause[i] == cl and t.kind == "num" and not _count(t) for i, t in enumerate(c.text.tokens)):
        return True
    return any(c.clause[m.first] == cl for m in c.by_cat.get("dated_back", ()))


def _recent(c: _Cues, first: int) -> bool:
    """The trigger's clause is dated by a recent time (أمس، اليوم، الجمعة، صباح، الشهر الحالي) or counts the
    dead: a report, even in a relative clause."""
    cl = c.clause[first]
    if any(c.clause[m.first] == cl for m in c.by_cat.get("current", ())):
        return True
    back = {i for m in c.by_cat.get("dated_back", ()) for i in range(m.first, m.last)}
    if any(c.clause[m.first] == cl and not _since(c, m) and not any(i in back for i in range(m.first, m.last))
           for m in c.by_cat.get("anchors", ())):
        return True
    toks = c.text.tokens
    lo, hi = toks[first].start, toks[first].end
    return any(c.clause[min(c.text.token_at(start), len(toks) - 1)] == cl
               for start, end in _tolls(c.text.text) if not lo <= start < end <= hi)  # not the verb alone


def refers_back(sentence: str) -> bool:
    """The sentence points back with a demonstrative (تلك الغارات، أسفر ذلك عن): what it adds belongs to an
    event already reported."""
    return bool(_cues(sentence).by_cat.get("anaphora"))


def other_side(sentence: str) -> bool:
    """The sentence opens with "for its part" (من جانبها، من جهته، بدوره، في المقابل): what it reports comes
    from the other side, so a toll it gives complements the one before (README decision 6)."""
    c = _cues(sentence)
    return any(c.words[m.first] <= 2 for m in c.by_cat.get("other_side", ()))


def _timed(c: _Cues, first: int) -> bool:
    """The trigger's clause names a time (منذ included: يحاصر البلدة منذ ثلاثة أيام) or a number: an imperfect
    verb so anchored reports what goes on; without it, what is habitual (يقتلون الأبرياء)."""
    cl = c.clause[first]
    if any(c.clause[i] == cl and _count(t) for i, t in enumerate(c.text.tokens)):
        return True
    return any(c.clause[m.first] == cl for cat in ("anchors", "number_words") for m in c.by_cat.get(cat, ()))


def _counted(c: _Cues, first: int) -> bool:
    """A figure or a number word (not a year) before the trigger in its clause counts those it happened to
    (12 صحافيا خطفوا، 55 سفينة تعرضت للهجوم): how many, a count."""
    cl = c.clause[first]
    if any(c.clause[i] == cl and _count(t) for i, t in enumerate(c.text.tokens[:first])):
        return True
    return any(c.clause[m.first] == cl and m.last <= first for m in c.by_cat.get("number_words", ()))


def _since(c: _Cues, m: Match) -> bool:
    return m.last - m.first == 1 and c.text.tokens[m.first].text in ("منذ", "ومنذ")


def _since_only(c: _Cues, first: int) -> bool:
    """The trigger's clause has منذ and no other time: a count since a date is a cumulative toll (قتل مئات
    منذ الإطاحة بالرئيس), not one event (README decision 9)."""
    cl = c.clause[first]
    anchors = [m for m in c.by_cat.get("anchors", ()) if c.clause[m.first] == cl]
    return any(_since(c, m) for m in anchors) and all(_since(c, m) for m in anchors)


def _around(c: _Cues, first: int, last: int, unit: Sequence[int], before: int, after: int) -> tuple[int, int]:
    """Token range [lo, hi) around tokens first..last: up to ``before`` words before and ``after`` after, within
    the unit (sentence or clause numbers per token) of ``first``."""
    toks = c.text.tokens
    own = unit[first]
    lo = first
    while lo > 0 and unit[lo - 1] == own and c.dist(lo - 1, first) < before:
        lo -= 1
    hi = last
    while hi < len(toks) and unit[hi] == own and c.dist(last, hi) < after:
        hi += 1
    return lo, hi


def _situated(c: _Cues, first: int, last: int) -> bool:
    """Within a few words of a perfect verb (more after it than before: the object and the adjuncts of an
    Arabic verb follow it), in its sentence: a time or a month, a number or a toll (not the verb itself), a
    place word or a place below a country. A report of something that happened gives one of them (قتل 18
    شخصا، انفجرت سيارة مفخخة في سوق الكرادة أمس); a deed told with none (قتلوا اولادي، فجروا الولايات
    المتحدة، خطف قرارها) is a story, an accusation or a figure of speech."""
    toks = c.text.tokens
    lo, hi = _around(c, first, last, c.sentence, _window("situated_before"), _window("situated_after"))
    if any(_count(toks[i]) for i in range(lo, hi)):
        return True
    for cat in ("anchors", "number_words", "specificity", "months", "armed_actors"):
        # not the verb's own words, except an actor in its gap (اقتادت عناصر الميليشيا الشاب)
        if any(lo <= m.first < hi and not (first <= m.first < last and (cat != "armed_actors" or m.first == first))
               for m in c.by_cat.get(cat, ())):
            return True
    a, b = toks[lo].start, toks[hi - 1].end
    ts, te = toks[first].start, toks[first].end
    if any(a <= start and end <= b and not (ts <= start < te) for start, end in _tolls(c.text.text)):
        return True
    return _has_place(c.text.text[a:b])


def _year_only(c: _Cues, first: int, last: int) -> bool:
    """Within a few words of the trigger, in its clause, a year (2002، عام 1988، العام الماضي، قبل عامين، في
    الستينات) and no month, day or recent time (أمس، الجمعة، صباح، الشهر الحالي): dated by the year alone."""
    toks = c.text.tokens
    cl = c.clause[first]
    lo, hi = _around(c, first, last, c.clause, _window("year"), _window("year"))
    year = any(toks[i].kind == "num" and not _count(toks[i]) for i in range(lo, hi)) or any(
        lo <= m.first < hi for m in c.by_cat.get("year_back", ()))
    if not year:
        return False
    if any(c.clause[m.first] == cl for cat in ("months", "current") for m in c.by_cat.get(cat, ())):
        return False
    back = {i for cat in ("dated_back", "year_back") for m in c.by_cat.get(cat, ()) for i in range(m.first, m.last)}
    return not any(c.clause[m.first] == cl and not _since(c, m) and m.first not in back
                   for m in c.by_cat.get("anchors", ()))


def _practice(c: _Cues, first: int) -> bool:
    """A plural head of acts (أعمال، عمليات، ممارسات، جرائم، ارتكاب) up to three words before the noun, with
    only words between (اعمال قتل واغتصاب، بعمليات تفجير وخطف وقتل), and no number or time right after the
    noun (the time of a statement elsewhere in the clause dates the statement): acts of a kind."""
    toks = c.text.tokens
    head = next((m for m in c.by_cat.get("practice_heads", ()) if m.last <= first and c.dist(m.last, first) <= 3
                 and c.clause[m.first] == c.clause[first]
                 and all(toks[i].kind == "word" for i in range(m.last, first))), None)
    if head is None:
        return False
    return not _phrase_anchored(c, first, first + 1, _window("noun_phrase"), place_words=False)


@lru_cache(maxsize=256)
def _triggers(sentence: str) -> tuple[Trigger, ...]:
    from kashif.extract.triggers import find_triggers

    return tuple(find_triggers(sentence))


def _head_noun(c: _Cues, trigger: Trigger, first: int) -> Trigger | None:
    """For a perfect verb, the event noun it describes: a noun trigger before the relative pronoun that opens
    its clause (الهجوم الانتحاري، الذي استهدف السفارة) or, with no pronoun, an indefinite one right before it
    (انفجارين استهدفا منزلاً: a clause describing an indefinite noun takes no pronoun in Arabic; after a
    definite one the verb is the predicate, الغارات استهدفت معسكرين), with at most one word between (an
    adjective) and no clause break."""
    if trigger.aspect != "perf" or first == 0:
        return None
    toks = c.text.tokens
    k = first
    rel = next((m for m in c.by_cat.get("relatives", ()) if m.last == first), None)
    if rel is not None:
        k = rel.first
    for t in reversed(_triggers(c.text.text)):
        if t.end > toks[k].start:
            continue
        if t.aspect != "noun" or t.kind != "event":
            return None
        j = c.text.token_at(t.end - 1)
        if c.clause[j] == c.clause[first] and c.dist(j + 1, k) <= 1 and (rel is not None or not t.definite):
            return t
        return None
    return None



def _event_subject(c: _Cues, first: int) -> bool:
    """A definite event noun right before a perfect verb is its subject (الغارات استهدفت معسكرين): the verb
    goes on telling an event the article has reported."""
    toks = c.text.tokens
    for t in reversed(_triggers(c.text.text)):
        if t.end > toks[first].start:
            continue
        j = c.text.token_at(t.end - 1)
        return (t.aspect == "noun" and t.kind == "event" and t.definite and c.clause[j] == c.clause[first]
                and c.dist(j + 1, first) == 0)
    return False
