"""`claimex run` as a library function: a batch of documents to JSONL.

:func:`run` processes every input with a :class:`~claimex.stages.Pipeline`
or an engine (``engines.py``: worker processes, a Dask cluster), writes one
``<doc_id>.jsonl`` per document (atomically) or streams all records to a
file object, and returns a :class:`Summary`. A document that fails is
recorded in the summary and the batch goes on. Documents whose output is
already up to date are skipped unless ``force`` (``resume.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .engines import LocalEngine, Result
from .errors import ClaimexError, Errors
from .records import RECORD_TYPES, dumps, remove_stale_temps
from .resume import split_done
from .stages import Input, Pipeline
from .write import check_overwrite, write_document, write_extracted_text


@dataclass
class Summary:
    documents: int = 0
    failed: list[str] = field(default_factory=list)  # one message per failed document
    records: Counter = field(default_factory=Counter)
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0  # up to date from an earlier run

    def line(self) -> str:
        counts = ", ".join(f"{t} {self.records.get(t, 0)}" for t in RECORD_TYPES[1:])
        ok = self.documents - len(self.failed) - self.skipped
        skipped = f", {self.skipped} skipped (up to date; --force redoes them)" if self.skipped else ""
        return f"claimex: {ok} of {self.documents} documents processed{skipped}, {len(self.failed)} failed; records: {counts}" + (
            f"; {len(self.warnings)} warnings" if self.warnings else ""
        )


def unique_doc_ids(inputs: list[Input]) -> list[Input]:
    """Give every input a distinct doc_id, by construction.

    The id is the file stem (or the one given); a clash gets the first free
    ``-2``, ``-3`` ... that is neither taken nor any other input's own id, so
    ``a/x.md``, ``b/x.md``, ``c/x-2.md`` become ``x``, ``x-3``, ``x-2``. Ids
    are compared case-insensitively: ``X.jsonl`` and ``x.jsonl`` are one file
    on some file systems.
    """
    from .ingest import doc_id_for

    bases = [inp.doc_id or ("stdin" if inp.path == "<stdin>" else doc_id_for(inp.path)) for inp in inputs]
    reserved = {b.casefold() for b in bases}
    taken: set[str] = set()
    for inp, base in zip(inputs, bases, strict=True):
        cand, n = base, 1
        while cand.casefold() in taken or (n > 1 and cand.casefold() in reserved):
            n += 1
            cand = f"{base}-{n}"
        taken.add(cand.casefold())
        inp.doc_id = cand
    return inputs


def run(
    inputs: list[Input],
    pipeline: Pipeline,
    *,
    out_dir: str | Path | None = None,
    stream: TextIO | None = None,
    on_outcome: Callable[[Result], None] | None = None,
    force: bool = False,
) -> Summary:
    """Process ``inputs`` with ``pipeline`` (or an engine); write to ``out_dir``
    or, with ``stream``, to one stream. Without ``force``, inputs whose output in
    ``out_dir`` is up to date are skipped (and reported to ``on_outcome``)."""
    engine = pipeline if hasattr(pipeline, "map") else LocalEngine(pipeline)
    summary = Summary(documents=len(inputs))
    unique_doc_ids(inputs)
    if stream is None:
        _prepare_out_dir(out_dir)
    todo = inputs
    if stream is None and not force:
        todo, done = split_done(inputs, out_dir, lambda: engine.model)
        summary.skipped = len(done)
        for inp in done:
            if on_outcome is not None:
                on_outcome(Result(inp, skipped=True))
    for out in engine.map(todo):
        if out.ok:
            _emit(out, stream, out_dir, summary)
        if out.ok:  # still: writing may have failed it
            summary.records.update(r["type"] for r in out.records if r["type"] != "document")
            summary.warnings.extend(f"{out.input.path}: {w}" for w in out.warnings)
        else:
            summary.failed.append(out.error)
        if on_outcome is not None:
            on_outcome(out)
    return summary


def _emit(out: Result, stream: TextIO | None, out_dir, summary: Summary) -> None:
    """Write one document's records (and an HTML/PDF/DOCX input's extracted
    text); a write error fails this document only. Nothing is written when
    the output file belongs to another document."""
    if stream is None:
        try:
            check_overwrite(out_dir, out.input.doc_id, out.records[0])
        except ClaimexError as exc:
            out.error = str(exc)
            return
    if out.doc is not None and out.doc.original is not None:  # an HTML/PDF/DOCX input
        _place_extracted_text(out, out_dir, stream)
        if not out.ok:
            return
    if stream is not None:
        try:
            stream.write("".join(dumps(rec) + "\n" for rec in out.records))
        except OSError as exc:
            out.error = Errors.E029.format(path=getattr(stream, "name", "<stream>"), reason=exc.strerror or type(exc).__name__)
        return
    try:
        summary.written.append(write_document(out.records, out_dir, out.input.doc_id))
    except ClaimexError as exc:
        out.error = str(exc)


def _prepare_out_dir(out_dir) -> None:
    """Before a run: the temporary files an interrupted run left are removed.
    (A write past a file-size limit fails with EFBIG, one document's error:
    Python ignores SIGXFSZ.)"""
    if out_dir is not None and Path(out_dir).is_dir():
        remove_stale_temps(out_dir)


def _place_extracted_text(out: Result, out_dir, stream) -> None:
    """Write an HTML/PDF/DOCX input's extracted text next to its records (or fail the document)."""
    try:
        if stream is None:
            write_extracted_text(out.doc, out.records, out_dir)
        elif out.doc.source.path != "<stdin>":
            raise ClaimexError(Errors.E100.format(path=out.input.path, fmt=out.doc.original.format.upper()))
    except ClaimexError as exc:
        out.error = str(exc)
    except OSError as exc:
        out.error = f"{out.input.path}: cannot write the extracted text ({exc.strerror or exc})"
