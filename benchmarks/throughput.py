"""Throughput of claimex: against bare spaCy, and with worker processes.

All sides run in this one benchmark, on the same texts (the corpus plus the
test texts, repeated to at least --words words), with the same model:

* ``bare``: ``nlp.pipe(texts)`` over the raw source texts, in this process,
  the stock pipeline;
* ``table``: the same with the attribute ruler read from look-up tables
  (``claimex.attribute_table.pipe``, the parse claimex runs: the same token
  attributes, a faster ruler);
* ``jobs 1``: the claimex engine of ``claimex run`` (ingest, segment, parse,
  extract, resolve, records; no disk writes), in this process;
* ``jobs N``: the same with N spawned worker processes (``claimex run
  --jobs N``), started and warmed before the rounds;
* ``dask N`` (with ``--dask N``): the same on a dask.distributed LocalCluster
  of N worker processes (``claimex run --engine dask``).

The machine is shared and noisy, so absolute words/s mean little. Each round
runs the sides one after the other (their order rotating from round to
round) and the ratios are taken *within* a round: ``jobs 1 / bare`` (wall
clock and this process's CPU time; the CPU-time ratio is the steadier), what
a user gets against stock spaCy; ``jobs 1 / table``, claimex's own overhead
over the parse it runs (the faster ruler is no part of it); and ``jobs N /
jobs 1`` (wall clock). The median over the rounds is given with
the spread (min-max). For every measurement the CPU time the *other*
processes of the machine used (from /proc/stat, ours subtracted) is taken
too: a round where others used more than a quarter of a core is marked busy.

Then a length table: one document of growing length (corpus paragraphs
repeated), its time per word and that relative to the shortest; flat is
linear.

    python benchmarks/throughput.py [--words 100000] [--rounds 5] [--jobs 2] [--dask 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not benchmarks/: its statistics.py would shadow the standard library's

from claimex.attribute_table import pipe as table_pipe  # noqa: E402
from claimex.engines import LocalEngine, ProcessEngine  # noqa: E402
from claimex.ingest import read_source  # noqa: E402
from claimex.stages import Input, Pipeline  # noqa: E402

BUSY = 0.25  # cores used by other processes above which a measurement is marked busy


def median(xs: list[float]) -> float:
    """(Not ``statistics.median``: ``benchmarks/statistics.py`` shadows that module here.)"""
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def default_texts() -> list[Path]:
    return [ROOT / "corpus", ROOT / "tests" / "data" / "texts"]


def base_texts(sources: list[Path] | None = None) -> list[tuple[str, str]]:
    files: list[Path] = []
    for src in sources or default_texts():
        files += [src] if src.is_file() else sorted(f for f in src.glob("*") if f.is_file())
    return [(f.stem, read_source(f)) for f in files if f.suffix in (".md", ".txt")]


def load_texts(min_words: int, sources: list[Path] | None = None) -> list[tuple[str, str]]:
    base = base_texts(sources)
    out, words, k = [], 0, 0
    while words < min_words:
        name, text = base[k % len(base)]
        out.append((f"{name}-{k}", text))
        words += len(text.split())
        k += 1
    return out


# -- CPU accounting (Linux /proc; None elsewhere) ----------------------------


def _machine_busy() -> float | None:
    """Seconds of CPU time the whole machine has spent busy (all cores)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(x) for x in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    try:
        parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wall time, our CPU time (this process and the given workers), others' cores."""

    def __init__(self, workers: list[int] | None = None):
        self.workers = workers or []

    def __enter__(self):
        self.t0, self.c0 = time.perf_counter(), time.process_time()
        self.w0 = [_proc_cpu(p) for p in self.workers]
        self.m0 = _machine_busy()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.c0
        self.per_worker = [_proc_cpu(p) - c for p, c in zip(self.workers, self.w0, strict=True)]
        ours = self.cpu + sum(self.per_worker)
        m1 = _machine_busy()
        self.others = None if self.m0 is None or m1 is None else max(0.0, (m1 - self.m0 - ours) / self.wall)

    @property
    def critical_cpu(self) -> float:
        """The CPU time of the busiest of our processes: the wall time with a free core each."""
        return max([self.cpu, *self.per_worker])


def _spread(xs: list[float]) -> str:
    return f"{median(xs):.3f} [{min(xs):.3f}-{max(xs):.3f}]"


def _inputs(texts):
    return [Input(f"{n}.md", text=t, doc_id=n) for n, t in texts]


def same_tokens(nlp, texts, batch_size: int) -> None:
    """Stop unless the table side gives every token the stock pipeline's analysis
    (Doc.to_bytes equal: tags, parse, morphology, lemmas, entities)."""
    plain = (t for _, t in texts)
    for (name, _), a, b in zip(texts, nlp.pipe(plain, batch_size=batch_size), table_pipe(nlp, (t for _, t in texts), batch_size), strict=True):
        if a.to_bytes() != b.to_bytes():
            raise SystemExit(f"benchmark: the attribute table changes the analysis of {name}")


def measure_sides(texts, local: LocalEngine, pool: ProcessEngine | None, nlp, batch_size: int, rounds: int, cluster=None) -> list[dict]:
    """One dict per round: side -> Meter."""
    workers = list(pool._pool._processes) if pool is not None else []  # the worker pids (benchmark only)
    dask_workers = list(cluster.client.run(os.getpid).values()) if cluster is not None else []

    def bare():
        for _doc in nlp.pipe((t for _, t in texts), batch_size=batch_size):
            pass

    def table():
        for _doc in table_pipe(nlp, (t for _, t in texts), batch_size):
            pass

    def run(engine):
        def go():
            failed = [r.error for r in engine.map(_inputs(texts)) if not r.ok]
            if failed:
                raise SystemExit(f"benchmark: {len(failed)} documents failed, first: {failed[0]}")

        return go

    sides = {"bare": bare, "table": table, "jobs 1": run(local)}
    if pool is not None:
        sides[f"jobs {pool.jobs}"] = run(pool)
    if cluster is not None:
        sides[f"dask {len(dask_workers)}"] = run(cluster)
    names = list(sides)
    pids = {f"jobs {pool.jobs}" if pool else "": workers, f"dask {len(dask_workers)}": dask_workers}
    out = []
    for r in range(rounds):
        got = {}
        for name in names[r % len(names) :] + names[: r % len(names)]:  # rotate the order
            with Meter(pids.get(name)) as m:
                sides[name]()
            got[name] = m
        out.append(got)
    return out


def summarise(rounds: list[dict], words: int, jobs: int | None) -> dict:
    med = lambda xs: median(xs)  # noqa: E731
    res = {
        "words_per_s": {k: round(med([words / r[k].wall for r in rounds])) for k in rounds[0]},
        # per core, whatever else runs: words over the CPU time of the busiest of our processes
        "cpu_words_per_s": {k: round(med([words / r[k].critical_cpu for r in rounds])) for k in rounds[0]},
        "ratio_vs_bare": [round(r["bare"].wall / r["jobs 1"].wall, 3) for r in rounds],
        "cpu_ratio_vs_bare": [round(r["bare"].cpu / r["jobs 1"].cpu, 3) for r in rounds],
        "ratio_vs_table": [round(r["table"].wall / r["jobs 1"].wall, 3) for r in rounds],
        "cpu_ratio_vs_table": [round(r["table"].cpu / r["jobs 1"].cpu, 3) for r in rounds],
        "cpu_table_over_bare": [round(r["bare"].cpu / r["table"].cpu, 3) for r in rounds],
        "others_cores": [round(max((m.others or 0.0) for m in r.values()), 2) for r in rounds],
    }
    if jobs:
        res[f"jobs{jobs}_over_jobs1"] = [round(r["jobs 1"].wall / r[f"jobs {jobs}"].wall, 3) for r in rounds]
        res[f"jobs{jobs}_over_jobs1_cpu"] = [round(r["jobs 1"].cpu / r[f"jobs {jobs}"].critical_cpu, 3) for r in rounds]
    for k in rounds[0]:
        if k.startswith("dask"):
            res["dask_over_jobs1"] = [round(r["jobs 1"].wall / r[k].wall, 3) for r in rounds]
            res["dask_over_jobs1_cpu"] = [round(r["jobs 1"].cpu / r[k].critical_cpu, 3) for r in rounds]
            res["dask_workers"] = int(k.split()[1])
    return res


def _scaling():
    """benchmarks/scaling.py (its document series: corpus paragraphs repeated to n words)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("claimex_bench_scaling", Path(__file__).with_name("scaling.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def length_table(pipeline: Pipeline, lengths: list[int]) -> list[dict]:
    """CPU time per word for one document of each length, built as scaling.py builds its
    ``document`` series (``python benchmarks/scaling.py`` for the full series, to 200k words)."""
    sc = _scaling()
    paras = sc.corpus_paragraphs(ROOT / "corpus")
    sc.cpu_time(pipeline, sc.take_words(paras, 500))  # warm-up
    rows = []
    for n in lengths:
        text = sc.take_words(paras, n)
        words = len(text.split())
        cpu = sc.cpu_time(pipeline, text)
        rows.append({"words": words, "cpu_s": round(cpu, 2), "us_per_word": round(1e6 * cpu / words, 1)})
    base = rows[0]["us_per_word"]
    for r in rows:
        r["relative"] = round(r["us_per_word"] / base, 2)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100_000, help="minimum words per round (default 100000)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds; each runs every side once (default 5)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the parallel side (default 2; 0 skips it)")
    ap.add_argument("--dask", type=int, default=0, help="also a dask.distributed LocalCluster of N worker processes (default 0: no)")
    ap.add_argument("--lengths", default="1000,4000,16000,64000", help="document lengths in words for the length table ('' skips it)")
    ap.add_argument("--model", default=None, help="spaCy model (default from models/pipeline.toml)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--texts", nargs="+", type=Path, default=None, help="files or folders of .txt/.md texts (default: corpus/ and tests/data/texts/)")
    args = ap.parse_args(argv)

    local = LocalEngine(Pipeline(args.model), settle=True)  # as `claimex run` (--jobs 1) runs it
    model = local.model
    nlp, pipeline = local.pipeline.nlp, local.pipeline
    texts = load_texts(args.words, args.texts)
    words = sum(len(t.split()) for _, t in texts)
    pool = ProcessEngine(args.model, args.jobs) if args.jobs > 1 else None
    if pool is not None:
        pool.model  # noqa: B018 - start the workers and load the model in each, before the rounds
    cluster = None
    if args.dask:
        from claimex.engines import DaskEngine

        cluster = DaskEngine(args.model, workers=args.dask)
        cluster.model  # noqa: B018 - load the model on every worker
    # warm-up (first-call costs: lexeme cache, lazy imports), every side
    for _ in nlp.pipe([t for _, t in texts[:8]]):
        pass
    same_tokens(nlp, base_texts(args.texts), pipeline.batch_size)  # and the table's warm-up
    for engine in (local, pool, cluster):
        if engine is not None:
            list(engine.map(_inputs(texts[: 8 * max(args.jobs, args.dask, 1)])))
    load0 = os.getloadavg()[0]
    rounds = measure_sides(texts, local, pool, nlp, pipeline.batch_size, args.rounds, cluster)
    for engine in (pool, cluster):
        if engine is not None:
            engine.close()
    res = {"documents": len(texts), "words": words, "model": model, "rounds": args.rounds, "cores": os.cpu_count(), "loadavg_before": round(load0, 2)}
    res.update(summarise(rounds, words, args.jobs if pool else None))
    lengths = [int(x) for x in args.lengths.split(",") if x.strip()]
    res["length_table"] = length_table(pipeline, lengths) if lengths else []
    if args.json:
        print(json.dumps(res))
    else:
        report(res, args.jobs if pool else None)
    return 0


def report(res: dict, jobs: int | None) -> None:
    print(f"{res['documents']} documents, {res['words']} words per round, model {res['model']}, {res['cores']} cores, load average before {res['loadavg_before']}")
    for side, wps in res["words_per_s"].items():
        cpu = res["cpu_words_per_s"][side]
        print(f"  {side:7s}: {wps:8d} words/s wall clock, {cpu:8d} words/s of CPU time of the busiest process (median of {res['rounds']} rounds)")
    busy = [i for i, o in enumerate(res["others_cores"]) if o > BUSY]
    print("ratios within a round, median [min-max]:")
    print(f"  jobs 1 / bare nlp.pipe : {_spread(res['ratio_vs_bare'])} wall clock, {_spread(res['cpu_ratio_vs_bare'])} CPU time (against stock spaCy)")
    print(f"  jobs 1 / table nlp.pipe: {_spread(res['ratio_vs_table'])} wall clock, {_spread(res['cpu_ratio_vs_table'])} CPU time (claimex's overhead over its own parse)")
    print(f"  (table / bare nlp.pipe : {_spread(res['cpu_table_over_bare'])} CPU time: the parse with the attribute ruler as tables, same token attributes)")
    if jobs:
        print(f"  jobs {jobs} / jobs 1       : {_spread(res[f'jobs{jobs}_over_jobs1'])} wall clock, {_spread(res[f'jobs{jobs}_over_jobs1_cpu'])} CPU time")
    if "dask_over_jobs1" in res:
        print(f"  dask {res['dask_workers']} / jobs 1       : {_spread(res['dask_over_jobs1'])} wall clock, {_spread(res['dask_over_jobs1_cpu'])} CPU time (LocalCluster)")
    if jobs or "dask_over_jobs1" in res:
        print("  (CPU time for N processes: jobs 1's CPU time over the busiest process's, i.e. the speed-up with a free core each;")
        print("   the wall-clock ratio is what the machine gave, and is low when other processes hold the cores)")
    load = f"; busy (> {BUSY}) in rounds {', '.join(str(i + 1) for i in busy)}" if busy else "; the machine was quiet"
    print(f"  other processes used {_spread(res['others_cores'])} cores at most per round{load}")
    if res["length_table"]:
        print("one document of growing length (CPU time; relative = us/word over the shortest's):")
        print(f"  {'words':>8s} {'cpu s':>8s} {'us/word':>8s} {'relative':>8s}")
        for r in res["length_table"]:
            print(f"  {r['words']:8d} {r['cpu_s']:8.2f} {r['us_per_word']:8.1f} {r['relative']:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
