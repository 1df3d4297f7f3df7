"""Memory over a long batch: resident set size every N documents.

Runs ``claimex run``'s engine (this process, or --jobs N worker processes)
over --docs short generated commentaries (default 10,000; a few minutes),
writing every output to a temporary folder as the CLI does, and prints the
RSS of this process (and of each worker) every --every documents. The
documents are made from templates, with names, places and numbers drawn at
random (seeded): many words are new to the model's vocabulary, as in a real
corpus. Memory is flat when the RSS after the first interval stays within a
few per cent.

    python benchmarks/memory.py [--docs 10000] [--every 1000] [--jobs 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not benchmarks/: its statistics.py would shadow the standard library's

from claimex.engines import LocalEngine, ProcessEngine  # noqa: E402
from claimex.runner import run  # noqa: E402
from claimex.stages import Input, Pipeline  # noqa: E402

PLACES = "Chile Peru Ghana Kenya Nepal Laos Oman Chad Fiji Norway Brazil Vietnam Morocco Jordan Poland Canada Egypt Mexico".split()
ROLES = "minister ambassador spokesperson analyst envoy adviser".split()
SYLLABLES = "ka lo mi ren sa to vi da ne ru be an el or is ma ko te".split()
TOPICS = ["water sharing", "fishing rights", "a trade deal", "grain exports", "border crossings", "power lines", "river data"]
TEMPLATES = [
    "{P1} and {P2} met in {P3} on {day} {month} {year} to discuss {topic}.",
    "The {role} of {P1}, {name}, said the talks should continue next year.",
    "\u201cWe need a permanent commission on {topic},\u201d {name} told reporters.",
    "{P2} must publish its figures before {month}, according to {name}.",
    "Exports rose by {pct} per cent in {year}, officials said.",
    "Analysts warned that the agreement could collapse within {n} months.",
]
MONTHS = "January February March April May June July August September October November December".split()


def person(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def document(rng: random.Random) -> str:
    title = f"{rng.choice(PLACES)} and {rng.choice(PLACES)} weigh {rng.choice(TOPICS)}"
    values = {
        "P1": rng.choice(PLACES), "P2": rng.choice(PLACES), "P3": rng.choice(PLACES), "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS), "year": rng.randint(1995, 2030), "topic": rng.choice(TOPICS), "role": rng.choice(ROLES),
        "name": person(rng), "pct": rng.randint(2, 90), "n": rng.randint(2, 24),
    }  # fmt: skip
    body = " ".join(t.format(**values) for t in rng.sample(TEMPLATES, 4))
    return f"{title}\n\n{body}\n"


def rss_kb(pid: str | int = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the batch (default 10000)")
    ap.add_argument("--every", type=int, default=1000, help="print RSS every N documents (default 1000)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: this process)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not Path("/proc/self/status").exists():
        print("memory benchmark: needs Linux /proc; skipped", file=sys.stderr)
        return 0

    rng = random.Random(args.seed)
    inputs = [Input(f"gen-{i:05d}.txt", text=document(rng), doc_id=f"gen-{i:05d}") for i in range(args.docs)]
    words = sum(len(i.text.split()) for i in inputs)
    engine = ProcessEngine(None, args.jobs) if args.jobs > 1 else LocalEngine(Pipeline(), settle=True)
    engine.model  # noqa: B018 - load the model (in every worker) first
    workers = list(engine._pool._processes) if args.jobs > 1 else []  # the worker pids (benchmark only)
    rows: list[dict] = []
    done = 0
    t0 = time.perf_counter()

    def sample(_result=None):
        nonlocal done
        done += _result is not None
        if _result is None or done % args.every == 0:
            rows.append({"documents": done, "rss_mb": round(rss_kb() / 1024, 1), "workers_mb": [round(rss_kb(p) / 1024, 1) for p in workers], "seconds": round(time.perf_counter() - t0, 1)})
            if not args.json:
                r = rows[-1]
                extra = f"  workers {', '.join(f'{w:.1f}' for w in r['workers_mb'])} MB" if workers else ""
                print(f"{r['documents']:6d} documents  {r['seconds']:7.1f} s  RSS {r['rss_mb']:7.1f} MB{extra}", flush=True)

    if not args.json:
        print(f"{args.docs} generated documents, {words} words, --jobs {args.jobs}")
    sample()
    with tempfile.TemporaryDirectory(prefix="claimex-memory-") as out:
        summary = run(inputs, engine, out_dir=out, on_outcome=sample)
    engine.close()
    total = lambda r: r["rss_mb"] + sum(r["workers_mb"])  # noqa: E731
    first = next((r for r in rows if r["documents"] >= args.every), rows[-1])
    growth = total(rows[-1]) - total(first)
    result = {"documents": args.docs, "words": words, "jobs": args.jobs, "failed": len(summary.failed), "samples": rows,
              "growth_after_first_interval_mb": round(growth, 1), "growth_pct": round(100 * growth / total(first), 1)}  # fmt: skip
    if args.json:
        print(json.dumps(result))
    else:
        print(f"growth from {first['documents']} to {rows[-1]['documents']} documents: {growth:+.1f} MB ({result['growth_pct']:+.1f}%); {len(summary.failed)} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
