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

claimex's deliberate differences from TimeML (docs/annotation.md, section
4.7) are handled two ways, and both sets of figures are printed:

* always, claimex's output is brought to TimeML's span and spelling where
  that loses nothing: an event-anchored date ("the day after the summit") is
  compared by its offset words ("the day"), since TimeML leaves the event
  outside the TIMEX3; "FY" is dropped; both sides get one spelling per value
  (``canonical``). These are the figures **as annotated**.
* **converted**: the gold items that follow a convention claimex deliberately
  does not are first rewritten into claimex's convention (``CONVERSIONS``:
  "a year earlier" as one DATE becomes the duration "a year"; "Friday night"
  with the day's value gets the part of the day; "recent years" as a duration
  becomes PAST_REF; a gold value with X digits is compared on the digits it
  gives). The number of gold items each conversion changed is printed.

The DCT is not part of the text and is not scored. ``--kinds`` prints the
value errors by kind (``ERROR_KINDS``), converted and as annotated.

Development honesty: the documents are split by a fixed hash of their name
into ``dev`` (four in five) and ``check`` (one in five). Rules were
developed looking at ``dev`` errors only; ``check`` is the held-out figure.

    python benchmarks/timebank.py [--data DIR] [--split all|dev|check] [--errors N] [--kinds] [--json]

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
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.evaluate.matching import Item, match
from claimex.extractors.dates import find_dates
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
    converted: Counter = field(default_factory=Counter)  # conversion name -> gold items it changed

    def add(self, other: Tally) -> None:
        for k in ("gold", "pred", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors += other.errors
        self.converted += other.converted

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


_LONG_UNIT = re.compile(r"^P(\d+|X)(Q|E|DE|C|CE|L|ML)$")
_LONG_UNITS = {"Q": (3, "M", "Q"), "E": (10, "Y", "DE"), "DE": (10, "Y", "DE"), "C": (100, "Y", "CE"), "CE": (100, "Y", "CE"), "L": (1000, "Y", "ML"), "ML": (1000, "Y", "ML")}


def _long_unit(m: re.Match) -> str:
    k, unit, vague = _LONG_UNITS[m.group(2)]
    return f"PX{vague}" if m.group(1) == "X" else f"P{k * int(m.group(1))}{unit}"


def canonical(value: str) -> str:
    """One spelling per value: ISO weeks with two digits, hours with
    minutes, a decade as its three digits (TIMEX2's "198X" is TIMEX3's "198"),
    quarters, decades, centuries and millennia of a duration in months and
    years ("P1Q" is "P3M", "P1E" and "P1DE" are "P10Y"; "PXC" is "PXCE")."""
    value = _LONG_UNIT.sub(_long_unit, value)
    return _DECADE.sub(r"\1", _HOUR.sub(r"T\1:00", _WEEK.sub(r"-W0\1", value)))


_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_CAL = re.compile(r"^(\d{2,4})(?:-(?:(\d\d)|W(\d\d)|Q(\d)|H(\d)|(SP|SU|FA|WI))(?:-(\d\d))?)?(?:T(.*))?$")


def _interval(value: str) -> tuple[date, date, str] | None:
    """The calendar interval a TIMEX3 value names (first day, day after the
    last, time part), or None when it is no fully specified calendar value."""
    m = _CAL.match(canonical(value))
    if m is None:
        return None
    y, mo, wk, q, h, season, d, t = m.groups()
    if len(y) < 4:  # a decade or a century
        span = 10 ** (4 - len(y))
        return date(int(y) * span or 1, 1, 1), date(min(9999, int(y) * span + span), 1, 1), t or ""
    y = int(y)
    if wk:
        start = date.fromisocalendar(y, int(wk), 1)
        return start, start + timedelta(7), t or ""
    first, months = (1, 12)
    if mo:
        first, months = int(mo), 1
    elif q or h:
        first, months = ((int(q) - 1) * 3 + 1, 3) if q else ((int(h) - 1) * 6 + 1, 6)
    elif season:
        first, months = _SEASON_MONTH[season], 3
    start = date(y, first, 1)
    if d and mo:
        start = date(y, first, int(d))
        return start, start + timedelta(1), t or ""
    end_m = first + months
    return start, date(y + (end_m - 1) // 12, (end_m - 1) % 12 + 1, 1), t or ""


_ANCHORED_WORDS = re.compile(r"\s*(?:earlier|later|before|after|ago|on|from\s+now|hence)\b", re.I)
# the kinds of value errors, first that applies wins: (name, test(gold, pred, text))
ERROR_KINDS = (
    ("anchored duration: gold tags a date", lambda g, p, t: p["timex_type"] == "DURATION" and g["timex_type"] != "DURATION"
     and _ANCHORED_WORDS.match(t, p["end"]) is not None),
    ("gold underspecified (X digits)", lambda g, p, t: "X" in g["value"] and not g["value"].startswith("P")
     and "X" not in p["value"] and g["value"][:4] == p["value"][:4]),
    ("date vs duration", lambda g, p, t: g["value"].startswith("P") != p["value"].startswith("P")
     and not g["value"].endswith("_REF") and not p["value"].endswith("_REF")),
    ("vague reference (*_REF)", lambda g, p, t: g["value"].endswith("_REF") or p["value"].endswith("_REF")),
    ("duration amount or unit", lambda g, p, t: g["value"].startswith("P") and p["value"].startswith("P")),
    ("part of day or time", lambda g, p, t: _same_day_other_time(g["value"], p["value"])),
    ("same period, other granularity", lambda g, p, t: _nested(g["value"], p["value"])),
    ("weekday a week off", lambda g, p, t: _days_apart(g["value"], p["value"]) in (7, 14)),
    ("same date, other year", lambda g, p, t: _other_year(g["value"], p["value"])),
    ("other calendar date", lambda g, p, t: _interval(g["value"]) is not None and _interval(p["value"]) is not None),
)


def _same_day_other_time(a: str, b: str) -> bool:
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and ia[:2] == ib[:2] and ia[2] != ib[2]


def _nested(a: str, b: str) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None or ia[:2] == ib[:2]:
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _days_apart(a: str, b: str) -> int | None:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None or (ia[1] - ia[0]).days != 1 or (ib[1] - ib[0]).days != 1:
        return None
    return abs((ia[0] - ib[0]).days)


def _other_year(a: str, b: str) -> bool:
    a, b = canonical(a), canonical(b)
    return len(a) == len(b) and a[:4] != b[:4] and a[4:] == b[4:]


def error_kind(g: dict, p: dict, text: str) -> str | None:
    """The kind of a paired value error (None when the values agree)."""
    if canonical(g["value"]) == canonical(p["value"]):
        return None
    return next((name for name, test in ERROR_KINDS if test(g, p, text)), "other")


# --- claimex's conventions applied to the gold (docs/annotation.md, section 4.7) ---
# Each conversion rewrites a gold item that TimeBank/AQUAINT annotate in a way
# claimex deliberately does not, into claimex's convention. The benchmark prints
# how many items each one touched and the figures without any of them.

_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}  # fmt: skip
_DURATION_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "decade": "DE", "hour": "TH", "minute": "TM"}
_ANCHORED_GOLD = re.compile(
    r"(?P<dur>(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d+|several|a\s+few)"
    r"\s+(?P<unit>year|month|week|day|quarter|decade|hour|minute)s?)(?:\s+(?:earlier|later|before|after|on|from\s+now|hence))?",
    re.I,
)


def _anchored_duration(g: dict, text: str) -> dict | None:
    """"a year earlier" tagged as one DATE (or "[a year] earlier" with a date
    value): claimex tags the duration alone, DURATION P1Y (4.4)."""
    m = _ANCHORED_GOLD.fullmatch(text, g["start"], g["end"])
    if g["timex_type"] == "DURATION" or m is None:
        return None
    if m.end("dur") == g["end"] and _ANCHORED_WORDS.match(text, g["end"]) is None:
        return None  # a bare "two weeks" tagged as a date is no anchored duration
    n = _NUMBER.get(m.group("n").lower(), m.group("n"))
    n = "X" if not str(n).isdigit() else n
    unit = _DURATION_UNIT[m.group("unit").lower()]
    value = f"PT{n}{unit[1]}" if unit.startswith("T") else f"P{n}{unit}"
    return {**g, "end": m.end("dur"), "timex_type": "DURATION", "value": value}


_TOD_CODE = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
_DAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)"
_DAY_PART = re.compile(rf"(?:{_DAY_WORD}(?:\s+(?P<tod>morning|afternoon|evening|night))?|(?P<tonight>tonight)|last\s+(?P<last>night))", re.I)
_TOD_AFTER = re.compile(r"(?:\s+|['’]s\s+)?(?P<tod>morning|afternoon|evening|night)\b", re.I)
_PLAIN_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _part_of_day(g: dict, text: str) -> dict | None:
    """"Friday night", "[Thursday] morning", "tonight" with the day's value:
    claimex (with the TimeML guidelines) writes the part of the day, TIME
    2000-01-07TNI, and the span holds it (4.2, 4.4)."""
    m = _DAY_PART.fullmatch(text, g["start"], g["end"])
    if m is None or not _PLAIN_DAY.fullmatch(g["value"]):
        return None
    word, end = (m.group("tod") or ("night" if m.group("tonight") or m.group("last") else "")), g["end"]
    if not word:
        after = _TOD_AFTER.match(text, g["end"])
        if after is None or "'" in after.group(0) or "’" in after.group(0):
            return None  # "Sunday's night session" is the day
        word, end = after.group("tod"), after.end()
    return {**g, "end": end, "timex_type": "TIME", "value": g["value"] + _TOD_CODE[word.lower()]}


_VAGUE_UNITS = r"(?:years|months|weeks|days|quarters|decades)"
_VAGUE_PLURAL = re.compile(rf"(?:(?P<past>recent\s+{_VAGUE_UNITS})|(?:the\s+)?coming\s+{_VAGUE_UNITS}|the\s+{_VAGUE_UNITS}\s+ahead)", re.I)


def _vague_plural(g: dict, text: str) -> dict | None:
    """"recent years", "the coming months", "the weeks ahead" tagged as a
    duration (DURATION PXY): claimex reads them as PAST_REF / FUTURE_REF (4.2)."""
    m = _VAGUE_PLURAL.fullmatch(text, g["start"], g["end"])
    if m is None:
        return None
    value = "PAST_REF" if m.group("past") else "FUTURE_REF"
    return None if g["value"] == value else {**g, "timex_type": "DATE", "value": value}


# (name, what it converts, function(gold, text) -> converted gold or None)
CONVERSIONS = (
    ("anchored duration", '"a year earlier" as one DATE -> "a year" DURATION P1Y', _anchored_duration),
    ("part of day", '"Friday night" / "[Friday] night" with the day\'s value -> "Friday night" TIME ...TNI', _part_of_day),
    ("vague plural", '"recent years", "the weeks ahead" as DURATION PXY -> PAST_REF / FUTURE_REF', _vague_plural),
)
UNSPECIFIED = ("unspecified digits", "gold X digits (\"1989-WXX\" for \"last week\") compared on the digits the gold gives")


def convert_gold(gold: list[dict], text: str) -> tuple[list[dict], Counter]:
    """The gold in claimex's conventions, and how many items each conversion changed."""
    out, counts = [], Counter()
    for g in gold:
        for name, _, conv in CONVERSIONS:
            new = conv(g, text)
            if new is not None:
                g = new
                counts[name] += 1
                break
        out.append(g)
    return out, counts


def _unspecified_match(gold_value: str, pred_value: str) -> bool:
    """A gold value with X digits that the predicted value fills in: same
    shape, the same character wherever the gold gives one ("1989-WXX" and
    "1989-W43"; not "1989-XX" and "1989")."""
    g, p = canonical(gold_value), canonical(pred_value)
    if "X" not in g or g.startswith("P") or len(g) != len(p) or "X" in p:
        return False
    return all(a == b or (a == "X" and b.isdigit()) for a, b in zip(g, p, strict=True))


def score_doc(name: str, text: str, gold: list[dict], pred: list[dict], assets, *, convert: bool = False) -> Tally:
    """TempEval-3 counts for one document; with ``convert``, the gold is first
    brought to claimex's conventions (the conversions above)."""
    counts = Counter()
    if convert:
        gold, counts = convert_gold(gold, text)
    g_items = [Item(r["start"], r["end"], r["timex_type"], r, name) for r in gold]
    p_items = []
    for r in pred:
        r = as_timeml(r, text, assets)
        p_items.append(Item(r["start"], r["end"], r["timex_type"], r, name))
    t = Tally(gold=len(g_items), pred=len(p_items), converted=counts)
    pairs = match(g_items, p_items)
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    for i, j in pairs:
        g, p = g_items[i], p_items[j]
        t.relaxed += 1
        t.strict += g.start == p.start and g.end == p.end
        t.type_ok += g.record["timex_type"] == p.record["timex_type"]
        ok = canonical(g.record["value"]) == canonical(p.record["value"])
        if not ok and convert and _unspecified_match(g.record["value"], p.record["value"]):
            ok = True
            t.converted[UNSPECIFIED[0]] += 1
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


def run(data: Path, split: str, model: str | None = None) -> tuple[dict[str, dict[str, Tally]], dict]:
    """({"as annotated" | "converted": {corpus: Tally}}, {name: text})."""
    docs = load(data, split)
    pipeline = Pipeline(model)
    pipeline.extractors = {"date": find_dates}
    inputs = [Input(f"{name}.txt", text=gf.text, doc_id=name, published=gf.lines[0].record.get("published")) for _, name, gf in docs]
    tallies = {mode: {c: Tally() for c in CORPORA} for mode in MODES}
    texts = {}
    for (corpus, name, gf), out in zip(docs, pipeline.process(inputs), strict=True):
        if not out.ok:
            raise SystemExit(f"timebank: {name}: {out.error}")
        gold = [ln.record for ln in gf.lines[1:]]
        pred = [r for r in out.records if r["type"] == "date"]
        for mode in MODES:
            tallies[mode][corpus].add(score_doc(name, gf.text, gold, pred, pipeline.assets, convert=mode == "converted"))
        texts[name] = gf.text
    return tallies, texts


MODES = ("converted", "as annotated")


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


def value_error_kinds(tallies: dict[str, Tally], texts: dict) -> Counter:
    """Paired value errors by kind (ERROR_KINDS)."""
    kinds = Counter()
    for t in tallies.values():
        for kind, name, g, p in t.errors:
            if kind == "value":
                k = error_kind(g, p, texts[name])
                kinds[k or "type only (value right)"] += 1
    return kinds


def print_kinds(tallies: dict[str, dict[str, Tally]], texts: dict) -> None:
    by_mode = {mode: value_error_kinds(tallies[mode], texts) for mode in MODES}
    print(f"\nvalue errors by kind {'converted':>44} {'as annotated':>13}")
    for k in sorted(set().union(*by_mode.values()), key=lambda k: (-by_mode["as annotated"][k], k)):
        print(f"  {k:50} {by_mode['converted'][k]:9} {by_mode['as annotated'][k]:13}")


def _rows(tallies: dict[str, Tally]) -> dict[str, Tally]:
    total = Tally()
    for t in tallies.values():
        total.add(t)
    return {**tallies, "TBAQ": total}


def print_table(tallies: dict[str, dict[str, Tally]], split: str) -> None:
    print(f"split: {split}   (TempEval-3 figures, %)")
    print(f"{'':25} {'gold':>5} {'pred':>5} {'strict':>7} {'relaxed':>8} {'P':>6} {'R':>6} {'type':>6} {'val.acc':>8} {'value F1':>9}")
    for mode in MODES:
        for k, t in _rows(tallies[mode]).items():
            f = t.figures()
            print(f"{k + ', ' + mode:25} {t.gold:5} {t.pred:5} {f['strict']:7.2f} {f['relaxed']:8.2f} {f['relaxed_p']:6.2f} {f['relaxed_r']:6.2f} {f['type']:6.2f} {f['value_acc']:8.2f} {f['value']:9.2f}")
    h = HEIDELTIME
    print(f"{'HeidelTime':25} {'':5} {'':5} {h['strict']:7.2f} {h['relaxed']:8.2f} {'':6} {'':6} {'':6} {'':8} {h['value']:9.2f}   (published TE3 figures, TE3 test set)")
    conv = {c: tallies["converted"][c].converted for c in CORPORA}
    print(f"\nconverted: claimex's conventions applied to the gold (docs/annotation.md 4.7); items changed {' / '.join(CORPORA)}")
    for name, what, _ in (*CONVERSIONS, (*UNSPECIFIED, None)):
        print(f"  {name:20} {' / '.join(str(conv[c][name]) for c in CORPORA):>9}   {what}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("CLAIMEX_TBAQ", DEFAULT_DATA)), help="folder with TimeBank/ and AQUAINT/")
    ap.add_argument("--split", choices=("all", "dev", "check"), default="all", help="documents to run (default all)")
    ap.add_argument("--model", default=None, help="spaCy model (default from models/pipeline.toml)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors (against the converted gold)")
    ap.add_argument("--kinds", action="store_true", help="print the value errors by kind")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not all((args.data / c).is_dir() for c in CORPORA):
        print(f"timebank: skipped: no TimeBank/ and AQUAINT/ under {args.data} (set --data or CLAIMEX_TBAQ)")
        return 0
    tallies, texts = run(args.data, args.split, args.model)
    if args.json:
        out = {mode: {k: {"gold": t.gold, "pred": t.pred, **{f: round(v, 2) for f, v in t.figures().items()}} for k, t in _rows(tallies[mode]).items()} for mode in MODES}
        out["conversions"] = dict(sum((tallies["converted"][c].converted for c in CORPORA), Counter()))
        print(json.dumps(out, indent=1))
    else:
        print_table(tallies, args.split)
    if args.kinds:
        print_kinds(tallies, texts)
    if args.errors:
        print_errors(tallies["converted"], texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
