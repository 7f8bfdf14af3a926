"""Evaluate the date resolver and the fatality counter on the hand-coded dev articles.

For every gold event of ``shared/eval/events/articles_dev.jsonl`` this runs
:func:`kashif.extract.dates.event_date` and :func:`kashif.extract.numbers.count_fatalities` on the gold
evidence and reports the share of exact ``event_date``, ``time_precision`` and ``fatalities``:

- ``evidence``: the gold evidence span alone (no context, publication date as fallback);
- ``sentence``: the sentence around the evidence, with the article before it as context (how the extractor
  calls it).

Usage: ``.venv/bin/python benchmarks/eval_dates_numbers.py [path/to/articles_dev.jsonl] [--errors]``
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from kashif.extract.dates import event_date
from kashif.extract.numbers import count_fatalities

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "articles_dev.jsonl"
_END = re.compile(r"[.!?؟\n]")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: from the last end mark before it to the next one after."""
    s = start
    while s > 0 and not _END.match(text[s - 1]):
        s -= 1
    m = _END.search(text, end)
    return s, (m.end() if m else len(text))


def main(argv: list[str]) -> int:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show_errors = "--errors" in argv
    counts: Counter[str] = Counter()
    total = 0
    errors: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        text = art["text"]
        pub = date.fromisoformat(art["published"]) if art.get("published") else None
        for k, ev in enumerate(art["events"]):
            total += 1
            evidence = ev["evidence"]
            start = text.find(evidence)
            gold_date, gold_prec, gold_fat = ev["event_date"], ev["time_precision"], ev["fatalities"]
            s, e = sentence_around(text, start, start + len(evidence))
            runs = {
                "evidence": (event_date(evidence, pub), count_fatalities(evidence)),
                "sentence": (event_date(text, pub, (s, e)), count_fatalities(text[s:e])),
            }
            for mode, (ed, fat) in runs.items():
                got_date = ed.date.isoformat() if ed.date else None
                ok_date = got_date == gold_date
                ok_prec = ed.time_precision == gold_prec
                ok_prec1 = ed.time_precision is not None and abs(ed.time_precision - gold_prec) <= 1
                ok_fat = fat.count == gold_fat
                counts[f"{mode}:date"] += ok_date
                counts[f"{mode}:prec"] += ok_prec
                counts[f"{mode}:prec±1"] += ok_prec1
                counts[f"{mode}:date+prec"] += ok_date and ok_prec
                counts[f"{mode}:fat"] += ok_fat
                counts[f"{mode}:fat_zero_gold"] += gold_fat == 0
                counts[f"{mode}:fat_nonzero_ok"] += ok_fat and gold_fat > 0
                if show_errors and mode == "sentence" and not (ok_date and ok_prec and ok_fat):
                    used = ed.mention.text if ed.mention else "-"
                    errors.append(
                        f"{art['id']}[{k}] date {got_date}/{ed.time_precision} ({ed.source}: {used}) "
                        f"gold {gold_date}/{gold_prec} | fat {fat.count} gold {gold_fat} | {evidence[:90]}"
                    )
    nonzero = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                  for ev in json.loads(line)["events"] if ev["fatalities"] > 0)
    print(f"{total} gold events ({nonzero} with fatalities > 0)")
    print(f"{'mode':10} {'date':>7} {'prec':>7} {'prec±1':>7} {'both':>7} {'fatal':>7} {'fatal>0':>8}")
    for mode in ("evidence", "sentence"):
        def pct(key: str, n: int = total, mode: str = mode) -> str:
            return f"{100 * counts[f'{mode}:{key}'] / n:6.1f}%"
        print(f"{mode:10} {pct('date')} {pct('prec')} {pct('prec±1')} {pct('date+prec')} {pct('fat')} "
              f"{pct('fat_nonzero_ok', nonzero):>8}")
    if show_errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
