"""Quote and speaker attribution on PolNeAR (train or dev), claimex beside textacy.

    python benchmarks/attribution.py [--split dev] [--data DIR] [--limit N]
                                     [--errors N] [--dump DIR] [--no-textacy] [--json]

Reads PolNeAR's ``train`` or ``dev`` split from ``--data`` (default: the
environment variable ``CLAIMEX_POLNEAR``, else ``/work/data/polnear/data``;
the folder holding ``train/`` and ``dev/``), converts its attributions into
claimex quote gold (``benchmarks/polnear.py``; the mapping is documented in
docs/annotation.md, section 5.5), runs claimex (``Pipeline.process``, no disk
writes) and, in the same run, textacy's ``direct_quotations`` on the same
texts with the same spaCy model, and scores both with claimex's evaluator
(``claimex.evaluate.score``):

* marked quotes (quotation marks): lenient P/R/F1, kind, speaker accuracy
  (on the matched quotes; by the kind of gold Source: a name, a pronoun, a
  description), cue agreement;
* indirect quotes by cue class (speech verbs, "according to", cognition
  verbs, other): P/R/F1 and speaker accuracy;
* the sieves and rules that chose claimex's speakers (``speaker_rule``).

Speakers are compared by name or by mention (``polnear.speakers_match``):
before scoring, each matched gold record takes the predicted speakers when
they match, else its own preferred names, so the evaluator's exact speaker
comparison gives the adjudicated figure. Only the train and dev splits exist
for this script: PolNeAR's test split is reserved for independent measurement.
With no data it prints why and exits 0 (a skip, as the other benchmarks).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402

from claimex.evaluate import Corpus, Doc, Item, align, score  # noqa: E402
from claimex.records import Line  # noqa: E402

DEFAULT_DATA = "/work/data/polnear/data"
SPLITS = ("train", "dev")
CLASSES = ("speech", "according", "cognition", "other")
MARKED = ("direct", "partial", "scare")


# -- systems -------------------------------------------------------------------
def run_claimex(articles: list[polnear.Article]) -> tuple[dict[str, list[dict]], object]:
    from claimex.stages import Input, Pipeline

    pipe = Pipeline()
    inputs = [Input(path=f"{a.name}.txt", text=a.text, doc_id=a.name, published=a.published) for a in articles]
    out = {}
    for o in pipe.process(inputs):
        if not o.ok:
            print(f"claimex failed on {o.input.doc_id}: {o.error}", file=sys.stderr)
            out[o.input.doc_id] = []
            continue
        out[o.input.doc_id] = [r for r in o.records if r["type"] == "quote"]
    return out, pipe.nlp


def run_textacy(articles: list[polnear.Article], docs: list) -> dict[str, list[dict]] | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    out = {}
    for a, doc in zip(articles, docs, strict=True):
        recs: list[dict] = []
        out[a.name] = recs
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on a document with an unclosed quotation
            continue
        for speaker, cue, content in triples:
            s, e = content.start_char, content.end_char
            while s < e and (a.text[s] in "\"\u201c\u201d'\u2018\u2019" or a.text[s].isspace()):
                s += 1
            while e > s and (a.text[e - 1] in "\"\u201c\u201d'\u2018\u2019" or a.text[e - 1].isspace()):
                e -= 1
            if e <= s:
                continue
            sp = [(t.idx, t.idx + len(t.text)) for t in speaker]
            spans = [{"start": sp[0][0], "end": sp[-1][1], "text": a.text[sp[0][0] : sp[-1][1]]}] if sp else []
            cue_span = {"start": cue[0].idx, "end": cue[-1].idx + len(cue[-1].text), "text": a.text[cue[0].idx : cue[-1].idx + len(cue[-1].text)]} if cue else None
            recs.append(_record(a.name, len(recs), s, e, a.text[s:e], "direct", [x["text"] for x in spans], spans, cue_span))
    return out


def _record(doc_id, k, start, end, text, kind, speakers, spans, cue, **extra) -> dict:
    rec = {"doc_id": doc_id, "type": "quote", "id": f"{doc_id}:quote:{k}", "start": start, "end": end, "text": text,
           "kind": kind, "speakers": speakers, "speaker_spans": spans, "cue": cue}  # fmt: skip
    rec.update(extra)
    return rec


# -- gold ------------------------------------------------------------------------
def gold_records(article: polnear.Article, quotes: list[polnear.GoldQuote], converted: bool = True) -> list[tuple[dict, polnear.GoldQuote]]:
    out = []
    for k, q in enumerate(quotes):
        cue = None
        if q.attribution is not None and q.attribution.cues:
            a, b = q.attribution.cues[0].spans[0]
            cue = {"start": a, "end": b, "text": article.text[a:b]}
        speakers = [s.names[0] for s in q.speakers_for(converted)]
        rec = _record(article.name, k, q.start, q.end, article.text[q.start : q.end], q.kind, speakers, [], cue, note=q.cls)
        if q.optional:
            rec["optional"] = True
        out.append((rec, q))
    return out


def _pred_speakers(rec: dict) -> list[tuple[str, tuple[int, int] | None]]:
    names = rec.get("speakers") or []
    spans = rec.get("speaker_spans") or []
    if len(spans) == len(names):
        return [(n, (s["start"], s["end"])) for n, s in zip(names, spans, strict=True)]
    return [(n, None) for n in names]


def _items(recs: list[dict]) -> list[Item]:
    return [Item(r["start"], r["end"], r["kind"], r, r["id"]) for r in recs]


def _doc(doc_id: str, recs: list[dict]) -> Doc:
    return Doc(doc_id, doc_id, frozenset({"quote"}), {"quote": [Line(doc_id, k + 1, r) for k, r in enumerate(recs)]})


# -- one evaluation ----------------------------------------------------------------
class Subset:
    """Gold and predicted records of one view (marked quotes, or one cue class of
    indirect quotes), speakers adjudicated, scored by claimex's evaluator."""

    def __init__(self, name: str, converted: bool = True):
        self.name = name
        self.converted = converted  # the claimex conventions applied to PolNeAR's Sources (polnear.CONVENTIONS)
        self.conversions: Counter = Counter()  # (convention, right?) -> matched quotes
        self.gold: Corpus = {}
        self.pred: Corpus = {}
        self.by_source: Counter = Counter()  # (source kind, right?) -> matched quotes
        self.errors: list[dict] = []

    def add(self, doc_id: str, text: str, gold: list[tuple[dict, polnear.GoldQuote]], pred: list[dict]) -> None:
        gold = [(dict(g), q) for g, q in gold]
        by_id = {g["id"]: q for g, q in gold}
        al = align(_items([g for g, _ in gold]), _items(pred))
        for pair in al.pairs:
            q = by_id[pair.gold.record["id"]]
            gold_speakers = q.speakers_for(self.converted)
            ok = polnear.speakers_match(gold_speakers, _pred_speakers(pair.pred.record))
            if ok:
                pair.gold.record["speakers"] = list(pair.pred.record.get("speakers") or [])
            if q.conversion:
                self.conversions[(q.conversion, ok)] += 1
            kind = q.raw_speakers[0].kind if q.raw_speakers else "none"
            self.by_source[(kind, ok)] += 1
            if not ok:
                self.errors.append(_error(doc_id, text, q, pair.pred.record, gold_speakers))
        self.gold[doc_id] = _doc(doc_id, [g for g, _ in gold])
        self.pred[doc_id] = _doc(doc_id, pred)

    def evaluate(self):
        return score(self.pred, self.gold, types=["quote"]).results.get("quote")


def _error(doc_id: str, text: str, q: polnear.GoldQuote, pred: dict, gold_speakers: list) -> dict:
    a = max(0, text.rfind("\n", 0, q.start) + 1)
    b = text.find("\n", q.end)
    prev = text[max(0, a - 200) : a].strip()
    return {
        "doc": doc_id,
        "quote": text[q.start : q.end][:80],
        "gold": [f"{s.text} -> {' | '.join(s.names)}" for s in gold_speakers],
        "conversion": q.conversion,
        "pred": pred.get("speakers"),
        "rule": pred.get("speaker_rule"),
        "quote_rule": pred.get("rule"),
        "cue": (pred.get("cue") or {}).get("text"),
        "kind": pred.get("kind"),
        "context": text[a : b if b > 0 else len(text)][:400],
        "before": prev[-150:],
    }


def _class_of(rec: dict) -> str:
    return polnear.cue_class((rec.get("cue") or {}).get("text"))


def subsets_for(system: str, articles, golds, preds, raw_golds=None) -> dict[str, Subset]:
    """The views of one system's output; ``raw_golds`` (gold records without the
    conventions) adds the view "marked (PolNeAR as is)"."""
    subs = {"marked": Subset("marked")} | {c: Subset(c) for c in CLASSES} | {"indirect": Subset("indirect")}
    if raw_golds is not None:
        subs["marked_raw"] = Subset("marked_raw", converted=False)
    for a in articles:
        pred = preds.get(a.name, [])
        _add_marked(subs, a, golds[a.name], pred, raw_golds[a.name] if raw_golds is not None else None)
        _add_indirect(subs, a, golds[a.name], pred)
    return subs


def _add_marked(subs: dict[str, Subset], a, gold, pred, raw_gold) -> None:
    """One article's marked quotes, against the converted gold and (when given) the gold as is."""
    marked_pred = [p for p in pred if p["kind"] in MARKED]
    subs["marked"].add(a.name, a.text, [(g, q) for g, q in gold if g["kind"] in MARKED], marked_pred)
    if raw_gold is not None:
        raw = [(g, q) for g, q in raw_gold if g["kind"] in MARKED]
        subs["marked_raw"].add(a.name, a.text, raw, marked_pred)


def _add_indirect(subs: dict[str, Subset], a, gold, pred) -> None:
    """One article's indirect quotes, all together and by cue class (the gold
    of other classes optional, predictions of the class or overlapping a gold one)."""
    ind_gold = [(g, q) for g, q in gold if g["kind"] == "indirect"]
    ind_pred = [p for p in pred if p["kind"] == "indirect"]
    subs["indirect"].add(a.name, a.text, ind_gold, ind_pred)
    for c in CLASSES:
        g_c = [(dict(g, optional=True) if q.cls != c else g, q) for g, q in ind_gold]
        p_c = [p for p in ind_pred if _class_of(p) == c or any(_overlaps(p, g) for g, _ in ind_gold)]
        subs[c].add(a.name, a.text, g_c, p_c)


def _overlaps(p: dict, g: dict) -> bool:
    return p["start"] < g["end"] and g["start"] < p["end"]


# -- report -------------------------------------------------------------------------
def figures(sub: Subset) -> dict:
    res = sub.evaluate()
    if res is None:
        return {}
    c = res.counts
    attrs = {k: v.score for k, v in res.attributes.items()}
    by_source = {}
    for kind in ("named", "pronoun", "description", "none"):
        right, wrong = sub.by_source[(kind, True)], sub.by_source[(kind, False)]
        if right + wrong:
            by_source[kind] = {"n": right + wrong, "accuracy": right / (right + wrong)}
    conversions = {f"{conv} {'right' if ok else 'wrong'}": n for (conv, ok), n in sorted(sub.conversions.items())}
    attempted = c.correct + c.incorrect + c.partial + c.spurious > 0  # (textacy makes no indirect quotes: no precision to show)
    return {
        "p": res.lenient.p if attempted else None, "r": res.lenient.r, "f1": res.lenient.f1 if attempted else None,
        "gold": c.possible,
        "kind": attrs.get("kind"), "speakers": attrs.get("speakers"), "cue": attrs.get("cue"),
        "speakers_by_source": by_source, "conversions": conversions,
    }  # fmt: skip


def _fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def _cell(v: dict | None) -> str:
    return "-" if not v else f"{_fmt(v['accuracy'])} ({v['n']})"


def print_table(results: dict[str, dict[str, dict]], counts: dict, elapsed: dict) -> None:
    systems = list(results)
    print(f"PolNeAR {counts['split']}: {counts['articles']} articles; gold: {counts['marked']} marked quotes "
          f"({counts['optional']} unattributed pairs optional), indirect " + ", ".join(f"{c} {counts[c]}" for c in CLASSES))  # fmt: skip
    print(f"{'':34}" + "".join(f"{s:>20}" for s in systems))
    rows = [("marked quotes", "marked"), ("marked, PolNeAR as is", "marked_raw")] + [(f"indirect: {c}", c) for c in CLASSES] + [("indirect: all", "indirect")]
    for label, key in rows:
        _print_metrics(results, systems, label, key)
        if key == "marked":
            _print_sources(results, systems, key)
    _print_conversions(results, systems)
    print("seconds: " + ", ".join(f"{s} {t:.0f}" for s, t in elapsed.items()))


def _print_metrics(results: dict[str, dict[str, dict]], systems: list[str], label: str, key: str) -> None:
    """One view's f1, p, r and speaker accuracy rows (the view as is: speaker accuracy only)."""
    for metric in ("f1", "p", "r", "speakers"):
        vals = [results[s].get(key, {}).get(metric) for s in systems]
        if all(v is None for v in vals) or key == "marked_raw" and metric != "speakers":
            continue
        name = f"{label} {metric}" if metric != "speakers" else f"{label} speaker accuracy"
        print(f"{name:34}" + "".join(f"{_fmt(v):>20}" for v in vals))


def _print_sources(results: dict[str, dict[str, dict]], systems: list[str], key: str) -> None:
    """Speaker accuracy by the kind of gold source (named, pronoun, description)."""
    for kind in ("named", "pronoun", "description"):
        vals = [results[s].get(key, {}).get("speakers_by_source", {}).get(kind) for s in systems]
        if any(vals):
            cells = "".join(f"{_cell(v):>20}" for v in vals)
            print(f"{'  source is a ' + kind:34}{cells}")


def _print_conversions(results: dict[str, dict[str, dict]], systems: list[str]) -> None:
    """The matched marked quotes whose speakers a convention changed, per system."""
    for s in systems:
        conv = results[s].get("marked", {}).get("conversions")
        if conv:
            print(f"{s}: matched marked quotes whose speakers a convention changed (right/wrong under it): " + ", ".join(f"{k} {n}" for k, n in conv.items()))


def _print_rules(preds: dict[str, list[dict]]) -> None:
    rules = Counter((r.get("kind"), r.get("speaker_rule") or "-") for recs in preds.values() for r in recs)
    print("claimex speaker rules: " + ", ".join(f"{k}/{r} {n}" for (k, r), n in sorted(rules.items(), key=lambda kv: -kv[1])))


def dump(folder: Path, articles, golds, preds, subs: dict[str, Subset]) -> None:
    """Adjudicated gold and claimex predictions as JSONL, for `claimex eval --errors`."""
    for side in ("gold", "pred"):
        (folder / side).mkdir(parents=True, exist_ok=True)
    marked = subs["marked"]
    indirect = subs["indirect"]
    for a in articles:
        g = [ln.record for sub in (marked, indirect) for ln in sub.gold[a.name].records("quote")]
        for side, recs in (("gold", g), ("pred", preds.get(a.name, []))):
            with open(folder / side / f"{a.name}.jsonl", "w", encoding="utf-8") as f:
                for r in sorted(recs, key=lambda r: (r["start"], r["end"])):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _arguments(argv) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("CLAIMEX_POLNEAR", DEFAULT_DATA), help="PolNeAR's data folder (holding train/ and dev/)")
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N speaker errors of claimex on marked quotes")
    ap.add_argument("--dump", type=Path, default=None, help="write adjudicated gold and claimex output here (outside the repository)")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--json", action="store_true")
    return ap.parse_args(argv)


def _counts(split: str, articles, golds: dict) -> dict:
    """How many articles, marked, optional and indirect (per class) gold quotes."""
    counts = {"split": split, "articles": len(articles)}
    allg = [q for g in golds.values() for _, q in g]
    counts["marked"] = sum(1 for q in allg if q.kind in MARKED and not q.optional)
    counts["optional"] = sum(1 for q in allg if q.optional)
    for c in CLASSES:
        counts[c] = sum(1 for q in allg if q.kind == "indirect" and q.cls == c)
    return counts


def _add_textacy(articles, docs, preds: dict, elapsed: dict, parse_time: float) -> None:
    t0 = time.perf_counter()
    tx = run_textacy(articles, docs)
    if tx is None:
        print("textacy is not installed (pip install '.[bench]'): its column is left out", file=sys.stderr)
    else:
        preds["textacy"] = tx
        elapsed["textacy"] = time.perf_counter() - t0 + parse_time


def main(argv=None) -> int:
    args = _arguments(argv)
    folder = Path(args.data) / args.split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"skipped: no PolNeAR {args.split} split at {folder} (set --data or CLAIMEX_POLNEAR)")
        return 0
    articles = polnear.load_split(folder, args.limit)
    t0 = time.perf_counter()
    preds: dict[str, dict] = {}
    preds["claimex"], nlp = run_claimex(articles)
    elapsed = {"claimex": time.perf_counter() - t0}
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in articles))  # for textacy, and the person names of the gold
    parse_time = time.perf_counter() - t0
    persons = {a.name: [(e.start_char, e.end_char) for e in d.ents if e.label_ == "PERSON"] for a, d in zip(articles, docs, strict=True)}
    converted = {a.name: polnear.convert(a, persons[a.name]) for a in articles}
    golds = {a.name: gold_records(a, converted[a.name]) for a in articles}
    raw_golds = {a.name: gold_records(a, converted[a.name], converted=False) for a in articles}
    counts = _counts(args.split, articles, golds)
    if not args.no_textacy:
        _add_textacy(articles, docs, preds, elapsed, parse_time)
    subs = {s: subsets_for(s, articles, golds, p, raw_golds) for s, p in preds.items()}
    results = {s: {k: figures(sub) for k, sub in ss.items()} for s, ss in subs.items()}
    if args.json:
        print(json.dumps({"counts": counts, "results": results}, indent=1))
    else:
        print_table(results, counts, elapsed)
        _print_rules(preds["claimex"])
    for e in subs["claimex"]["marked"].errors[: args.errors]:
        print(json.dumps(e, ensure_ascii=False))
    if args.dump:
        dump(args.dump, articles, golds, preds["claimex"], subs["claimex"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
