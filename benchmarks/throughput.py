"""Throughput of the full claimex pipeline, as a ratio to bare spaCy.

Both sides run in this one process, on the same texts (the corpus plus the
test texts, repeated to at least --words words), with the same model:

* baseline: ``nlp.pipe(texts)`` over the raw source texts;
* claimex: ``Pipeline.process`` (ingest, segment, parse, extract, resolve and
  record building; no disk writes).

The machines are shared and noisy, so absolute words/s mean little; the
ratio claimex/baseline, measured in alternating rounds (median of each),
is the figure to compare between versions. It is given for wall-clock time
and for this process's CPU time; the CPU-time ratio is much less disturbed
by other load on the machine. Compare versions on the same texts (--texts).

    python benchmarks/throughput.py [--words 100000] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.ingest import read_source  # noqa: E402
from claimex.stages import Input, Pipeline  # noqa: E402


def default_texts() -> list[Path]:
    return [ROOT / "corpus", ROOT / "tests" / "data" / "texts"]


def load_texts(min_words: int, sources: list[Path] | None = None) -> list[tuple[str, str]]:
    files: list[Path] = []
    for src in sources or default_texts():
        files += [src] if src.is_file() else sorted(f for f in src.glob("*") if f.is_file())
    base = [(f.stem, read_source(f)) for f in files if f.suffix in (".md", ".txt")]
    out, words, k = [], 0, 0
    while words < min_words:
        name, text = base[k % len(base)]
        out.append((f"{name}-{k}", text))
        words += len(text.split())
        k += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100_000, help="minimum words per round (default 100000)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds per side (default 3)")
    ap.add_argument("--model", default=None, help="spaCy model (default from models/pipeline.toml)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--texts", nargs="+", type=Path, default=None, help="files or folders of .txt/.md texts (default: corpus/ and tests/data/texts/)")
    args = ap.parse_args(argv)

    pipeline = Pipeline(args.model)
    nlp = pipeline.nlp
    texts = load_texts(args.words, args.texts)
    words = sum(len(t.split()) for _, t in texts)
    # warm-up (first-call costs: lexeme cache, lazy imports)
    for _ in nlp.pipe([t for _, t in texts[:4]]):
        pass
    list(pipeline.process([Input(f"{n}.md", text=t, doc_id=n) for n, t in texts[:4]]))

    bare, full, bare_cpu, full_cpu = [], [], [], []
    records = 0
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe((t for _, t in texts), batch_size=pipeline.batch_size):
            pass
        bare.append(words / (time.perf_counter() - t0))
        bare_cpu.append(words / (time.process_time() - c0))
        t0, c0 = time.perf_counter(), time.process_time()
        outs = list(pipeline.process([Input(f"{n}.md", text=t, doc_id=n) for n, t in texts]))
        full.append(words / (time.perf_counter() - t0))
        full_cpu.append(words / (time.process_time() - c0))
        failed = [o.error for o in outs if not o.ok]
        if failed:
            print(f"benchmark: {len(failed)} documents failed, first: {failed[0]}", file=sys.stderr)
            return 1
        records = sum(len(o.records) for o in outs)
    b, f = statistics.median(bare), statistics.median(full)
    bc, fc = statistics.median(bare_cpu), statistics.median(full_cpu)
    result = {
        "documents": len(texts),
        "words": words,
        "records": records,
        "model": pipeline.model,
        "baseline_words_per_s": round(b),
        "claimex_words_per_s": round(f),
        "ratio": round(f / b, 3),
        "cpu_ratio": round(fc / bc, 3),
        "rounds": args.rounds,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{len(texts)} documents, {words} words, {records} records per round, model {pipeline.model}")
        print(f"baseline nlp.pipe : {b:10.0f} words/s (median of {args.rounds})")
        print(f"claimex pipeline  : {f:10.0f} words/s (median of {args.rounds})")
        print(f"ratio claimex/baseline: {f / b:.3f} wall clock, {fc / bc:.3f} CPU time (CPU time is the steadier on a shared machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
