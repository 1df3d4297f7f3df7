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
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402

DEFAULT_DATA = "/work/data/polnear/data"
SEED = 0
C_VALUES = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5


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


def _fit(X, y, c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED).fit(scaler.transform(X), y)
    return scaler, model


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


def cross_validate(rows, features, c: float, threshold: float) -> tuple[float, float, int]:
    import numpy as np

    folds = np.array([r[0] % FOLDS for r in rows])
    X, y = _matrix(rows, features)
    probs = np.zeros(len(rows))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        scaler, model = _fit(X[train], y[train], c)
        probs[test] = model.predict_proba(scaler.transform(X[test]))[:, 1]
    return _quote_accuracy(rows, probs, threshold)


def write_model(rows, out_path: Path, n_articles: int) -> None:
    """Cross-validate over C, fit on all rows with the best, write the JSON weights."""
    from claimex.resolve.speaker_ranker import FEATURES

    threshold = 0.5
    scores = {c: cross_validate(rows, FEATURES, c, threshold) for c in C_VALUES}
    for c, (sieve, ranker, n) in scores.items():
        print(f"  C={c:<5} {FOLDS}-fold accuracy on the quotes in scope: sieves {sieve:.3f}, ranker {ranker:.3f} (n={n})")
    best_c = max(scores, key=lambda c: scores[c][1])
    X, y = _matrix(rows, FEATURES)
    scaler, model = _fit(X, y, best_c)
    out = {
        "name": "speaker_ranker",
        "description": "Logistic regression over candidate speakers of a quote (pipeline/resolve/speaker_ranker.py); see speaker_ranker.md.",
        "trained_on": f"PolNeAR train ({n_articles} articles), claimex conventions (benchmarks/polnear.py)",
        "command": "python benchmarks/train_speaker_ranker.py",
        "seed": SEED,
        "C": best_c,
        "cross_validation": {"folds": FOLDS, "quotes": scores[best_c][2], "sieves": round(scores[best_c][0], 4), "ranker": round(scores[best_c][1], 4)},
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in scaler.mean_],
        "scale": [round(float(s) if s > 0 else 1.0, 6) for s in scaler.scale_],
        "threshold": threshold,
    }
    out_path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    top = Counter({f: abs(w) for f, w in zip(FEATURES, out["weights"], strict=False)}).most_common(8)
    print(f"C={best_c}; weights written to {out_path}; largest: " + ", ".join(f"{f} {out['weights'][FEATURES.index(f)]:+.2f}" for f, _ in top))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("CLAIMEX_POLNEAR", DEFAULT_DATA), help="PolNeAR's data folder (holding train/)")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "speaker_ranker.json")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
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
    from claimex.stages import Pipeline

    articles = polnear.load_split(folder, args.limit)
    pipe = Pipeline()
    pipe.assets.config.setdefault("attribution", {})["speaker_ranker"] = ""  # the sieves alone
    hook = Collected()
    collect(pipe, articles, hook)
    persons = {a.name: [(e.start_char, e.end_char) for e in d.ents if e.label_ == "PERSON"] for a, d in zip(articles, pipe.nlp.pipe(a.text for a in articles), strict=False)}
    golds = {a.name: polnear.convert(a, persons[a.name]) for a in articles}
    rows = examples(articles, golds, hook)
    print(f"PolNeAR train: {len(articles)} articles, {len({r[1] for r in rows})} quotes in scope, {len(rows)} candidates "
          f"({sum(r[3] for r in rows)} right)")  # fmt: skip
    write_model(rows, args.out, len(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
