"""Evaluate actor finding and role assignment on the hand-coded dev articles.

For every gold event of ``shared/eval/events/articles_dev.jsonl`` this restores the gold evidence
(:func:`kashif.restore`), picks a trigger in it (the first word from a small list of event words below; the
extractor will use its own trigger finder), runs :func:`kashif.extract.actors.find_actors` and
:func:`kashif.extract.actors.assign_roles` with the event's country, and reports the share of exact
``actor1``, ``actor2`` and ``actor1_attributed``:

- ``evidence``: the evidence alone, no event type;
- ``evidence+type``: the evidence alone, with the gold event type and sub-type (which turns on the
  codebook's defaults for an event with no named doer: Unidentified Armed Group, Protesters ...);
- ``sentence+type``: the sentence around the evidence (end marks . ! ? ؟ and newlines), same trigger.

With ``--kashif-triggers`` a fourth mode, ``sentence+triggers``, takes the trigger from
:func:`kashif.extract.triggers.find_triggers` instead (the first one inside the evidence with the gold event
type, else the first one inside the evidence), as the extractor does.

It also prints ``actor1 named``: the share of events whose gold actor1 (or, for an attributed event, whose
attributed actor) is among the mentions found in the evidence. That is a ceiling for any sentence-level
role assignment: the rest name their actor only elsewhere in the article.

Usage: ``.venv/bin/python benchmarks/eval_actors.py [path/to/articles_dev.jsonl] [--errors[=MODE]]
[--kashif-triggers]``
(``--errors`` lists the events a mode gets wrong; MODE defaults to ``evidence+type``.)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import kashif
from kashif.extract.actors import assign_roles, find_actors
from kashif.extract.folding import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_dates_numbers import sentence_around

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "articles_dev.jsonl"
_WORD = re.compile(r"[\u0621-\u064a]+")
# Stems of event words (folded). A word counts when, clitics (و ف ب ل ال) removed, it starts with one.
_TRIGGER_STEMS = tuple(fold(w) for w in (
    "قصف غار غارة هجوم هجم هاجم شن اشتب مواجه معارك معركة استهدف قتل مقتل تفجير انفجار فجر خطف اختطف "
    "اعتقل اعتقال سيطر استعاد استعادة تحرير حصار محاصرة حاصر تطويق اخلاء عزز تعزيزات استنفر هدد توعد "
    "مظاهر تظاهر احتج اعتصام عصيان اقتحم اقتحام نهب ابطل هدنة سمح عملية تقدم صد دمر اطلق استولى "
    "اعتداء الاعتداء الهجوم مجزرة كمين محاربة طرد زحف تزحف يزحف سقط لقي").split())
_CLITIC = re.compile("^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")


def find_trigger(text: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """Span of the first event word in ``text[lo:hi]``."""
    for m in _WORD.finditer(text, lo, len(text) if hi is None else hi):
        word = fold(m.group())
        for cut in {0, len(_CLITIC.match(word).group())}:
            if any(word[cut:].startswith(s) for s in _TRIGGER_STEMS):
                return m.start(), m.end()
    return None


def main(argv: list[str]) -> int:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = next((a.split("=", 1)[1] if "=" in a else "evidence+type" for a in argv if a.startswith("--errors")), None)
    modes: tuple[str, ...] = ("evidence", "evidence+type", "sentence+type")
    kashif_triggers = None
    if "--kashif-triggers" in argv:
        from kashif.extract.triggers import find_triggers as kashif_triggers
        modes += ("sentence+triggers",)
    counts: dict[str, Counter[str]] = {m: Counter() for m in modes}
    named = 0
    total = 0
    errors: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        text = art["text"]
        for k, ev in enumerate(art["events"]):
            total += 1
            country = ev["country"]
            gold = (ev["actor1"], ev["actor2"], ev.get("actor1_attributed") or "")
            evidence = kashif.restore(ev["evidence"]).text
            start = text.find(ev["evidence"])
            s, e = sentence_around(text, start, start + len(ev["evidence"]))
            sentence = kashif.restore(text[s:e]).text
            ev_at = sentence.find(evidence)
            mentions = find_actors(evidence, country)
            wanted = gold[2] or gold[0]
            named += any(m.canonical == wanted for m in mentions)
            trig = find_trigger(evidence)
            runs = {
                "evidence": assign_roles(evidence, trig, mentions, country),
                "evidence+type": assign_roles(evidence, trig, mentions, country, ev["event_type"],
                                              ev["sub_event_type"]),
            }
            if ev_at >= 0:
                strig = find_trigger(sentence, ev_at, ev_at + len(evidence))
            else:  # restoration joined something across the evidence's edge: use the sentence's first event word
                strig = find_trigger(sentence)
            smentions = find_actors(sentence, country)
            runs["sentence+type"] = assign_roles(sentence, strig, smentions, country,
                                                 ev["event_type"], ev["sub_event_type"])
            if kashif_triggers is not None:
                lo, hi = (ev_at, ev_at + len(evidence)) if ev_at >= 0 else (0, len(sentence))
                inside = [t for t in kashif_triggers(sentence) if lo <= t.start < hi]
                best = next((t for t in inside if t.event_type == ev["event_type"]), inside[0] if inside else None)
                ktrig = (best.start, best.end) if best else strig
                runs["sentence+triggers"] = assign_roles(sentence, ktrig, smentions, country,
                                                         ev["event_type"], ev["sub_event_type"])
            for mode, r in runs.items():
                got = (r.actor1, r.actor2, r.actor1_attributed)
                for name, g, o in zip(("actor1", "actor2", "attributed"), gold, got, strict=True):
                    counts[mode][name] += g == o
                counts[mode]["all three"] += gold == got
            if show in runs:
                r = runs[show]
                got = (r.actor1, r.actor2, r.actor1_attributed)
                shown, t = (sentence, strig) if show.startswith("sentence") else (evidence, trig)
                if got != gold:
                    tw = shown[t[0]:t[1]] if t else "-"
                    errors.append(f"{art['id']}[{k}] trigger={tw} gold={gold} got={got}\n    {shown}\n    mentions="
                                  f"{[(m.canonical, m.text) for m in find_actors(shown, country)]}")
    print(f"{total} gold events in {path.name}")
    print(f"{'mode':<18} {'actor1':>8} {'actor2':>8} {'attributed':>11} {'all three':>10}")
    for mode in modes:
        c = counts[mode]
        print(f"{mode:<18} " + " ".join(f"{100 * c[n] / total:>{w}.1f}%" for n, w in
                                         (("actor1", 7), ("actor2", 7), ("attributed", 10), ("all three", 9))))
    print(f"actor1 named in the evidence: {100 * named / total:.1f}% ({named}/{total})")
    if show:
        print(f"\nerrors ({show}):")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
