"""Cost of dates in their number: extraction and resolution time as a ratio
to parsing time, for documents holding more and more dates.

Each document is the same short paragraph of dated sentences (full dates,
partial dates, weekdays, relative and event-anchored dates, durations,
times of day) repeated until it holds about N dates, one paragraph per
repetition. For each N the document is prepared and parsed once (spaCy),
then the date stage (find_dates + resolve_dates) is timed; the figure is
date time / parse time. Parse time is linear in the text, so a constant
ratio means the date stage is linear in the number of dates; a ratio that
grows with N means it is not.

    python benchmarks/date_scaling.py [--sizes 500 2000 8000] [--one-paragraph] [--json]

``scaling_rows(sizes)`` returns the rows for another script to print.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.extractors.dates import find_dates
from claimex.parse import parse
from claimex.resolve.dates import resolve_dates
from claimex.stages import Input, Pipeline

PARAGRAPH = (
    "The council met on 3 March 2021 and again on March 9. Two weeks later, on Tuesday, it voted; "
    "the day after the vote the minister resigned, and in July a new one took office for two years. "
    "Talks resumed at 10 p.m. last night, five years after the 2016 accord, and will end next week."
)


def dates_per_paragraph(pipeline: Pipeline) -> int:
    (doc,) = _parsed(pipeline, PARAGRAPH)
    return len(list(find_dates(doc, pipeline.assets)))


def _parsed(pipeline: Pipeline, text: str):
    doc = pipeline.prepare(Input("scaling.txt", text=text, doc_id="scaling", published="2021-07-20"))
    return parse([doc], pipeline.nlp, pipeline.batch_size)


def measure(pipeline: Pipeline, n_dates: int, per_par: int, one_paragraph: bool = False) -> dict:
    reps = max(1, round(n_dates / per_par))
    text = (" " if one_paragraph else "\n\n").join([PARAGRAPH] * reps)
    t0 = time.process_time()
    (doc,) = _parsed(pipeline, text)
    t_parse = time.process_time() - t0
    t0 = time.process_time()
    mentions = sorted(find_dates(doc, pipeline.assets))
    dates = resolve_dates(doc, mentions, pipeline.assets)
    t_dates = time.process_time() - t0
    return {"dates": len(dates), "chars": len(text), "parse_s": round(t_parse, 3), "dates_s": round(t_dates, 3), "ratio": round(t_dates / t_parse, 4)}


def scaling_rows(sizes: list[int], pipeline: Pipeline | None = None, one_paragraph: bool = False) -> list[dict]:
    pipeline = pipeline or Pipeline()
    per_par = dates_per_paragraph(pipeline)
    return [measure(pipeline, n, per_par, one_paragraph) for n in sizes]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000], help="numbers of dates (default 500 2000 8000)")
    ap.add_argument("--one-paragraph", action="store_true", help="all the dates in one paragraph (default: one paragraph per repetition)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = scaling_rows(args.sizes, one_paragraph=args.one_paragraph)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'dates':>7} {'chars':>9} {'parse s':>8} {'dates s':>8} {'dates/parse':>12}")
    for r in rows:
        print(f"{r['dates']:7} {r['chars']:9} {r['parse_s']:8.2f} {r['dates_s']:8.2f} {r['ratio']:12.3f}")
    first, last = rows[0], rows[-1]
    print(f"ratio growth from {first['dates']} to {last['dates']} dates: x{last['ratio'] / first['ratio']:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
