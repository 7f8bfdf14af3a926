"""Compare kashif's date resolver with ``dateparser`` on Arabic date expressions.

``dateparser`` is not a dependency: install it in a throw-away environment to run its half, e.g.
``python -m venv /tmp/dp && /tmp/dp/bin/pip install dateparser -e .`` then ``/tmp/dp/bin/python
benchmarks/dateparser_comparison.py``. Without it only kashif is measured.

Each case is counted right when the day matches (for a month-only expression, when the month matches).
The expected values follow codebook §6 and the dev set's conventions (a week is the Sunday starting it).
"""

from __future__ import annotations

import datetime as dt

from kashif.extract.dates import resolve_date

PUBLISHED = dt.date(2020, 1, 7)  # a Tuesday
CASES = [
    ("أمس", "2020-01-06"), ("البارحة", "2020-01-06"), ("اليوم", "2020-01-07"),
    ("فجر اليوم", "2020-01-07"), ("مساء أمس", "2020-01-06"), ("أول أمس", "2020-01-05"),
    ("قبل يومين", "2020-01-05"), ("قبل ثلاثة أيام", "2020-01-04"), ("منذ يومين", "2020-01-05"),
    ("قبل أسبوع", "2019-12-31"), ("الأسبوع الماضي", "2019-12-29"), ("الشهر الماضي", "2019-12"),
    ("يوم الثلاثاء", "2020-01-07"), ("الأحد الماضي", "2020-01-05"),
    ("5 كانون الثاني 2020", "2020-01-05"), ("5 يناير 2020", "2020-01-05"), ("٥ يناير ٢٠٢٠", "2020-01-05"),
    ("2020/1/5", "2020-01-05"), ("05-01-2020", "2020-01-05"), ("تشرين الثاني نوفمبر الماضي", "2019-11"),
    ("3 جانفي 2020", "2020-01-03"), ("12 جمادى الأولى 1441هـ", "2020-01-07"),
    ("منتصف الشهر الماضي", "2019-12-11"), ("20 ديسمبر", "2019-12-20"),
]


def _hit(got: str | None, want: str) -> bool:
    return got is not None and (got == want or (len(want) == 7 and got.startswith(want)))


def main() -> int:
    try:
        import dateparser
    except ImportError:
        dateparser = None
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(PUBLISHED, dt.time(12)),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }
    ours = theirs = 0
    for expr, want in CASES:
        m = resolve_date(expr, PUBLISHED)
        got = m.date.isoformat() if m and m.date else None
        ours += _hit(got, want)
        line = f"{expr:30} want {want:10}  kashif {got!s:10} p={m.time_precision if m else None}"
        if dateparser is not None:
            parsed = dateparser.parse(expr, languages=["ar"], settings=settings)
            dp = parsed.date().isoformat() if parsed else None
            theirs += _hit(dp, want)
            line += f"  dateparser {dp}"
        print(line)
    print(f"kashif: {ours}/{len(CASES)}")
    if dateparser is not None:
        print(f"dateparser {dateparser.__version__}: {theirs}/{len(CASES)} (and no time_precision)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
