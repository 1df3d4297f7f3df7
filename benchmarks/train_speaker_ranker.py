"""Train the speaker ranker (pipeline/resolve/speaker_ranker.py) on PolNeAR train.

    pip install -e '.[train]'
    python benchmarks/train_speaker_ranker.py [--data DIR] [--out models/speaker_ranker.json] [--limit N]

Runs claimex with the sieves alone over PolNeAR's ``train`` split (``--data``,
default ``CLAIMEX_POLNEAR`` or ``/work/data/polnear/data``; never the dev or
test split), collects, for every marked quote whose speaker the sieves chose
by an open rule (``speaker_ranker.in_scope``), its candidate speakers and
their features, labels each candidate with the PolNeAR gold under the
claimex conventions (``benchmarks/polnear.py``: a candidate is right when it
matches the gold Source by name or by mention), and fits a scikit-learn
logistic regression (standardised features, fixed seed). It prints the
five-fold cross-validated accuracy (folds by article) of the sieves' pick and
of the ranker's on the quotes in scope, and writes the weights as JSON (no
pickle): inference reads them in plain Python. The model card is
``models/speaker_ranker.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402

DEFAULT_DATA = "/work/data/polnear/data"
SEED = 0
C_VALUES = (0.01, 0.1, 1.0, 10.0)
# boosted trees: (trees, depth, learning rate); a small grid, chosen by cross-validation
TREE_GRID = ((100, 2, 0.1), (200, 2, 0.1), (100, 3, 0.1), (200, 3, 0.05))
FOLDS = 5
THRESHOLD = 0.5
DEFAULT_MODEL = "trees"


class Collected:
    """Candidates of the quotes in scope, by document (the ranker's training hook)."""

    def __init__(self):
        self.by_doc: dict[str, list[tuple[int, int, list]]] = {}

    def __call__(self, att, q, cands) -> None:
        rows = [(c.name, c.span, dict(c.feats, _name=c.name)) for c in cands]
        self.by_doc.setdefault(att.doc.doc_id, []).append((q.start, q.end, rows))


def collect(pipe, articles, hook: Collected) -> None:
    from claimex.resolve import speaker_ranker
    from claimex.stages import Input

    speaker_ranker.COLLECT.append(hook)
    try:
        inputs = [Input(path=f"{a.name}.txt", text=a.text, doc_id=a.name, published=a.published) for a in articles]
        for o in pipe.process(inputs):
            if not o.ok:
                print(f"claimex failed on {o.input.doc_id}: {o.error}", file=sys.stderr)
    finally:
        speaker_ranker.COLLECT.remove(hook)


def examples(articles, golds: dict, hook: Collected):
    """(article index, quote key, feature dict, label) per candidate, and per
    quote whether any candidate is right."""
    rows = []
    for k, a in enumerate(articles):
        marked = [q for q in golds[a.name] if q.kind in ("direct", "partial") and not q.optional]
        for start, end, cands in hook.by_doc.get(a.name, []):
            g = _gold_for(marked, start, end)
            if g is None or not _confident(g):
                continue
            for name, span, feats in cands:
                pred = [(name, (span.start, span.end) if span is not None else None)]
                rows.append((k, (a.name, start), feats, polnear.speakers_match(g.speakers, pred)))
    return rows


def _confident(g) -> bool:
    """A gold label to learn from: PolNeAR has no coreference, so a pronoun or a
    description Source accepts up to two antecedents (the nearest named Source,
    the nearest person name); when they differ, which one is meant is not known
    and the quote is left out of training (it stays in every evaluation)."""
    for s in g.speakers:
        antecedents = len({n.lower() for n in s.names}) - (s.kind == "description")
        if s.kind in ("pronoun", "description") and antecedents > 1:
            return False
    return True


def _gold_for(marked, start: int, end: int):
    best, best_ov = None, 0
    for g in marked:
        ov = min(end, g.end) - max(start, g.start)
        if ov > best_ov:
            best, best_ov = g, ov
    return best if best is not None and best_ov >= (end - start) / 2 else None


def _matrix(rows, features):
    import numpy as np

    return np.array([[r[2].get(f, 0.0) for f in features] for r in rows], dtype=float), np.array([r[3] for r in rows], dtype=int)


def _fit(X, y, params):
    """A fitted model with ``predict_proba``: a logistic regression on standardised
    features when ``params`` is C, boosted trees when it is (trees, depth, rate)."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if isinstance(params, tuple):
        n, depth, rate = params
        return GradientBoostingClassifier(n_estimators=n, max_depth=depth, learning_rate=rate, random_state=SEED).fit(X, y)
    return make_pipeline(StandardScaler(), LogisticRegression(C=params, max_iter=2000, random_state=SEED)).fit(X, y)


def _quote_accuracy(rows, probs, threshold: float) -> tuple[float, float, int]:
    """Accuracy of the sieves' pick and of the ranker's over the quotes of ``rows``."""
    quotes: dict = {}
    for r, p in zip(rows, probs, strict=False):
        quotes.setdefault(r[1], []).append((p, r[2].get("pick", 0.0), r[2].get("no_pick", 0.0), r[3]))
    sieve = ranker = 0
    for cands in quotes.values():
        picked = [c for c in cands if c[1]]
        sieve += bool(picked and picked[0][3])
        best = max(cands, key=lambda c: c[0])
        if picked and not best[1] or not picked and best[0] >= threshold:
            ranker += best[3]
        else:
            ranker += bool(picked and picked[0][3])
    n = len(quotes)
    return sieve / n, ranker / n, n


def cross_validate(rows, features, params, threshold: float) -> tuple[float, float, int]:
    import numpy as np

    folds = np.array([r[0] % FOLDS for r in rows])
    X, y = _matrix(rows, features)
    probs = np.zeros(len(rows))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        if not test.any():
            continue
        probs[test] = _fit(X[train], y[train], params).predict_proba(X[test])[:, 1]
    return _quote_accuracy(rows, probs, threshold)


def write_model(rows, out_path: Path, n_articles: int, kind: str) -> None:
    """Cross-validate the logistic regression over C and the boosted trees over
    their grid, fit the best of ``kind`` on all rows, write it as JSON."""
    from claimex.resolve.speaker_ranker import FEATURES

    grid = {"linear": C_VALUES, "trees": TREE_GRID}
    scores: dict = {}
    for name, values in grid.items():
        for params in values:
            scores[params] = sieve, ranker, n = cross_validate(rows, FEATURES, params, THRESHOLD)
            print(f"  {name} {params}: {FOLDS}-fold accuracy on the quotes in scope: sieves {sieve:.3f}, ranker {ranker:.3f} (n={n})")
    best = max(grid[kind], key=lambda p: scores[p][1])
    X, y = _matrix(rows, FEATURES)
    model = _fit(X, y, best)
    out = {
        "name": "speaker_ranker",
        "trained_on": f"PolNeAR train ({n_articles} articles), claimex conventions (benchmarks/polnear.py)",
        "command": "python benchmarks/train_speaker_ranker.py" + ("" if kind == DEFAULT_MODEL else f" --model {kind}"),
        "seed": SEED,
        "cross_validation": {"folds": FOLDS, "quotes": scores[best][2], "sieves": round(scores[best][0], 4), "ranker": round(scores[best][1], 4),
                             "linear": round(max(scores[c][1] for c in C_VALUES), 4), "trees": round(max(scores[t][1] for t in TREE_GRID), 4)},
        **(_trees_json(model, best) if kind == "trees" else _linear_json(model, best)),
        "threshold": THRESHOLD,
    }
    out["features"] = list(FEATURES)
    out_path.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{kind} {best}; written to {out_path} ({out_path.stat().st_size // 1024} KB)")
    _check_export(out_path, model, X)


def _linear_json(model, c: float) -> dict:
    scaler, lr = model[0], model[-1]
    weights = [round(float(w), 6) for w in lr.coef_[0]]
    from claimex.resolve.speaker_ranker import FEATURES

    top = Counter({f: abs(w) for f, w in zip(FEATURES, weights, strict=False)}).most_common(8)
    print("largest weights: " + ", ".join(f"{f} {weights[FEATURES.index(f)]:+.2f}" for f, _ in top))
    return {
        "format": 1,
        "description": "Logistic regression over candidate speakers of a quote (pipeline/resolve/speaker_ranker.py); see speaker_ranker.md.",
        "C": c,
        "weights": weights,
        "bias": round(float(lr.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in scaler.mean_],
        "scale": [round(float(s) if s > 0 else 1.0, 6) for s in scaler.scale_],
    }


def _trees_json(model, params) -> dict:
    """The boosted trees as flat node lists (speaker_ranker.TreeRanker): the
    learning rate folded into the leaf values, the prior log-odds as ``base``."""

    prior = float(model.init_.class_prior_[1])
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        nodes = []
        for k in range(t.node_count):
            if t.children_left[k] == -1:
                nodes.append([round(float(t.value[k, 0, 0]) * model.learning_rate, 6)])
            else:
                nodes.append([int(t.feature[k]), round(float(t.threshold[k]), 6), int(t.children_left[k]), int(t.children_right[k])])
        trees.append(nodes)
    n, depth, rate = params
    return {
        "format": 2,
        "description": "Gradient-boosted trees over candidate speakers of a quote (pipeline/resolve/speaker_ranker.py); see speaker_ranker.md.",
        "trees_depth_rate": [n, depth, rate],
        "base": round(math.log(prior / (1 - prior)), 6),
        "trees": trees,
    }


def _check_export(path: Path, model, X) -> None:
    """The plain-Python inference over the JSON gives the library's probabilities."""
    import numpy as np

    from claimex.resolve.speaker_ranker import LinearRanker, TreeRanker

    data = json.loads(path.read_text(encoding="utf-8"))
    ranker = (TreeRanker if data["format"] == 2 else LinearRanker).from_json(data)
    ours = np.array([1 / (1 + math.exp(-ranker.raw(list(x)))) for x in X[:2000]])
    diff = float(np.max(np.abs(ours - model.predict_proba(X[:2000])[:, 1])))
    print(f"plain-Python inference vs scikit-learn on 2000 candidates: largest difference {diff:.1e}")
    if diff > 1e-4:
        raise SystemExit("the exported model does not reproduce scikit-learn's probabilities")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("CLAIMEX_POLNEAR", DEFAULT_DATA), help="PolNeAR's data folder (holding train/)")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "speaker_ranker.json")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    ap.add_argument("--model", choices=("linear", "trees"), default=DEFAULT_MODEL, help=f"the model to write (default {DEFAULT_MODEL}: it beat the other on cross-validation and on dev); both are cross-validated")
    ap.add_argument("--rows", type=Path, default=None, help="a JSON cache of the collected examples: read it if it exists, else write it")
    args = ap.parse_args(argv)
    folder = Path(args.data) / "train"
    if not (folder / "text").is_dir():
        print(f"skipped: no PolNeAR train split at {folder} (set --data or CLAIMEX_POLNEAR)")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is needed to train the ranker: pip install -e '.[train]'", file=sys.stderr)
        return 1
    t0 = time.monotonic()
    if args.rows is not None and args.rows.is_file():
        cached = json.loads(args.rows.read_text(encoding="utf-8"))
        rows, n_articles = [(r[0], tuple(r[1]), r[2], r[3]) for r in cached["rows"]], cached["articles"]
    else:
        rows, n_articles = _collect_rows(folder, args.limit)
        if args.rows is not None:
            args.rows.write_text(json.dumps({"articles": n_articles, "rows": rows}), encoding="utf-8")
    print(f"PolNeAR train: {n_articles} articles, {len({r[1] for r in rows})} quotes in scope, {len(rows)} candidates "
          f"({sum(r[3] for r in rows)} right)")  # fmt: skip
    write_model(rows, args.out, n_articles, args.model)
    print(f"done in {time.monotonic() - t0:.0f} s")
    return 0


def _collect_rows(folder: Path, limit: int | None):
    """Run claimex (sieves alone) over the split and label the candidates it collects."""
    from claimex.stages import Pipeline

    articles = polnear.load_split(folder, limit)
    pipe = Pipeline()
    pipe.assets.config.setdefault("attribution", {})["speaker_ranker"] = ""  # the sieves alone
    hook = Collected()
    collect(pipe, articles, hook)
    persons = {a.name: [(e.start_char, e.end_char) for e in d.ents if e.label_ == "PERSON"] for a, d in zip(articles, pipe.nlp.pipe(a.text for a in articles), strict=False)}
    golds = {a.name: polnear.convert(a, persons[a.name]) for a in articles}
    return examples(articles, golds, hook), len(articles)


if __name__ == "__main__":
    sys.exit(main())
