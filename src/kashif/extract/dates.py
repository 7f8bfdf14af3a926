"""Dates: find date expressions in Arabic text and resolve them against the publication date (codebook §6).

:func:`find_dates` returns every expression with its span in the input, the day it resolves to (the first
day of a range), the last day of the range, and ACLED's ``time_precision``: 1 the day is known, 2 the week
or a range of a few days, 3 only the month (written as the first day of the month). :func:`event_date`
picks the date of one event's sentence.

Conventions (codebook §6 and the dev set's decisions, ``shared/eval/events/README.md``):

- Relative expressions (أمس، قبل يومين، الأسبوع الماضي، a month with no year ...) need the publication date;
  without it they stay unresolved (``date`` None). Explicit dates with a year resolve without it.
- A range takes its first day with precision 2: بداية الشهر the 1st, منتصف/أواسط the 11th, أواخر the 21st;
  هذا الأسبوع the Sunday starting the week; قبل أيام the reference date minus 3 days (the least an Arabic
  plural means); خلال الساعات الـ24 الماضية the day before.
- A weekday is the most recent such day on or before the reference date (so on the day itself, the day
  itself); المقبل/القادم the next one after it. ``أمس الجمعة`` and ``اليوم الأحد`` take the weekday, looked
  up on or before the day أمس/اليوم name. A night spanning two days (ليل الاثنين الثلاثاء) takes the first.
- A month with no year is the most recent such month not after the publication date; with الماضي the most
  recent one before the publication month; with المقبل the next one.
- Hijri dates are converted with the Umm al-Qura calendar (``hijridate``). A Hijri month without a day is
  the range of that Hijri month with precision 3.
- Years alone (عام 2014، العام الماضي) are not event dates and are not returned.

Matching is on folded text (:mod:`kashif.extract.folding`); the word lists are in ``data/dates.json``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from hijridate import Gregorian, Hijri

from kashif.extract.folding import fold, fold_with_map, load_data
from kashif.extract.numbers import number_vocabulary, parse_number

Day = date  # (the name ``date`` is also a field of the records below)

POINT = "point"  # the expression dates something
SINCE = "since"  # منذ تموز 2014: the start of a state, not an event
UNTIL = "until"  # حتى اليوم
ANCHORED = "anchored"  # قبل يومين من القصف: counted from another event, not from the publication date


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression, its span in the input and what it resolves to."""

    start: int
    end: int
    text: str
    date: Day | None  # the day, or the first day of the range; None if it cannot be resolved
    end_date: Day | None  # the last day of the range (== date for a single day)
    time_precision: int | None  # 1 day, 2 week or a few days, 3 month (codebook §6)
    kind: str  # explicit, numeric, month, hijri, weekday, relative_day, ago, period, last_period
    relative: bool  # resolved against the publication date
    role: str = POINT


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date chosen for an event, where it came from, and the span of the expression used."""

    date: date | None
    time_precision: int | None
    source: str  # sentence | context | published | none
    mention: DateMention | None = None


# ------------------------------------------------------------------------------------------ grammar


def _alt(words: Iterable[str]) -> str:
    """An alternation of the folded ``words`` (a space matching any run of spaces) that tries the longest
    first, written as a trie: the regex engine tries the branches of an alternation one by one, and a trie
    has few at each step, where a flat list of a hundred words has a hundred at each position of the text."""
    root: dict[str, dict] = {}
    for f in {fold(w) for w in words if w and not w.startswith("_")}:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie(root) + ")"


def _trie(node: dict[str, dict]) -> str:
    # Longer words first (each child before the end of a word here), as the flat longest-first list did:
    # the words that match at one position are prefixes of one another, so the order is the same.
    parts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not parts:
        return ""
    if "" in node:
        parts.append("")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _starts(*lists: Iterable[str], digits: bool = False) -> str:
    """A lookahead for the letters a match may start with: a proclitic of ``_CL`` or the first letter of a
    word of ``lists`` (what :func:`_alt` makes of them, and of the literal alternatives of the pattern), or a
    digit. It tells nothing the pattern does not, but fails at once at a word that starts otherwise, where
    the pattern would try each of its proclitics and optional words first."""
    letters = set("وفبل")
    for words in lists:
        for w in words:
            if w and not w.startswith("_"):
                f = fold(w)
                if not f or f[0].isspace():
                    return ""  # an empty word or one starting with a space: no lookahead (never so in our data)
                letters.add(f[0])
    return "(?=[" + "".join(re.escape(c) for c in sorted(letters)) + (r"\d" if digits else "") + "])"


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip())


_L0 = r"(?<![^\W\d_])"  # not after a letter
_L1 = r"(?![^\W\d_])"  # not before a letter
_CL = r"(?:[وف]?[بل]?)"  # proclitics


class _Grammar:
    def __init__(self) -> None:
        d = load_data("dates.json")
        self.greg: dict[str, int] = {}
        for n, names in d["gregorian_months"].items():
            for w in names:
                self.greg[_key(fold(w))] = int(n)
        self.greg_ambiguous = {_key(fold(w)) for w in d["ambiguous_month_names"]["words"]}
        self.hijri: dict[str, int] = {}
        for n, names in d["hijri_months"].items():
            for w in names:
                self.hijri[_key(fold(w))] = int(n)
        self.hijri_ambiguous = {_key(fold(w)) for w in d["ambiguous_hijri_names"]["words"]}
        self.weekday: dict[str, int] = {}
        for n, names in d["weekdays"].items():
            for w in names:
                self.weekday[_key(fold(w))] = int(n)
        self.week_start = int(d["week_starts_on"])
        self.relday: dict[str, int] = {}
        for n, names in d["relative_days"].items():
            if n.startswith("_"):
                continue
            for w in names:
                self.relday[_key(fold(w))] = int(n)
        self.relday_precision: dict[str, int] = {}
        for w in d["overnight"]["words"]:
            self.relday[_key(fold(w))] = 1
            self.relday_precision[_key(fold(w))] = 2
        self.past = {fold(w) for w in d["past_modifiers"]}
        self.current = {fold(w) for w in d["current_modifiers"]}
        self.next = {fold(w) for w in d["next_modifiers"]}
        self.units: dict[str, tuple[str, str]] = {}  # form -> (unit, grammatical number)
        for unit, forms in d["units"].items():
            if unit.startswith("_"):
                continue
            for number in ("plural", "dual", "singular"):
                for w in forms[number]:
                    self.units[fold(w)] = (unit, number)
        self.few = {fold(k): v for k, v in d["few_words"].items()}
        self.parts: dict[str, str] = {}
        for part, words in d["month_parts"].items():
            if part.startswith("_"):
                continue
            for w in words:
                self.parts[fold(w)] = part
        od = d["ordinal_days"]
        self.ordinals: dict[str, int] = {}
        ordinal_units = {fold(k): v for k, v in od["units"].items()}
        for w, v in ordinal_units.items():
            if v > 1 or w != fold("الحادي"):
                self.ordinals[w] = v
            for teen in od["teen"]:
                self.ordinals[f"{w} {fold(teen)}"] = 10 + v
            for tw, tv in od["tens"].items():
                if tv + v <= 31:
                    self.ordinals[f"{w} و{fold(tw)}"] = tv + v
        for w in od["ten"]:
            self.ordinals[fold(w)] = 10
        for tw, tv in od["tens"].items():
            self.ordinals[fold(tw)] = tv

        past, cur, nxt = _alt(d["past_modifiers"]), _alt(d["current_modifiers"]), _alt(d["next_modifiers"])
        mod = rf"(?P<mod>{past}|{cur}|{nxt})"
        day = rf"(?:\d{{1,2}}|{_alt(self.ordinals)})"
        months = _alt(self.greg)
        hmonths = _alt(self.hijri)
        parts = _alt(self.parts)
        shahr = _alt(d["month_words"])
        year_words = _alt(d["year_words"])
        greg_mark = _alt(d["gregorian_year_markers"])
        hijri_mark = _alt(d["hijri_year_markers"])
        weekdays = _alt(self.weekday)
        tod = _alt(d["times_of_day"])
        relday = _alt(self.relday)
        num = r"(?:\d{1,3}|" + _alt(number_vocabulary()) + r"(?:\s+و" + _alt(number_vocabulary()) + r"){0,2})"
        few = _alt(d["few_words"])
        units = _alt(self.units)
        lead = _alt(d["last_period_words"]["lead"])
        tail = _alt(d["last_period_words"]["tail"])
        ago = _alt(d["ago_words"])
        sep_year = rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{year_words}\s+)?)"

        part_words, shahr_words = list(self.parts), d["month_words"]
        first_greg = _starts(part_words, self.ordinals, shahr_words, self.greg, digits=True)
        first_hijri = _starts(part_words, self.ordinals, shahr_words, self.hijri, digits=True)
        first_rel = _starts(d["times_of_day"], ("يوم", "ليله", "ليل"), self.relday)
        first_wd = _starts(d["times_of_day"], ("يوم", "ليله", "ليل"), self.weekday)
        first_ago = _starts(d["ago_words"])
        first_lead = _starts(d["last_period_words"]["lead"])
        first_period = _starts(part_words, ("هذا", "هذه"), d["week_words"], shahr_words)
        # The numeric ones start with a digit (the "not after a digit, / . -" check comes after it), so that
        # the regex engine skips to the digits of the text instead of trying every position.
        self.patterns: list[tuple[re.Pattern[str], Callable]] = [
            (re.compile(r"(?P<d>\d(?<![\d/.\-]\d)\d?)(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})(?![\d])"),
             _numeric_dmy),
            (re.compile(r"(?P<y>\d(?<![\d/.\-]\d)\d{3})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d/])"),
             _numeric_ymd),
            (re.compile(
                rf"{_L0}{first_greg}{_CL}(?:(?P<part>{parts})\s+)?"
                rf"(?:(?P<day>{day})(?:\s*(?:-|–|الي|حتي|و)\s*(?P<day2>{day}))?\s+(?:من\s+)?)?"
                rf"(?:(?P<shahr>{shahr})\s+)?(?P<m1>{months})"
                rf"(?:\s*(?:/|\(|-|–|،|,)?\s*(?P<m2>{months})\s*\)?)?{_L1}"
                rf"(?:{sep_year}(?P<y>\d{{4}})(?:\s*{greg_mark}{_L1})?)?"
                rf"(?:\s+(?:من\s+)?(?:{year_words})\s+(?P<yrel>{past}|{cur}|{nxt}))?"
                rf"(?:\s+{mod})?{_L1}"
            ), self._gregorian),
            (re.compile(
                rf"{_L0}{first_hijri}{_CL}(?:(?P<part>{parts})\s+)?(?:(?P<day>{day})\s+(?:من\s+)?)?"
                rf"(?:(?P<shahr>{shahr})\s+)?(?P<hm>{hmonths}){_L1}"
                rf"(?:{sep_year}(?P<y>\d{{4}})(?:\s*(?P<hmark>{hijri_mark}){_L1})?)?"
                rf"(?:\s+{mod})?{_L1}"
            ), self._hijri),
            (re.compile(
                rf"{_L0}{first_rel}{_CL}(?:(?P<tod>{tod})\s+)?(?:(?:يوم|ليله|ليل)\s+)?(?P<rel>{relday})"
                rf"(?:\s*[,،]?\s*(?P<wd>{weekdays}))?{_L1}"
            ), self._relative_day),
            (re.compile(
                rf"{_L0}{first_wd}{_CL}(?:(?P<tod>{tod})\s+)?(?:(?:يوم|ليله|ليل)\s+)?(?P<wd>{weekdays})"
                rf"(?:\s*(?:-|–|/|\(|و)\s*(?P<wd2>{weekdays})\s*\)?|\s+(?P<wd3>{weekdays}))?"
                rf"(?:\s+{mod})?{_L1}"
            ), self._weekday),
            (re.compile(
                rf"{_L0}{first_ago}{_CL}(?P<ago>{ago})\s+(?:(?P<n>{num})\s+|(?P<few>{few})\s+)?(?P<unit>{units})"
                rf"(?:\s+(?:واحد|واحده))?(?:\s+(?P<few2>قليله|عده))?{_L1}"
            ), self._ago),
            (re.compile(
                rf"{_L0}{first_lead}{_CL}(?P<lead>{lead})\s+(?:ال)?(?:(?P<n>\d{{1,3}}|{num})\s+)?(?:ال)?(?P<unit>{units})"
                rf"\s+(?:ال)?(?:(?P<n2>\d{{1,3}})\s+)?(?P<tail>{tail}){_L1}"
            ), self._last_period),
            (re.compile(
                rf"{_L0}{first_period}{_CL}(?:(?P<part>{parts})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
                rf"(?P<unit>{_alt(d['week_words'])}|{shahr}){_L1}(?:\s+{mod})?{_L1}"
            ), self._period),
        ]

        # For each pattern, words one of which every match contains (None: no such check): a text without
        # any skips the pattern. The regex engine finds them fast (they start with a letter of a few), where
        # the pattern itself starts with optional words, and so is tried at every word of the text.
        self.needed: list[re.Pattern[str] | None] = [
            None, None, re.compile(months), re.compile(hmonths), re.compile(relday), re.compile(weekdays),
            re.compile(ago), re.compile(lead), re.compile(f"{_alt(d['week_words'])}|{shahr}"),
        ]

    # ---- handlers: (match, published) -> list of (start, end, date, end_date, precision, kind, relative)

    def _gregorian(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        m1 = self.greg[_key(m.group("m1"))]
        end = m.end()
        m2 = m.group("m2")
        if m2 is not None and self.greg[_key(m2)] != m1:
            end = m.end("m1")
            year = yrel = mod = None
        else:
            year, yrel, mod = m.group("y"), m.group("yrel"), m.group("mod")
        day_s, part, shahr = m.group("day"), m.group("part"), m.group("shahr")
        context = day_s or year or m2 or shahr or mod or yrel or part
        if _key(m.group("m1")) in self.greg_ambiguous and not context:
            return []  # آب، مارس، ماي alone are words
        day = self._day(day_s)
        day2 = self._day(m.group("day2"))
        y, relative = self._year_for_month(m1, day, year, yrel, mod, pub)
        return [self._month_result(m.start(), end, y, m1, day, day2, part, relative, "explicit")]

    def _year_for_month(self, month: int, day: int | None, year: str | None, yrel: str | None,
                        mod: str | None, pub: date | None) -> tuple[int | None, bool]:
        if year is not None:
            y = int(year)
            return (y if 1900 <= y <= 2100 else None), False
        if pub is None:
            return None, True
        if yrel is not None:
            delta = -1 if yrel in self.past else (1 if yrel in self.next else 0)
            return pub.year + delta, True
        if mod in self.past:  # the last such month (or day) before publication
            before = (month, day or 1) < (pub.month, 1 if day is None else pub.day)
            return (pub.year if before else pub.year - 1), True
        if mod in self.next:
            after = (month, day or 1) > (pub.month, 31 if day is None else pub.day)
            return (pub.year if after else pub.year + 1), True
        if mod in self.current:
            return pub.year, True
        return (pub.year if month <= pub.month else pub.year - 1), True

    def _month_result(self, start: int, end: int, y: int | None, month: int, day: int | None,
                      day2: int | None, part: str | None, relative: bool, kind: str) -> tuple:
        if y is None:
            return (start, end, None, None, None, kind, relative)
        last = calendar.monthrange(y, month)[1]
        if day is not None:
            if not 1 <= day <= last:
                return ()
            if day2 is not None and day < day2 <= last:
                return (start, end, date(y, month, day), date(y, month, day2), 2, kind, relative)
            return (start, end, date(y, month, day), date(y, month, day), 1, kind, relative)
        if part is not None:
            lo, hi = _PART_DAYS[self.parts[fold(part)]]
            return (start, end, date(y, month, lo), date(y, month, min(hi, last)), 2, kind, relative)
        return (start, end, date(y, month, 1), date(y, month, last), 3, "month", relative)

    def _day(self, s: str | None) -> int | None:
        if s is None:
            return None
        if s.isdecimal():
            return int(s)
        return self.ordinals.get(_key(s))

    def _hijri(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        hm = self.hijri[_key(m.group("hm"))]
        day_s, year_s, shahr, mod = m.group("day"), m.group("y"), m.group("shahr"), m.group("mod")
        part = m.group("part")
        day = self._day(day_s)
        if year_s is not None and not 1300 <= int(year_s) <= 1600:
            return []
        if _key(m.group("hm")) in self.hijri_ambiguous and not (day or year_s or shahr):
            return []  # صفر، رجب، رمضان alone are words and names
        try:
            if year_s is not None:
                hy = int(year_s)
            elif pub is None:
                return [(m.start(), m.end(), None, None, None, "hijri", True)]
            else:  # the most recent such Hijri date not after publication (before it with الماضي)
                ph = Gregorian(pub.year, pub.month, pub.day).to_hijri()
                key, now = (hm, day or 1), (ph.month, ph.day)
                recent = key < now if mod in self.past else key <= now
                hy = ph.year if recent else ph.year - 1
            if day is not None:
                lo = hi = day
                precision = 1
            elif part is not None:
                lo, hi = _PART_DAYS[self.parts[fold(part)]]
                precision = 2
            else:
                lo, hi = 1, 30
                precision = 3
            hi = min(hi, Hijri(hy, hm, 1).month_length())
            g1, g2 = Hijri(hy, hm, lo).to_gregorian(), Hijri(hy, hm, hi).to_gregorian()
        except (ValueError, OverflowError):
            return []  # no such day, or outside the Umm al-Qura table
        first, last = date(g1.year, g1.month, g1.day), date(g2.year, g2.month, g2.day)
        return [(m.start(), m.end(), first, last, precision, "hijri", year_s is None)]

    def _relative_day(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        rel = _key(m.group("rel"))
        offset = self.relday[rel]
        if rel in (fold("اليوم"),) and m.group("wd") is None and m.group("tod") is None:
            after = m.string[m.end(): m.end() + 20]
            if re.match(r"\s+" + _NOT_TODAY.pattern, after) or re.match(r"\s*(?:ال)?\d", after):
                return []
        if pub is None:
            return [(m.start(), m.end(), None, None, None, "relative_day", True)]
        ref = pub - timedelta(days=offset)
        if m.group("wd") is not None:
            ref = _on_or_before(ref, self.weekday[_key(m.group("wd"))])
        precision = self.relday_precision.get(rel, 1)
        last = ref + timedelta(days=precision - 1)
        return [(m.start(), m.end(), ref, last, precision, "relative_day", True)]

    def _weekday(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        wd = self.weekday[_key(m.group("wd"))]
        mod = m.group("mod")
        if pub is None:
            return [(m.start(), m.end(), None, None, None, "weekday", True)]
        if mod in self.next:
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = _on_or_before(pub, wd)
        return [(m.start(), m.end(), d, d, 1, "weekday", True)]

    def _count(self, n: str | None, few: str | None, unit_form: str) -> tuple[str, int, bool]:
        unit, number = self.units[fold(unit_form)]
        if n is not None:
            v = parse_number(n)
            return unit, (v if v is not None else 3), v is not None
        if few is not None:
            return unit, self.few.get(fold(few), 3), False
        return unit, {"singular": 1, "dual": 2, "plural": 3}[number], number != "plural"

    def _ago(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        unit, n, exact = self._count(m.group("n"), m.group("few") or m.group("few2"), m.group("unit"))
        after = m.string[m.end(): m.end() + 12]
        if re.match(r"\s+(?:من|علي)\s+(?!الان)", after):
            return [(m.start(), m.end(), None, None, None, "ago", False, ANCHORED)]
        if pub is None:
            return [(m.start(), m.end(), None, None, None, "ago", True)]
        return [(m.start(), m.end(), *_back(pub, unit, n, exact), "ago", True)]

    def _last_period(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        n_s = m.group("n") or m.group("n2")
        unit, n, exact = self._count(n_s, None, m.group("unit"))
        if pub is None:
            return [(m.start(), m.end(), None, None, None, "last_period", True)]
        if unit == "hour":
            days = max(1, -(-n // 24)) if exact else 1
            return [(m.start(), m.end(), pub - timedelta(days=days), pub, 2, "last_period", True)]
        if unit == "day":
            return [(m.start(), m.end(), pub - timedelta(days=n), pub, 2, "last_period", True)]
        if unit == "week" and n == 1:
            s = _week_start(pub, self.week_start) - timedelta(days=7)
            return [(m.start(), m.end(), s, s + timedelta(days=6), 2, "last_period", True)]
        if unit == "month" and n == 1:
            first = _add_months(pub.replace(day=1), -1)
            return [(m.start(), m.end(), first, _month_end(first), 3, "last_period", True)]
        return [(m.start(), m.end(), *_back(pub, unit, n, False), "last_period", True)]

    def _period(self, m: re.Match[str], pub: date | None) -> list[tuple]:
        mod, this, part = m.group("mod"), m.group("this"), m.group("part")
        if mod is None and this is None and part is None:
            return []
        if mod is not None and mod in (fold("هذا"), fold("هذه")) and this is None:
            return []
        unit = _key(m.group("unit"))
        if pub is None:
            return [(m.start(), m.end(), None, None, None, "period", True)]
        shift = -1 if mod in self.past else (1 if mod in self.next else 0)
        if unit in (fold("الاسبوع"), fold("اسبوع")):
            s = _week_start(pub, self.week_start) + timedelta(days=7 * shift)
            if part is not None:
                off = {"start": 0, "middle": 2, "end": 4}[self.parts[fold(part)]]
                s2 = s + timedelta(days=off)
                return [(m.start(), m.end(), s2, s2 + timedelta(days=2), 2, "period", True)]
            return [(m.start(), m.end(), s, s + timedelta(days=6), 2, "period", True)]
        first = _add_months(pub.replace(day=1), shift)
        return [
            self._month_result(m.start(), m.end(), first.year, first.month, None, None, part, True, "period")
        ]

    def find(self, folded: str, pub: date | None) -> list[_Hit]:
        out: list[_Hit] = []
        for (pattern, handler), needed in zip(self.patterns, self.needed, strict=True):
            if needed is not None and needed.search(folded) is None:
                continue  # the words every match of the pattern contains are not in the text
            for m in pattern.finditer(folded):
                try:
                    hits = [r for r in handler(m, pub) if r]
                except (OverflowError, ValueError):  # it would fall outside the calendar (years 1 to 9999)
                    continue
                out.extend(_Hit(*r) for r in hits)
        return out


class _Hit(NamedTuple):
    """A candidate in folded-text offsets; handlers return it as a plain tuple."""

    start: int
    end: int
    date: Day | None
    end_date: Day | None
    precision: int | None
    kind: str
    relative: bool
    role: str | None = None


_PART_DAYS = {"start": (1, 10), "middle": (11, 20), "end": (21, 31)}
_NOT_TODAY = re.compile(_alt(load_data("dates.json")["not_today_after"]) + _L1)


def _numeric_dmy(m: re.Match[str], pub: date | None = None) -> list[tuple]:
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not 1 <= mo <= 12 and 1 <= d <= 12:
        d, mo = mo, d  # month/day/year
    return [_valid(m, y, mo, d)]


def _numeric_ymd(m: re.Match[str], pub: date | None = None) -> list[tuple]:
    return [_valid(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))]


def _valid(m: re.Match[str], y: int, mo: int, d: int) -> tuple:
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        return ()
    day = date(y, mo, d)
    return (m.start(), m.end(), day, day, 1, "numeric", False)


def _on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _week_start(ref: date, start_weekday: int) -> date:
    return _on_or_before(ref, start_weekday)


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, mo = divmod(k, 12)
    return date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _back(pub: date, unit: str, n: int, exact: bool) -> tuple[date, date, int]:
    """(date, end_date, precision) for "n units before pub"."""
    if unit == "hour":
        return pub - timedelta(days=1), pub, 2
    if unit == "day":
        d = pub - timedelta(days=n)
        return (d, d, 1) if exact else (d, pub, 2)
    if unit == "week":
        d = pub - timedelta(days=7 * n)
        if exact:
            return d, d + timedelta(days=6), 2
        first = d.replace(day=1)
        return first, _month_end(first), 3
    months = n if unit == "month" else 12 * n
    first = _add_months(pub.replace(day=1), -months)
    return first, _month_end(first), 3


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


# --------------------------------------------------------------------------------------------- API


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``, in order of position.

    Overlapping candidates keep the longest; a weekday or relative day directly followed by an explicit
    date (الثلاثاء 7 يناير) becomes one mention dated by the explicit date.
    """
    folded = fold_with_map(text)
    raw = _grammar().find(folded.text, published)
    raw.sort(key=lambda r: (r.start - r.end, r.start))
    chosen: list[_Hit] = []
    for r in raw:
        if all(r.end <= c.start or c.end <= r.start for c in chosen):
            chosen.append(r)
    chosen.sort(key=lambda r: r.start)
    out = []
    for r in _merge_adjacent(chosen, folded.text):
        start, end = folded.span(r.start, r.end)
        role = r.role or _role(folded.text, r.start, r.kind)
        out.append(DateMention(
            start, end, text[start:end], r.date, r.end_date, r.precision, r.kind, r.relative, role
        ))
    return out


_JOIN = re.compile(r"[\s,،(\-–]*(?:الموافق\s*)?")


def _merge_adjacent(chosen: list[_Hit], folded: str) -> list[_Hit]:
    out: list[_Hit] = []
    for r in chosen:
        if (
            out and out[-1].kind in ("weekday", "relative_day") and r.kind in ("explicit", "numeric", "hijri")
            and r.precision == 1 and _JOIN.fullmatch(folded[out[-1].end: r.start])
        ):
            prev = out.pop()
            out.append(r._replace(start=prev.start))
            continue
        out.append(r)
    return out


_SINCE = re.compile(r"(?:^|[\s(])و?منذ\s+$")
_UNTIL = re.compile(r"(?:^|[\s(])و?(?:حتي|لغايه|الي)\s+$")


def _role(folded: str, start: int, kind: str) -> str:
    if kind == "ago":
        return POINT  # منذ يومين is "two days ago"
    before = folded[max(0, start - 12): start]
    if _SINCE.search(before):
        return SINCE
    if _UNTIL.search(before):
        return UNTIL
    return POINT


def resolve_date(expression: str, published: date | None) -> DateMention | None:
    """The first date expression in ``expression`` (a convenience for single expressions)."""
    found = find_dates(expression, published)
    return found[0] if found else None


def event_date(
    text: str, published: date | None, span: tuple[int, int] | None = None, frame_days: int = 7,
    mentions: list[DateMention] | None = None,
) -> EventDate:
    """The date of the event stated in ``text[span]`` (the whole of ``text`` if ``span`` is None).

    1. The most specific resolved date expression in the sentence (lowest ``time_precision``; the first of
       equals), leaving out منذ/حتى expressions and ones counted from another event.
    2. Else the article's frame: the nearest expression before the sentence that dates a day or a few days
       within ``frame_days`` before publication (background months and older dates are not inherited), with
       precision at least 2 (the day is known only from the frame, as in the dev set's convention).
    3. Else the publication date with precision 2; without one, nothing (codebook §6).

    ``mentions`` may pass ``find_dates(text, published)`` computed once for a whole article.
    """
    start, end = span if span is not None else (0, len(text))
    found = find_dates(text, published) if mentions is None else mentions
    mentions = [m for m in found if m.date is not None and m.role == POINT]
    inside = [m for m in mentions if start <= m.start < end]
    if inside:
        best = min(inside, key=lambda m: (m.time_precision, m.start))
        return EventDate(best.date, best.time_precision, "sentence", best)
    before = [
        m for m in mentions
        if m.end <= start and m.time_precision is not None and m.time_precision <= 2
        and published is not None and m.date is not None and 0 <= (published - m.date).days <= frame_days
    ]
    if before:
        m = before[-1]
        return EventDate(m.date, max(2, m.time_precision or 2), "context", m)
    if published is not None:
        return EventDate(published, 2, "published", None)
    return EventDate(None, None, "none", None)
