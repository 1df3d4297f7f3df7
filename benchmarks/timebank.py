"""Dates on TimeBank and AQUAINT (TBAQ-cleaned, the TempEval-3 training data),
scored the TempEval-3 way, with HeidelTime's published TE3 figures beside.

Every ``.tml`` file is read with claimex's TimeML import (the TEXT content is
the document; the creation time is the publication date), run through
claimex (only the date extractor and resolver run: no other stage changes a
date) and scored against its TIMEX3 gold:

* strict span F1 (same start and end) and relaxed span F1 (overlapping
  spans, paired one to one, largest overlap first);
* type and value accuracy over the relaxed pairs, and value F1 = relaxed F1
  x value accuracy (TempEval-3's attribute F1).

Before scoring, claimex's deliberate differences from TimeML (documented in
docs/annotation.md, section 4.7) are applied to its output: an
event-anchored date ("two weeks after the summit") is compared by its
offset words ("two weeks after"), since TimeML leaves the event outside the
TIMEX3; the DCT is not part of the text and is not scored.

Development honesty: the documents are split by a fixed hash of their name
into ``dev`` (four in five) and ``check`` (one in five). Rules were
developed looking at ``dev`` errors only; ``check`` is the held-out figure.

    python benchmarks/timebank.py [--data DIR] [--split all|dev|check] [--errors N] [--json]

``--data`` (or the environment variable ``CLAIMEX_TBAQ``) is the folder
that holds ``TimeBank/`` and ``AQUAINT/``; the benchmark skips with a
message when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.evaluate.matching import Item, match
from claimex.extract.dates import find_dates
from claimex.formats.timeml import read_timeml
from claimex.stages import Input, Pipeline

DEFAULT_DATA = "/work/data/tbaq/data/TempEval3/Training/TBAQ-cleaned"
CORPORA = ("TimeBank", "AQUAINT")
# HeidelTime on the TempEval-3 evaluation set (UzZaman et al. 2013, table of task A results)
HEIDELTIME = {"strict": 81.34, "relaxed": 90.30, "type": None, "value": 77.61}


def split_of(name: str) -> str:
    """'check' for one document in five (a fixed hash of its name), else 'dev'."""
    return "check" if int(hashlib.md5(name.encode()).hexdigest(), 16) % 5 == 0 else "dev"


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k in ("gold", "pred", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors += other.errors

    def figures(self) -> dict[str, float]:
        def f1(hits: int) -> float:
            p = hits / self.pred if self.pred else 0.0
            r = hits / self.gold if self.gold else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0

        relaxed = f1(self.relaxed)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict": 100 * f1(self.strict), "relaxed": 100 * relaxed,
            "relaxed_p": 100 * (self.relaxed / self.pred if self.pred else 0.0),
            "relaxed_r": 100 * (self.relaxed / self.gold if self.gold else 0.0),
            "type": 100 * type_acc, "value_acc": 100 * value_acc, "value": 100 * relaxed * value_acc,
        }  # fmt: skip


def as_timeml(rec: dict, text: str, assets) -> dict:
    """A claimex date record as TimeML would annotate it: the deliberate
    differences of docs/annotation.md (section 4.7) undone."""
    rec = dict(rec)
    if rec.get("rule") == "date/event_offset":
        # the event phrase stays outside a TIMEX3: "[the day] after the vote"
        pat = next(p for p in assets.patterns("dates") if p.name == "event_offset")
        m = pat.regex.match(text, rec["start"])
        if m is not None:
            rec["end"] = m.start("dir")
            while rec["end"] > rec["start"] and text[rec["end"] - 1].isspace():
                rec["end"] -= 1
    rec["value"] = rec["value"].removeprefix("FY")  # TimeML data write a fiscal year as the calendar year it is named by
    return rec


_WEEK = re.compile(r"-W(\d)(?!\d)")
_HOUR = re.compile(r"T(\d\d)$")
_DECADE = re.compile(r"^(\d{3})X$")


def canonical(value: str) -> str:
    """One spelling per value: ISO weeks with two digits, hours with
    minutes, a decade as its three digits (TIMEX2's "198X" is TIMEX3's "198")."""
    return _DECADE.sub(r"\1", _HOUR.sub(r"T\1:00", _WEEK.sub(r"-W0\1", value)))


def score_doc(name: str, text: str, gold: list[dict], pred: list[dict], assets) -> Tally:
    g_items = [Item(r["start"], r["end"], r["timex_type"], r, name) for r in gold]
    p_items = []
    for r in pred:
        r = as_timeml(r, text, assets)
        p_items.append(Item(r["start"], r["end"], r["timex_type"], r, name))
    t = Tally(gold=len(g_items), pred=len(p_items))
    pairs = match(g_items, p_items)
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    for i, j in pairs:
        g, p = g_items[i], p_items[j]
        t.relaxed += 1
        t.strict += g.start == p.start and g.end == p.end
        t.type_ok += g.record["timex_type"] == p.record["timex_type"]
        ok = canonical(g.record["value"]) == canonical(p.record["value"])
        t.value_ok += ok
        if not ok or g.record["timex_type"] != p.record["timex_type"]:
            t.errors.append(("value", name, g.record, p.record))
        elif g.start != p.start or g.end != p.end:
            t.errors.append(("span", name, g.record, p.record))
    t.errors += [("missed", name, g_items[i].record, None) for i in range(len(g_items)) if i not in paired_g]
    t.errors += [("spurious", name, None, p_items[j].record) for j in range(len(p_items)) if j not in paired_p]
    return t


def load(data: Path, split: str) -> list[tuple[str, str, object]]:
    """(corpus, name, GoldFile) for every document of the split."""
    out = []
    for corpus in CORPORA:
        for f in sorted((data / corpus).glob("*.tml")):
            if split != "all" and split_of(f.stem) != split:
                continue
            out.append((corpus, f.stem, read_timeml(f)))
    return out


def run(data: Path, split: str, model: str | None = None) -> tuple[dict[str, Tally], dict]:
    docs = load(data, split)
    pipeline = Pipeline(model)
    pipeline.extractors = {"date": find_dates}
    inputs = [Input(f"{name}.txt", text=gf.text, doc_id=name, published=gf.lines[0].record.get("published")) for _, name, gf in docs]
    tallies = {c: Tally() for c in CORPORA}
    texts = {}
    for (corpus, name, gf), out in zip(docs, pipeline.process(inputs)):
        if not out.ok:
            raise SystemExit(f"timebank: {name}: {out.error}")
        gold = [ln.record for ln in gf.lines[1:]]
        pred = [r for r in out.records if r["type"] == "date"]
        tallies[corpus].add(score_doc(name, gf.text, gold, pred, pipeline.assets))
        texts[name] = gf.text
    return tallies, texts


def _context(text: str, rec: dict, width: int = 60) -> str:
    s, e = rec["start"], rec["end"]
    left = text[max(0, s - width) : s].replace("\n", " ")
    right = text[e : e + width].replace("\n", " ")
    return f"...{left}[{text[s:e]}]{right}..."


def print_errors(tallies: dict[str, Tally], texts: dict, n: int) -> None:
    errs = [e for t in tallies.values() for e in t.errors]
    print(f"\nerrors: {Counter(e[0] for e in errs)}")
    for kind, name, g, p in errs[:n]:
        rec = g or p
        gs = f"{g['timex_type']} {g['value']}" if g else "-"
        ps = f"{p['timex_type']} {p['value']} ({p.get('rule')})" if p else "-"
        print(f"{kind:8} {name}: gold {gs!s:28} pred {ps!s:40} {_context(texts[name], rec)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("CLAIMEX_TBAQ", DEFAULT_DATA)), help="folder with TimeBank/ and AQUAINT/")
    ap.add_argument("--split", choices=("all", "dev", "check"), default="all", help="documents to run (default all)")
    ap.add_argument("--model", default=None, help="spaCy model (default from models/pipeline.toml)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not all((args.data / c).is_dir() for c in CORPORA):
        print(f"timebank: skipped: no TimeBank/ and AQUAINT/ under {args.data} (set --data or CLAIMEX_TBAQ)")
        return 0
    tallies, texts = run(args.data, args.split, args.model)
    total = Tally()
    for t in tallies.values():
        total.add(t)
    rows = {**{c: tallies[c] for c in CORPORA}, "TBAQ": total}
    if args.json:
        print(json.dumps({k: {"gold": t.gold, "pred": t.pred, **{f: round(v, 2) for f, v in t.figures().items()}} for k, t in rows.items()}, indent=1))
    else:
        print(f"split: {args.split}   (TempEval-3 figures, %)")
        print(f"{'':12} {'gold':>5} {'pred':>5} {'strict':>7} {'relaxed':>8} {'P':>6} {'R':>6} {'type':>6} {'val.acc':>8} {'value F1':>9}")
        for k, t in rows.items():
            f = t.figures()
            print(f"{k:12} {t.gold:5} {t.pred:5} {f['strict']:7.2f} {f['relaxed']:8.2f} {f['relaxed_p']:6.2f} {f['relaxed_r']:6.2f} {f['type']:6.2f} {f['value_acc']:8.2f} {f['value']:9.2f}")
        h = HEIDELTIME
        print(f"{'HeidelTime':12} {'':5} {'':5} {h['strict']:7.2f} {h['relaxed']:8.2f} {'':6} {'':6} {'':6} {'':8} {h['value']:9.2f}   (published TE3 figures, TE3 test set)")
    if args.errors:
        print_errors(tallies, texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
