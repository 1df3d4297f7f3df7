"""How claimex's cost grows with the size of its input: cost ratios, not timings.

Each series runs the full pipeline (ingest to records, no disk writes) on
inputs of growing size n and prints, for each size, the time ratio
time(n) / time(base) next to the size ratio n / base, and their quotient,
the *cost per unit* relative to the base: about 1.0 at every size when the
cost is linear, growing with n when it is not (2.0 at 10x the base means
twice the cost per character). The machine is shared and noisy, so only
these ratios, measured in one process, mean anything (CPU time of this
process; the base is the median of several runs).

Series:

* ``paragraph``: one paragraph of n characters (5k to 1M by default);
* ``document``: a document of n words in paragraphs of ordinary length
  (1k to 200k words);
* ``dates``: a paragraph-per-line document holding n dates;
* ``lines``: a 1 MB file on a single line, and the same paragraphs
  separated by single newlines, against the same text with blank lines
  between its paragraphs (ratios near 1.0: no quadratic block).

The texts are built from the body paragraphs of ``corpus/`` (read at run
time). ``--quick`` runs smaller sizes (a minute or two on one core).

    python benchmarks/scaling.py [--series paragraph document dates lines] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimex.ingest import read_source  # noqa: E402
from claimex.stages import Pipeline  # noqa: E402

SIZES = {
    "paragraph": [5_000, 50_000, 200_000, 1_000_000],
    "document": [1_000, 10_000, 50_000, 200_000],
    "dates": [100, 1_000, 5_000, 20_000],
}
QUICK = {
    "paragraph": [5_000, 20_000, 100_000],
    "document": [1_000, 5_000, 20_000],
    "dates": [100, 500, 2_000],
}
LINE_BYTES = 1_000_000
QUICK_LINE_BYTES = 100_000


def corpus_paragraphs(folder: Path) -> list[str]:
    """Body paragraphs (200+ characters, not headings) of the texts in ``folder``, one line each."""
    paras = []
    for f in sorted(folder.glob("*")):
        if f.suffix not in (".md", ".txt"):
            continue
        for p in re.split(r"\n[ \t]*\n", read_source(f)):
            p = " ".join(p.split())
            if len(p) >= 200 and not p.startswith(("#", "-", "*", ">")):
                paras.append(p)
    if not paras:
        raise SystemExit(f"no paragraphs found in {folder}")
    return paras


def take_chars(paras: list[str], n: int, sep: str = " ") -> str:
    """Paragraphs joined by ``sep``, repeated as needed, cut at a space to about n characters."""
    out, size, k = [], 0, 0
    while size < n:
        p = paras[k % len(paras)]
        out.append(p)
        size += len(p) + len(sep)
        k += 1
    text = sep.join(out)
    return text[:n].rsplit(" ", 1)[0] if len(text) > n else text


def take_words(paras: list[str], n: int) -> str:
    out, words, k = [], 0, 0
    while words < n:
        p = paras[k % len(paras)]
        out.append(p)
        words += len(p.split())
        k += 1
    return "\n\n".join(out)


MONTHS = "January February March April May June July August September October November December".split()


def dates_text(n: int) -> str:
    """A document with n dates, a few to a line ("On 3 March 2021 ... until May 2022.")."""
    lines = []
    for k in range(0, n, 2):
        d, m, y = k % 28 + 1, MONTHS[k % 12], 1990 + k % 40
        lines.append(f"On {d} {m} {y} the council met, and it met again in {MONTHS[(k + 5) % 12]} {y + 1}.")
    return "Dates\n\n" + "\n".join(lines) + "\n"


def cpu_time(pipeline: Pipeline, text: str, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        pipeline.process_text("A Title for the Piece\n\n" + text + "\n", doc_id="bench")
        times.append(time.process_time() - t0)
    return sorted(times)[len(times) // 2]  # the median


def series(pipeline: Pipeline, name: str, sizes: list[int], make, unit: str) -> list[dict]:
    base_n = sizes[0]
    base = cpu_time(pipeline, make(base_n), repeat=3)
    rows = [{"series": name, "n": base_n, "unit": unit, "seconds": round(base, 3), "size_ratio": 1.0, "time_ratio": 1.0, "per_unit": 1.0}]
    _print(rows[-1])
    for n in sizes[1:]:
        t = cpu_time(pipeline, make(n))
        size_ratio, time_ratio = n / base_n, t / base
        rows.append(
            {"series": name, "n": n, "unit": unit, "seconds": round(t, 3), "size_ratio": round(size_ratio, 2), "time_ratio": round(time_ratio, 2), "per_unit": round(time_ratio / size_ratio, 2)}
        )
        _print(rows[-1])
    return rows


def lines_series(pipeline: Pipeline, paras: list[str], nbytes: int) -> list[dict]:
    """A single-line file and a single-newline file against blank-line paragraphs (same characters)."""
    blank = take_chars(paras, nbytes, sep="\n\n")
    base = cpu_time(pipeline, blank)
    rows = [{"series": "lines", "n": len(blank), "unit": "chars, blank lines", "seconds": round(base, 3), "size_ratio": 1.0, "time_ratio": 1.0, "per_unit": 1.0}]
    _print(rows[-1])
    for label, text in (("chars, single newlines", blank.replace("\n\n", "\n")), ("chars, one line", blank.replace("\n\n", "  "))):
        t = cpu_time(pipeline, text)
        ratio = round(t / base, 2)
        rows.append({"series": "lines", "n": len(text), "unit": label, "seconds": round(t, 3), "size_ratio": round(len(text) / len(blank), 2), "time_ratio": ratio, "per_unit": ratio})
        _print(rows[-1])
    return rows


def _print(row: dict) -> None:
    if not ARGS.json:
        print(
            f"{row['series']:<10} n={row['n']:>9,} {row['unit']:<24} {row['seconds']:>8.2f} s   size x{row['size_ratio']:<7g} time x{row['time_ratio']:<8g} cost per unit x{row['per_unit']:g}",
            flush=True,
        )


ARGS = argparse.Namespace(json=False)


def main(argv=None) -> int:
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--series", nargs="+", choices=["paragraph", "document", "dates", "lines"], default=["paragraph", "document", "dates", "lines"])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (for a quick check)")
    ap.add_argument("--texts", type=Path, default=ROOT / "corpus", help="folder of .md/.txt texts to build inputs from (default: corpus/)")
    ap.add_argument("--model", default=None, help="spaCy model (default from models/pipeline.toml)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ARGS = ap.parse_args(argv)

    pipeline = Pipeline(ARGS.model)
    paras = corpus_paragraphs(ARGS.texts)
    sizes = QUICK if ARGS.quick else SIZES
    pipeline.process_text("Warm up.\n\n" + paras[0], doc_id="warm")
    rows = []
    if "paragraph" in ARGS.series:
        rows += series(pipeline, "paragraph", sizes["paragraph"], lambda n: take_chars(paras, n), "chars")
    if "document" in ARGS.series:
        rows += series(pipeline, "document", sizes["document"], lambda n: take_words(paras, n), "words")
    if "dates" in ARGS.series:
        rows += series(pipeline, "dates", sizes["dates"], dates_text, "dates")
    if "lines" in ARGS.series:
        rows += lines_series(pipeline, paras, QUICK_LINE_BYTES if ARGS.quick else LINE_BYTES)
    if ARGS.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
