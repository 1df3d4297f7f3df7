"""Corpus scale: worker processes, Dask, resumable batches, light commands.

Engine tests with a stand-in task need no model; the end-to-end ones compare
the bytes `claimex run --jobs 2` / `--engine dask` write with `--jobs 1`, and
kill a real `claimex run` with SIGKILL and resume it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex import __version__
from claimex.cli import main
from claimex.engines import ProcessEngine, Result, chunks
from claimex.resume import build_fingerprint, split_done, up_to_date
from claimex.runner import run as run_batch
from claimex.stages import Input, collect_inputs
from claimex.write import display_path

from .conftest import TEXTS

CLAIMEX = str(Path(sys.executable).with_name("claimex"))

# -- engines with a stand-in task (no model) ----------------------------------------


def fake_work(model, inputs):
    """A worker task: 'boom' kills its worker process, 'raise' fails its task."""
    if any(inp.doc_id == "raise" for inp in inputs):
        raise RuntimeError("task failed")
    out = []
    for inp in inputs:
        if inp.doc_id == "boom":
            os._exit(3)
        out.append(Result(inp, records=[{"doc_id": inp.doc_id, "pid": os.getpid()}]))
    return out


def _ids(names):
    return [Input(f"{n}.txt", text="x", doc_id=n) for n in names]


def test_chunks_keep_order_and_limits():
    inputs = [Input(f"{i}.txt", text="x" * (50 if i != 3 else 500), doc_id=str(i)) for i in range(7)]
    groups = list(chunks(inputs, max_docs=3, max_bytes=200))
    assert [[i.doc_id for i in g] for g in groups] == [["0", "1", "2"], ["3"], ["4", "5", "6"]]


def test_a_worker_that_dies_fails_only_its_document():
    names = [f"d{i}" for i in range(6)] + ["boom"] + [f"e{i}" for i in range(6)]
    with ProcessEngine(None, 2, task=fake_work) as engine:
        results = list(engine.map(_ids(names)))
        again = list(engine.map(_ids(["after"])))  # the engine still works
    assert [r.input.doc_id for r in results] == names  # input order, one result each
    bad = [r for r in results if not r.ok]
    assert [r.input.doc_id for r in bad] == ["boom"]
    assert "worker process died" in bad[0].error and bad[0].error.startswith("boom.txt: ")
    assert again[0].ok
    assert len({r.records[0]["pid"] for r in results if r.ok}) >= 2  # really in several processes


def test_a_task_that_raises_fails_its_documents_and_the_batch_goes_on():
    names = ["a", "raise", "b"]
    with ProcessEngine(None, 2, task=fake_work) as engine:
        engine_chunks = list(engine.map(_ids(names)))
    assert [r.ok for r in engine_chunks] == [False, False, False]  # one chunk of three
    assert "internal error: RuntimeError: task failed" in engine_chunks[1].error


# -- resume: which outputs are up to date (no model) -----------------------------------


def _output(tmp_path, src: Path, doc_id="note", **changes) -> Path:
    import hashlib

    doc = {
        "doc_id": doc_id, "type": "document", "id": f"{doc_id}:document:0", "schema_version": 1,
        "source": display_path(str(src)), "sha256": hashlib.sha256(src.read_bytes()).hexdigest(),
        "title": None, "authors": [], "published": "2024-05-10", "series": None, "number": None, "key_points": [], "disclaimer": None,
        "pipeline": {"version": __version__, "model": "en_m-1", "build": build_fingerprint()},
    }  # fmt: skip
    for k, v in changes.items():
        if k in ("version", "model", "build"):
            doc["pipeline"][k] = v
        else:
            doc[k] = v
    out = tmp_path / "out" / f"{doc_id}.jsonl"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize(
    "changes, published, expected",
    [
        ({}, None, True),
        ({}, "2024-05-10", True),  # the same --published
        ({}, "2024-06-01", False),  # another --published
        ({"sha256": "0" * 64}, None, False),  # the source changed
        ({"version": "0.0.1"}, None, False),  # another claimex
        ({"build": "0123456789abcdef"}, None, False),  # other code or assets
        ({"model": "en_other-2"}, None, False),  # another model
        ({"source": "elsewhere/note.txt"}, None, False),  # the output of another file
        ({"doc_id": "other"}, None, False),
        ({"type": "entity"}, None, False),
    ],
)
def test_up_to_date(tmp_path, changes, published, expected):
    src = tmp_path / "note.txt"
    src.write_text("Some text.", encoding="utf-8")
    _output(tmp_path, src, **changes)
    inp = Input(str(src), doc_id="note", published=published)
    assert up_to_date(inp, tmp_path / "out", lambda: "en_m-1") is expected


def test_up_to_date_needs_a_readable_output_and_source(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("Some text.", encoding="utf-8")
    assert not up_to_date(Input(str(src), doc_id="note"), tmp_path / "out", lambda: "en_m-1")  # no output yet
    out = _output(tmp_path, src)
    out.write_text("{not json\n", encoding="utf-8")
    assert not up_to_date(Input(str(src), doc_id="note"), tmp_path / "out", lambda: "en_m-1")
    _output(tmp_path, src)
    src.unlink()
    assert not up_to_date(Input(str(src), doc_id="note"), tmp_path / "out", lambda: "en_m-1")  # processing reports it


def test_split_done_asks_for_the_model_only_when_an_output_exists(tmp_path):
    srcs = []
    for name in ("a", "b"):
        srcs.append(tmp_path / f"{name}.txt")
        srcs[-1].write_text(f"Text {name}.", encoding="utf-8")
    _output(tmp_path, srcs[1], doc_id="b")
    asked = []

    def model():
        asked.append(1)
        return "en_m-1"

    todo, done = split_done([Input(str(s), doc_id=s.stem) for s in srcs], tmp_path / "out", model)
    assert [i.doc_id for i in todo] == ["a"] and [i.doc_id for i in done] == ["b"]
    assert asked == [1]
    todo, done = split_done([Input(str(srcs[0]), doc_id="a")], tmp_path / "out", model)
    assert len(asked) == 1  # no output, no model needed


# -- end to end through the CLI -----------------------------------------------------------

DOCS = ["news_summit.txt", "claim_brief.md", "claim_news.txt"]


def _copy_inputs(tmp_path, names=DOCS) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for n in names:
        (src / n).write_bytes((TEXTS / n).read_bytes())
    return src


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.jsonl"))}


def _first_difference(a: dict[str, bytes], b: dict[str, bytes]) -> str:
    """The first line that differs between two folders' outputs (for a readable failure)."""
    for name in sorted(set(a) | set(b)):
        la, lb = a.get(name, b"").splitlines(), b.get(name, b"").splitlines()
        for i, (x, y) in enumerate(zip(la, lb, strict=False)):
            if x != y:
                return f"{name}:{i + 1}:\n  {x.decode()}\n  {y.decode()}"
        if len(la) != len(lb):
            return f"{name}: {len(la)} lines vs {len(lb)}"
    return ""


@pytest.mark.e2e
def test_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path):
    src = _copy_inputs(tmp_path)
    runner = CliRunner()
    one = runner.invoke(main, ["run", str(src), "-o", str(tmp_path / "one")])
    two = runner.invoke(main, ["run", str(src), "-o", str(tmp_path / "two"), "--jobs", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert _files(tmp_path / "one") == _files(tmp_path / "two") and len(_files(tmp_path / "one")) == len(DOCS)
    assert one.output.splitlines()[-1] == two.output.splitlines()[-1]  # the same summary line


@pytest.mark.e2e
def test_rerun_skips_what_is_up_to_date(tmp_path):
    src = _copy_inputs(tmp_path, DOCS[:2])
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(src), "-o", str(out)]).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = runner.invoke(main, ["run", str(src), "-o", str(out)])
    assert "0 of 2 documents processed, 2 skipped (up to date; --force redoes them), 0 failed" in again.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before  # not rewritten
    changed = src / DOCS[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOne more sentence about Chile.\n", encoding="utf-8")
    third = runner.invoke(main, ["run", str(src), "-o", str(out), "--jobs", "2"])
    assert "1 of 2 documents processed, 1 skipped" in third.output, third.output
    forced = runner.invoke(main, ["run", str(src), "-o", str(out), "--force", "-q"])
    assert forced.exit_code == 0 and all(p.stat().st_mtime_ns > before[p.name] for p in out.iterdir())


@pytest.mark.e2e
def test_same_stem_inputs_resume_each_from_its_own_output(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(f"Ministers from Chile and Peru met in Lima ({sub}). They said talks should go on.", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["run", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)])
    assert first.exit_code == 0 and sorted(p.name for p in out.iterdir()) == ["note-2.jsonl", "note.jsonl"]
    again = runner.invoke(main, ["run", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)])
    assert "0 of 2 documents processed, 2 skipped" in again.output
    # the other order gives each file the other's doc_id: an output of another source is never taken
    # as up to date (and the writer will not replace another document's output either)
    before = _files(out)
    swapped = runner.invoke(main, ["run", str(tmp_path / "b"), str(tmp_path / "a"), "-o", str(out)])
    assert "skipped" not in swapped.output and "0 of 2 documents processed, 2 failed" in swapped.output
    assert swapped.output.count("holds the output of another") == 2 and _files(out) == before


def _session_pids(sid: int) -> list[int]:
    """Live processes of session ``sid`` (Linux /proc)."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                pids.append(int(d.name))
    return pids


NOTE = (
    "Ministers from {a} and {b} met in {c} on {d} May 2024 to discuss water sharing. "
    "Officials said the talks should continue next year. The government of {a} must publish its river data, "
    "the minister of {b} told reporters. \u201cWe need a permanent commission,\u201d she said.\n"
)
PLACES = ["Chile", "Peru", "Bolivia", "Ghana", "Kenya", "Nepal", "Laos", "Oman", "Chad", "Fiji"]


@pytest.mark.e2e
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_killed_batch_resumes_where_it_stopped(tmp_path, pipeline):
    src = tmp_path / "in"
    src.mkdir()
    n = 80  # ten chunks of 8 documents: most still to do when the first output appears
    for i in range(n):
        a, b, c = PLACES[i % 10], PLACES[(i + 3) % 10], PLACES[(i + 7) % 10]
        (src / f"note{i:02d}.txt").write_text(NOTE.format(a=a, b=b, c=c, d=1 + i % 28), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [CLAIMEX, "run", str(src), "-o", str(out), "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not list(out.glob("*.jsonl")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)  # the batch, killed mid-way (its workers are left to notice)
    proc.wait()
    written = sorted(out.glob("*.jsonl"))
    assert 0 < len(written) < n, f"the kill did not land mid-batch ({len(written)} of {n} written)"
    deadline = time.monotonic() + 120
    while _session_pids(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _session_pids(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "worker processes outlived the killed batch"
    for f in written:  # every output there is complete: atomic writes
        lines = f.read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[0])["type"] == "document" and all(json.loads(x) for x in lines)
    resumed = subprocess.run([CLAIMEX, "run", str(src), "-o", str(out), "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{n - len(written)} of {n} documents processed, {len(written)} skipped" in resumed.stderr
    fresh = run_batch(collect_inputs([src])[0], pipeline, out_dir=tmp_path / "fresh")  # the model is loaded here already
    assert not fresh.failed
    assert _files(out) == _files(tmp_path / "fresh")  # as if never interrupted
    assert not [p.name for p in out.iterdir() if p.suffix != ".jsonl"]  # a write cut short left a .tmp file: removed


@pytest.mark.e2e
def test_dask_engine_writes_the_same_records_as_a_local_run(tmp_path):
    pytest.importorskip("dask.distributed")
    src = _copy_inputs(tmp_path, DOCS[:2])
    runner = CliRunner()
    local = runner.invoke(main, ["run", str(src), "-o", str(tmp_path / "local"), "-q"])
    dask = runner.invoke(main, ["run", str(src), "-o", str(tmp_path / "dask"), "--engine", "dask", "--jobs", "2", "-q"])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert _first_difference(_files(tmp_path / "local"), _files(tmp_path / "dask")) == ""
    assert len(_files(tmp_path / "dask")) == 2


def test_scheduler_needs_the_dask_engine(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(f), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output


# -- light commands do not import spaCy -------------------------------------------------


def test_help_validate_index_and_query_do_not_import_spacy(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("Peru spoke.", encoding="utf-8")
    out = _output(tmp_path, src, doc_id="s")
    code = f"""
import sys
from claimex.cli import main
for args in (["--help"], ["run", "--help"], ["validate", {str(out)!r}], ["index", {str(out)!r}, "--db", {str(tmp_path / 'c.sqlite')!r}],
             ["query", "documents", "--db", {str(tmp_path / 'c.sqlite')!r}]):
    try:
        main(args)
    except SystemExit as exc:
        assert not exc.code, (args, exc.code)
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc", "numpy", "dask", "distributed"))
print("HEAVY", heavy)
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "HEAVY []" in res.stdout, res.stdout[-300:]
