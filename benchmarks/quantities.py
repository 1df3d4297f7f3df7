"""claimex statistics and quantulum3 side by side, on the same gold, in one run.

For every gold document (default ``corpus/gold/``; its source named in the
document record), both systems read the same text:

* **claimex**: the full pipeline (``Pipeline.process``), its statistic records;
* **quantulum3** (``pip install '.[bench]'``): ``parser.parse`` over each
  paragraph, every quantity found turned into a statistic record (its surface
  span, value, unit mapped to claimex's unit names: percentage -> percent,
  a currency -> its ISO code, tonne -> tonnes, kilometre -> km, dimensionless
  -> null; a range from its uncertainty). quantulum3 has no measure, subject,
  time or source: those are null.

Both are scored by ``claimex eval`` against the gold statistics: span P/R/F1
(lenient: overlapping spans; strict: same span) and the value, unit and approx
accuracy on the matches, and timed (words/s, CPU time, and the ratio).

    python benchmarks/quantities.py [--gold corpus/gold] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.evaluate import evaluate  # noqa: E402
from claimex.ingest import read_source  # noqa: E402
from claimex.records import find_source, read_jsonl, write_jsonl_atomic  # noqa: E402
from claimex.stages import Input, Pipeline  # noqa: E402

PERCENT_UNITS = {"percentage", "per cent", "percent"}
UNIT_NAMES = {"tonne": "tonnes", "kilometre": "km", "metre": "m", "mile": "miles", "barrel": "barrels", "hectare": "hectares",
              "square kilometre": "km2", "kilogram": "kg", "litre": "litres", "megawatt": "MW", "gigawatt": "GW",
              "count": "times"}  # fmt: skip
ATTRIBUTES = ("value", "unit", "approx", "measure", "subject", "time", "source")


def gold_documents(gold: Path) -> list[tuple[dict, Path]]:
    """(document record, source path) of every gold file that annotates statistics."""
    out = []
    for f in sorted(gold.glob("*.jsonl")):
        doc = next((ln.record for ln in read_jsonl(f) if ln.record.get("type") == "document"), None)
        if doc is None or doc.get("schema_version", 1) < 2:
            continue
        src = find_source(f, doc["source"])
        if src is not None:
            out.append((doc, src))
    return out


def run_claimex(docs, out_dir: Path) -> float:
    pipe = Pipeline()
    pipe.nlp  # noqa: B018 - load the model before the clock starts
    t0 = time.process_time()
    for o in pipe.process([Input(str(src), doc_id=doc["doc_id"]) for doc, src in docs]):
        if not o.ok:
            raise SystemExit(o.error)
        write_jsonl_atomic(out_dir / f"{o.input.doc_id}.jsonl", o.records)
    return time.process_time() - t0


def _unit(q) -> str | None:
    name = q.unit.name
    code = getattr(q.unit, "currency_code", None)
    if code:
        return code
    if name in PERCENT_UNITS:
        return "percent"
    if name == "dimensionless":
        return None
    return UNIT_NAMES.get(name, name)


def _value(q):
    unc = getattr(q, "uncertainty", None)
    if unc:
        return {"low": q.value - unc, "high": q.value + unc}
    return int(q.value) if float(q.value).is_integer() else q.value


def quantulum_records(parser, doc: dict, text: str) -> list[dict]:
    recs, pos = [], 0
    for para in text.split("\n\n"):
        for q in parser.parse(para):
            a, b = pos + q.span[0], pos + q.span[1]
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                recs.append({"doc_id": doc["doc_id"], "type": "statistic", "start": a, "end": b, "text": text[a:b],
                             "value": _value(q), "unit": _unit(q), "measure": None, "subject": None, "time": None,
                             "source": None, "approx": None, "comparison": None, "rule": "quantulum3"})  # fmt: skip
        pos += len(para) + 2
    recs.sort(key=lambda r: (r["start"], r["end"]))
    seen, out = set(), []
    for r in recs:
        if (r["start"], r["end"]) not in seen:
            seen.add((r["start"], r["end"]))
            r["id"] = f"{doc['doc_id']}:statistic:{len(out)}"
            out.append(r)
    return out


def run_quantulum(docs, out_dir: Path) -> float:
    from quantulum3 import parser

    parser.parse("warm up: 5 km")  # load its unit tables before the clock starts
    t0 = time.process_time()
    for doc, src in docs:
        text = read_source(src)
        document = {**doc, "pipeline": {"version": "quantulum3", "model": None}}
        write_jsonl_atomic(out_dir / f"{doc['doc_id']}.jsonl", [document, *quantulum_records(parser, doc, text)])
    return time.process_time() - t0


def figures(pred: Path, gold: Path) -> dict:
    ev = evaluate(pred, gold, types=["statistic"])
    res = ev.results["statistic"]
    out = {"gold": res.counts.gold if hasattr(res.counts, "gold") else None}
    for name, prf in (("lenient", res.lenient), ("strict", res.strict)):
        out[name] = {"p": prf.p, "r": prf.r, "f1": prf.f1}
    out["attributes"] = {a: res.attributes[a].score for a in ATTRIBUTES}
    out["matches"] = res.attributes["value"].n
    return out


def fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold", help="gold folder (statistics: schema version 2)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        from quantulum3 import parser  # noqa: F401
    except ImportError:
        print("quantulum3 is not installed (pip install '.[bench]'): benchmark skipped", file=sys.stderr)
        return 0
    warnings.filterwarnings("ignore")
    docs = gold_documents(args.gold)
    if not docs:
        print(f"no gold with statistics (schema version 2) and its source under {args.gold}: benchmark skipped", file=sys.stderr)
        return 0
    words = sum(len(read_source(src).split()) for _, src in docs)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, run in (("claimex", run_claimex), ("quantulum3", run_quantulum)):
            out = Path(tmp) / name
            out.mkdir()
            cpu = run(docs, out)
            results[name] = {**figures(out, args.gold), "cpu_s": cpu, "words_per_cpu_s": words / cpu if cpu else None}
    results["documents"], results["words"] = len(docs), words
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{len(docs)} gold documents, {words} words; statistic spans and attributes on lenient matches")
    print(f"{'':24}{'claimex':>10}{'quantulum3':>12}")
    rows = [("span P (lenient)", "lenient", "p"), ("span R (lenient)", "lenient", "r"), ("span F1 (lenient)", "lenient", "f1"),
            ("span F1 (strict)", "strict", "f1")]  # fmt: skip
    for label, k, m in rows:
        print(f"{label:24}{fmt(results['claimex'][k][m]):>10}{fmt(results['quantulum3'][k][m]):>12}")
    print(f"{'matches':24}{results['claimex']['matches']:>10}{results['quantulum3']['matches']:>12}")
    for a in ATTRIBUTES:
        print(f"{a + ' accuracy':24}{fmt(results['claimex']['attributes'][a]):>10}{fmt(results['quantulum3']['attributes'][a]):>12}")
    c, q = results["claimex"]["cpu_s"], results["quantulum3"]["cpu_s"]
    print(f"{'CPU seconds':24}{c:10.2f}{q:12.2f}   (claimex: the whole pipeline, spaCy parse included; ratio {c / q:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
