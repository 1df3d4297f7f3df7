"""`claimex run` as a library function: a batch of documents to JSONL.

:func:`run` processes every input with a :class:`~claimex.stages.Pipeline`,
writes one ``<doc_id>.jsonl`` per document (atomically) or streams all
records to a file object, and returns a :class:`Summary`. A document that
fails is recorded in the summary and the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from .records import RECORD_TYPES, dumps
from .stages import Input, Outcome, Pipeline
from .errors import ClaimexError, Errors
from .write import write_document, write_extracted_text


@dataclass
class Summary:
    documents: int = 0
    failed: list[str] = field(default_factory=list)  # one message per failed document
    records: Counter = field(default_factory=Counter)
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        counts = ", ".join(f"{t} {self.records.get(t, 0)}" for t in RECORD_TYPES[1:])
        ok = self.documents - len(self.failed)
        return f"claimex: {ok} of {self.documents} documents processed, {len(self.failed)} failed; records: {counts}" + (
            f"; {len(self.warnings)} warnings" if self.warnings else ""
        )


def unique_doc_ids(inputs: list[Input]) -> list[Input]:
    """Give every input a distinct doc_id (file stem; -2, -3 ... on a clash)."""
    from .ingest import doc_id_for

    seen: Counter = Counter()
    for inp in inputs:
        base = inp.doc_id or ("stdin" if inp.path == "<stdin>" else doc_id_for(inp.path))
        seen[base] += 1
        inp.doc_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return inputs


def run(
    inputs: list[Input],
    pipeline: Pipeline,
    *,
    out_dir: str | Path | None = None,
    stream: TextIO | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Process ``inputs``; write to ``out_dir`` or, with ``stream``, to one stream."""
    summary = Summary(documents=len(inputs))
    unique_doc_ids(inputs)
    for out in pipeline.process(inputs):
        if out.ok and out.doc.original is not None:
            _place_extracted_text(out, out_dir, stream)
        if out.ok:
            if stream is not None:
                for rec in out.records:
                    stream.write(dumps(rec) + "\n")
            else:
                summary.written.append(write_document(out.records, out_dir, out.doc.doc_id))
            summary.records.update(r["type"] for r in out.records if r["type"] != "document")
            summary.warnings.extend(f"{out.input.path}: {w}" for w in out.doc.warnings)
        else:
            summary.failed.append(out.error)
        if on_outcome is not None:
            on_outcome(out)
    return summary


def _place_extracted_text(out: Outcome, out_dir, stream) -> None:
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
