"""Where documents are processed: this process, worker processes, or a Dask cluster.

An *engine* turns a list of :class:`~claimex.stages.Input` into
:class:`Result` objects, **in input order**, one per input, whatever happens
to any one document. The runner (``runner.py``) decides what to process
(resume) and writes every result itself, so the records of a run are the
same whichever engine made them.

* :class:`LocalEngine`: ``Pipeline.process`` in this process (``--jobs 1``).
* :class:`ProcessEngine`: ``--jobs N`` spawned worker processes; each loads
  the assets and the spaCy model once (nothing is pickled but inputs and
  records). A worker that dies (killed, out of memory) is replaced; the
  documents it held are redone one at a time, so only the one that kills a
  worker fails.
* :class:`DaskEngine` (``--engine dask``): the same work on a
  dask.distributed cluster; the client reads the input files and sends
  their bytes, workers need no shared file system and load the model once
  (a per-process cache).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .errors import ClaimexError
from .stages import Input, Outcome, Pipeline

CHUNK_DOCS = 8  # documents per task (Pipeline.process batches nlp.pipe across them)
CHUNK_BYTES = 256_000  # ... or fewer, so long documents travel alone


@dataclass
class Result:
    """What the runner needs from one processed document (picklable, light)."""

    input: Input
    records: list[dict] | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False  # its output was up to date: not processed
    # for an HTML/PDF/DOCX input only: its source (the extracted text) and original,
    # which the runner writes next to the records (a Document without view or parses)
    doc: Document | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def result_of(out: Outcome) -> Result:
    doc = out.doc
    warnings = list(doc.warnings) if doc is not None else []
    light = Document(doc.source, None, None, original=doc.original) if doc is not None and doc.original is not None else None
    return Result(out.input, out.records, warnings, out.error, doc=light)


def failed(inp: Input, reason: str) -> Result:
    return Result(inp, error=f"{inp.path}: {reason}")


def chunks(inputs: Iterable[Input], max_docs: int = CHUNK_DOCS, max_bytes: int = CHUNK_BYTES) -> Iterator[list[Input]]:
    """Consecutive groups of inputs, at most max_docs documents or about max_bytes."""
    group: list[Input] = []
    size = 0
    for inp in inputs:
        n = _size(inp)
        if group and (len(group) >= max_docs or size + n > max_bytes):
            yield group
            group, size = [], 0
        group.append(inp)
        size += n
    if group:
        yield group


def _size(inp: Input) -> int:
    if inp.data is not None:
        return len(inp.data)
    if inp.text is not None:
        return len(inp.text)
    try:
        return os.stat(inp.path).st_size
    except OSError:
        return 0


def loaded(pipeline: Pipeline) -> Pipeline:
    """The pipeline with its model loaded, and the loaded objects moved out of
    the garbage collector's sight (``gc.freeze``): they live as long as the
    process, and a full collection would otherwise walk the whole model
    again and again over a long batch."""
    import gc

    pipeline.nlp  # noqa: B018 - load now, once
    gc.collect()
    gc.freeze()
    return pipeline


class LocalEngine:
    """Everything in this process: the pipeline's own batching."""

    def __init__(self, pipeline: Pipeline, *, settle: bool = False):
        self.pipeline = pipeline
        self._settle = settle  # gc.freeze after loading: for a process that runs batches (the CLI)
        self._frozen = False

    @property
    def model(self) -> str:
        if self._settle and not self._frozen:
            loaded(self.pipeline)
            self._frozen = True
        return self.pipeline.model

    def map(self, inputs: list[Input]) -> Iterator[Result]:
        self.model  # noqa: B018 - load first
        for out in self.pipeline.process(inputs):
            yield result_of(out)

    def close(self) -> None:
        if self._frozen:  # this process goes on (a library caller, a test): let the model be freed
            import gc

            gc.unfreeze()
            self._frozen = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# -- worker side (a spawned process or a Dask worker) -----------------------

_WORKER: dict = {}
_WORKER_LOCK = threading.Lock()


def worker_pipeline(model: str | None) -> Pipeline:
    """This process's pipeline for ``model``, loaded on first use and kept."""
    with _WORKER_LOCK:
        if model not in _WORKER:
            _WORKER[model] = loaded(Pipeline(model))
        return _WORKER[model]


def work(model: str | None, inputs: list[Input]) -> list[Result]:
    """Process one chunk in a worker (spaCy is not thread-safe: one chunk at a time)."""
    pipeline = worker_pipeline(model)
    with _WORKER_LOCK:
        return [result_of(out) for out in pipeline.process(inputs)]


def worker_model(model: str | None) -> str:
    """The model identity a worker's pipeline writes into records (loads it)."""
    return worker_pipeline(model).model


def _init_process(parent: int, model: str | None, load: bool) -> None:
    """A worker process starts: it watches its parent, and loads the model."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="claimex-parent-watch").start()
    if load:
        with contextlib.suppress(ClaimexError):  # reported by the first task (worker_model raises it again)
            worker_pipeline(model)


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """Exit when the parent is gone (killed with SIGKILL: nothing told the pool):
    a worker would otherwise wait for work for ever."""
    import time

    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


# -- worker processes -------------------------------------------------------


class ProcessEngine:
    """``--jobs N``: N spawned worker processes, each loading the model once."""

    def __init__(self, model: str | None, jobs: int, *, window: int | None = None, task=None):
        self.requested = model
        self.jobs = jobs
        self.task = task or work  # a module-level function (model, inputs) -> results: tests swap it
        self.window = window or 2 * jobs  # tasks in flight: every worker busy, one queued
        self._pool = None
        self._model: str | None = None

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("spawn")  # never fork a process holding a model
        load = self.task is work  # load the model as each worker starts
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init_process, initargs=(os.getpid(), self.requested, load))
        return self._pool

    @property
    def pool(self):
        return self._pool or self._start()

    @property
    def model(self) -> str:
        """Start every worker (each loads the model) and return the model identity."""
        if self._model is None:
            futs = [self.pool.submit(worker_model, self.requested) for _ in range(self.jobs)]
            names = {f.result() for f in futs}  # a ClaimexError (no such model) is raised here
            self._model = names.pop()
        return self._model

    def map(self, inputs: list[Input]) -> Iterator[Result]:
        from concurrent.futures.process import BrokenProcessPool

        todo = deque(chunks(inputs))
        inflight: deque = deque()
        while todo or inflight:
            while todo and len(inflight) < self.window:
                group = todo.popleft()
                inflight.append((group, self.pool.submit(self.task, self.requested, group)))
            group, fut = inflight.popleft()
            try:
                yield from fut.result()
            except BrokenProcessPool:
                # a worker died: every document in flight is redone, one at a time,
                # so the one that kills a worker is the only one that fails
                redo = [inp for g in (group, *(g for g, _ in inflight)) for inp in g]
                inflight.clear()
                self._restart()
                for inp in redo:
                    yield self._alone(inp)
            except Exception as exc:  # e.g. a result that cannot be sent back
                yield from (failed(inp, f"internal error: {type(exc).__name__}: {exc}") for inp in group)

    def _alone(self, inp: Input) -> Result:
        from concurrent.futures.process import BrokenProcessPool

        try:
            (res,) = self.pool.submit(self.task, self.requested, [inp]).result()
            return res
        except BrokenProcessPool:
            self._restart()
            return failed(inp, "internal error: the worker process died while processing it")
        except Exception as exc:
            return failed(inp, f"internal error: {type(exc).__name__}: {exc}")

    def _restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._start()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# -- a Dask cluster ---------------------------------------------------------


class DaskEngine:
    """``--engine dask``: documents over a dask.distributed cluster.

    With ``scheduler`` (an address such as ``tcp://host:8786``) it connects to
    a running cluster; without, it starts a LocalCluster of ``workers``
    processes (one thread each). The client reads every input and sends its
    bytes; records come back to the client, which writes them.
    """

    def __init__(self, model: str | None, scheduler: str | None = None, *, workers: int | None = None, window: int | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ClaimexError("--engine dask needs dask.distributed: pip install 'claimex[dask]'") from None
        self.requested = model
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except OSError as exc:
                raise ClaimexError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
        else:
            n = workers or os.cpu_count() or 1
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.window = window or 2 * max(1, self.workers)
        self._model: str | None = None

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))

    @property
    def model(self) -> str:
        """Load the model on every worker; the identity it writes into records."""
        if self._model is None:
            names = self.client.run(worker_model, self.requested)  # every worker, now
            if not names:
                raise ClaimexError("the Dask cluster has no workers")
            self._model = next(iter(names.values()))
        return self._model

    def map(self, inputs: list[Input]) -> Iterator[Result]:
        todo = deque(chunks(inputs))
        inflight: deque = deque()
        while todo or inflight:
            while todo and len(inflight) < self.window:
                group = [_with_bytes(inp) for inp in todo.popleft()]
                inflight.append((group, self.client.submit(work, self.requested, group, pure=False)))
            group, fut = inflight.popleft()
            try:
                yield from fut.result()
            except Exception as exc:  # a worker died (KilledWorker) or the task failed
                yield from self._one_by_one(group, exc)

    def _one_by_one(self, group: list[Input], exc: Exception) -> Iterator[Result]:
        if len(group) == 1:
            yield failed(group[0], f"internal error on the cluster: {type(exc).__name__}: {exc}")
            return
        for inp in group:
            try:
                yield from self.client.submit(work, self.requested, [inp], pure=False).result()
            except Exception as exc2:
                yield failed(inp, f"internal error on the cluster: {type(exc2).__name__}: {exc2}")

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _with_bytes(inp: Input) -> Input:
    """The input as a worker elsewhere needs it: its bytes, and the path as recorded."""
    from dataclasses import replace

    from .write import display_path

    if inp.text is not None or inp.data is not None or inp.path == "<stdin>":
        return inp
    try:
        data = Path(inp.path).read_bytes()
    except OSError:
        return inp  # the worker reports it (missing, unreadable) as it would locally
    return replace(inp, path=display_path(inp.path), data=data)


def open_engine(model: str | None = None, *, jobs: int | None = None, engine: str = "local", scheduler: str | None = None, documents: int | None = None):
    """The engine ``claimex run`` options ask for (close it, or use it in a ``with``).

    ``jobs``: worker processes (local) or LocalCluster workers (dask); 0 means
    one per core. Locally, more workers than documents are never started and
    one job runs in this process.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(model, scheduler, workers=jobs)
    jobs = jobs or 1
    if documents is not None:
        jobs = max(1, min(jobs, documents))
    return ProcessEngine(model, jobs) if jobs > 1 else LocalEngine(Pipeline(model), settle=True)
