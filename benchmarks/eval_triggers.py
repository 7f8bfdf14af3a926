"""Measure the trigger, report and modality rules on the dev sets (measurement only: nothing is fitted).

Three measurements, all on ``shared/eval/events/``:

1. ``gsr_assault_dev.jsonl`` (sentences labelled yes / easy no / difficult no / ambiguous for an assault
   event): the share of sentences in which some trigger of Battles, Explosions/Remote violence or Violence
   against civilians is an event report (:func:`is_event_report`) with modality ``occurred``. Targets:
   ``yes`` ≥ 85%, ``easy no`` ≤ 5%.
2. ``gsr_protest_dev.jsonl``: the same with a Protests trigger. Targets: ``yes`` ≥ 80%, ``easy no`` ≤ 8%.
   Also reported without target: Protests or Riots (ACLED codes burning tyres or stone-throwing by
   demonstrators as a Violent demonstration).
3. Both again on the texts obfuscated by ``kashif.restore.obfuscate.obfuscate(text, rate, seed)`` and
   restored by :func:`kashif.restore`; target: within 2 points of the clean figure.
4. ``articles_dev.jsonl``: for each gold event, whether a trigger of the gold type, of the gold type and
   sub-type, and of the gold type, sub-type and modality is found in the gold ``evidence`` (restored), and
   whether it is found among the triggers of the evidence's sentence(s) in the restored article that
   overlap the evidence (modality then judged in the whole sentence).

Each gsr text is split by :func:`split_sentences` and each sentence read on its own.

Usage::

    .venv/bin/python benchmarks/eval_triggers.py [--shared PATH] [--rate 0.3] [--seeds 3] [--show N]

``--show N`` prints up to N misses and false hits of each kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import kashif
from kashif.extract.modality import assess
from kashif.extract.sentences import split_sentences
from kashif.extract.triggers import Trigger, find_triggers
from kashif.restore.obfuscate import obfuscate

SHARED = Path(__file__).resolve().parents[2] / "shared"
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
LABELS = ("yes", "easy no", "difficult no", "ambiguous")


def occurred_reports(text: str) -> list[Trigger]:
    """The triggers of ``text`` that report an event that occurred."""
    out = []
    for s in split_sentences(text):
        for t in find_triggers(s.text):
            a = assess(s.text, t)
            if a.report and a.modality == "occurred":
                out.append(t)
    return out


def gsr(path: Path, types: set[str], texts: list[str] | None = None) -> tuple[dict[str, list[bool]], list]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    hits: dict[str, list[bool]] = defaultdict(list)
    detail = []
    for i, row in enumerate(rows):
        text = texts[i] if texts is not None else row["text"]
        found = [t for t in occurred_reports(text) if t.event_type in types]
        hits[row["label"]].append(bool(found))
        detail.append((row["label"], text, found))
    return hits, detail


def share(xs: list[bool]) -> float:
    return 100.0 * sum(xs) / len(xs) if xs else float("nan")


def obfuscated_texts(path: Path, rate: float, seed: int) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    out = []
    for i, row in enumerate(rows):
        obf, _ = obfuscate(row["text"], rate=rate, seed=seed * 100_003 + i)
        out.append(kashif.restore(obf).text)
    return out


def articles(path: Path, show: int) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    modes = ("evidence", "sentence")
    c: dict[str, Counter[str]] = {m: Counter() for m in modes}
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_mod: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    total = 0
    for art in rows:
        restored = kashif.restore(art["text"]).text
        sentences = split_sentences(restored)
        for ev in art["events"]:
            total += 1
            gold = (ev["event_type"], ev["sub_event_type"], ev["modality"])
            ev_text = kashif.restore(ev["evidence"]).text
            runs: dict[str, list[tuple[Trigger, str]]] = {}
            runs["evidence"] = [(t, assess(ev_text, t).modality) for t in find_triggers(ev_text)
                                if assess(ev_text, t).report]
            pos = restored.find(ev_text)
            if pos < 0:
                runs["sentence"] = runs["evidence"]
            else:
                end = pos + len(ev_text)
                found = []
                for s in sentences:
                    if s.end <= pos or s.start >= end:
                        continue
                    for t in find_triggers(s.text):
                        ts, te = t.start + s.start, t.end + s.start
                        if te > pos and ts < end:
                            a = assess(s.text, t)
                            if a.report:
                                found.append((t, a.modality))
                runs["sentence"] = found
            for mode in modes:
                got = runs[mode]
                ok_type = any(t.event_type == gold[0] for t, _ in got)
                ok_sub = any(t.type == gold[:2] for t, _ in got)
                ok_all = any(t.type == gold[:2] and m == gold[2] for t, m in got)
                c[mode]["type"] += ok_type
                c[mode]["sub"] += ok_sub
                c[mode]["all"] += ok_all
                if mode == "sentence":
                    by_type[gold[0]]["n"] += 1
                    by_type[gold[0]]["sub"] += ok_sub
                    by_type[gold[0]]["all"] += ok_all
                    by_mod[gold[2]]["n"] += 1
                    by_mod[gold[2]]["all"] += ok_all
                    if not ok_all:
                        have = "; ".join(f"{t.text}={t.event_type}/{t.sub_event_type}/{m}" for t, m in got) or "-"
                        misses.append(f"{art['id']} {'/'.join(gold)}\n      {ev_text[:160]}\n      got: {have}")
    print(f"\n== articles_dev.jsonl: {total} gold events; a trigger found that is a report and matches")
    print(f"{'':10}{'type':>8}{'+sub-type':>11}{'+modality':>11}")
    for mode in modes:
        print(f"{mode:10}" + "".join(f"{100 * c[mode][k] / total:10.1f}%" for k in ("type", "sub", "all")))
    print("\n  sentence mode, by gold type (sub-type / +modality):")
    for t, cc in sorted(by_type.items()):
        print(f"    {t:30} n={cc['n']:3}  {100 * cc['sub'] / cc['n']:5.1f}%  {100 * cc['all'] / cc['n']:5.1f}%")
    print("  sentence mode, by gold modality (type+sub-type+modality):")
    for m, cc in sorted(by_mod.items()):
        print(f"    {m:12} n={cc['n']:3}  {100 * cc['all'] / cc['n']:5.1f}%")
    for line in misses[:show]:
        print("  MISS", line)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    ev = args.shared / "eval" / "events"
    t0 = time.perf_counter()
    sets = [
        ("assault", ev / "gsr_assault_dev.jsonl", VIOLENT, 85.0, 5.0),
        ("protest", ev / "gsr_protest_dev.jsonl", {"Protests"}, 80.0, 8.0),
        ("protest+riot", ev / "gsr_protest_dev.jsonl", {"Protests", "Riots"}, None, None),
    ]
    summary = []
    for name, path, types, yes_target, no_target in sets:
        clean, detail = gsr(path, types)
        obf_runs = [gsr(path, types, obfuscated_texts(path, args.rate, seed))[0] for seed in range(args.seeds)]
        print(f"\n== {path.name} ({name}: {', '.join(sorted(types))}): share of sentences with an occurred report")
        print(f"{'label':14}{'n':>6}{'clean':>9}{'obfuscated':>12}{'diff':>8}")
        for label in LABELS:
            n = len(clean[label])
            cs = share(clean[label])
            os_ = sum(share(r[label]) for r in obf_runs) / len(obf_runs) if obf_runs else float("nan")
            print(f"{label:14}{n:6}{cs:8.1f}%{os_:11.1f}%{os_ - cs:+8.1f}")
            if label == "yes" and yes_target is not None:
                summary.append((f"{name} yes", cs, f">= {yes_target}", cs >= yes_target))
                if obf_runs:
                    summary.append((f"{name} yes obfuscated", os_, "within 2 pts", abs(os_ - cs) <= 2))
            if label == "easy no" and no_target is not None:
                summary.append((f"{name} easy no", cs, f"<= {no_target}", cs <= no_target))
                if obf_runs:
                    summary.append((f"{name} easy no obfuscated", os_, "within 2 pts", abs(os_ - cs) <= 2))
        if args.show:
            shown = Counter()
            for label, text, found in detail:
                if label == "yes" and not found and shown["miss"] < args.show:
                    shown["miss"] += 1
                    print("  MISS   ", text[:220])
                if label == "easy no" and found and shown["fp"] < args.show:
                    shown["fp"] += 1
                    print("  FALSE  ", text[:220], "\n          ->", [(t.text, t.sub_event_type) for t in found])
    articles(ev / "articles_dev.jsonl", args.show)
    print(f"\n== summary (obfuscation rate {args.rate}, {args.seeds} seeds; {time.perf_counter() - t0:.1f} s)")
    for name, value, target, ok in summary:
        print(f"  {name:28}{value:7.1f}%   target {target:14} {'PASS' if ok else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
