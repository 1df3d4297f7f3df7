"""Stage 6, write: records in the contract, grounded in the source, atomically.

:func:`build_records` turns a resolved document into contract records: every
view span is mapped back to source offsets and its ``text`` is taken from the
source, so ``text == source[start:end]`` holds by construction (and is
checked again before anything is written). :func:`write_document` writes one
``<doc_id>.jsonl`` atomically.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import __version__
from .document import Document, Span
from .errors import Errors, WriteError
from .records import RECORD_TYPES, SCHEMA_VERSION, find_source, grounding_errors, write_jsonl_atomic

# the attributes each record type carries, in output order
RECORD_FIELDS = {
    "entity": ("label", "canonical", "title"),
    "date": ("timex_type", "value", "mod", "anchor"),
    "quote": ("kind", "speakers", "speaker_spans", "cue"),
    "recommendation": ("trigger", "actor", "action", "holder", "strength", "polarity"),
}


class GroundingBug(RuntimeError):
    """A record whose text is not its source span: a claimex bug, never written."""


def source_span(doc: Document, span: Span) -> dict:
    s, e = doc.view.source_span(span.start, span.end)
    return {"start": s, "end": e, "text": doc.source.text[s:e]}


def display_path(path: str) -> str:
    """The source path as recorded: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(Path(path).resolve())
    return rel if not rel.startswith("..") else str(Path(path).resolve())


def document_record(doc: Document, model: str | None) -> dict:
    m = doc.meta
    return {
        "doc_id": doc.doc_id,
        "type": "document",
        "id": f"{doc.doc_id}:document:0",
        "schema_version": SCHEMA_VERSION,
        "source": display_path(doc.source.path) if doc.source.path != "<stdin>" else "<stdin>",
        "sha256": doc.source.sha256,
        "title": m.title,
        "authors": list(m.authors),
        "published": m.published,
        "series": m.series,
        "number": m.number,
        "key_points": [source_span(doc, s) for s in m.key_points],
        "disclaimer": source_span(doc, m.disclaimer) if m.disclaimer else None,
        "pipeline": {"version": __version__, "model": model},
    }


def _value(doc: Document, v, span_ids: dict):
    if isinstance(v, Span):
        return source_span(doc, v)
    if isinstance(v, tuple) and v and all(isinstance(x, Span) for x in v):
        return [source_span(doc, x) for x in v]
    if isinstance(v, tuple):
        return list(v)
    return v


def build_records(doc: Document, model: str | None) -> list[dict]:
    recs = [document_record(doc, model)]
    for rtype in RECORD_TYPES[1:]:
        mentions = sorted(doc.mentions.get(rtype, []), key=lambda m: (m.start, m.end))
        # one record per span and type
        seen, unique = set(), []
        for m in mentions:
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                unique.append(m)
        ids = {Span(m.start, m.end): f"{doc.doc_id}:{rtype}:{n}" for n, m in enumerate(unique)}
        for n, m in enumerate(unique):
            rec = {"doc_id": doc.doc_id, "type": rtype, "id": f"{doc.doc_id}:{rtype}:{n}"}
            rec.update(source_span(doc, Span(m.start, m.end)))
            for field in RECORD_FIELDS[rtype]:
                v = getattr(m, field)
                if field == "anchor" and isinstance(v, Span):
                    v = ids.get(v)
                elif field == "speakers":
                    v = list(v)
                else:
                    v = _value(doc, v, ids)
                rec[field] = v
            recs.append(rec)
    for rec in recs:
        errs = grounding_errors(rec, doc.source.text)
        if errs:
            raise GroundingBug(f"{doc.source.path}: {rec['id']}: {errs[0]}")
    return recs


def write_document(records: list[dict], out_dir: str | Path, doc_id: str) -> Path:
    """Write ``<out_dir>/<doc_id>.jsonl`` atomically; never over another document's output.

    Raises :class:`~claimex.errors.WriteError` (one line, naming the file)
    when the file cannot be written or holds something else than an earlier
    output of this same document."""
    target = Path(out_dir) / f"{doc_id}.jsonl"
    other = _other_owner(target, records[0])
    if other is not None:
        raise WriteError(Errors.E030.format(path=target, other=other, remedy="remove it, or choose another -o or --doc-id"))
    return write_jsonl_atomic(target, records)


def _other_owner(target: Path, doc_record: dict) -> str | None:
    """What ``target`` holds when it is not an earlier output of the document
    of ``doc_record`` (None when it does not exist or is one)."""
    if not target.exists() and not target.is_symlink():
        return None
    if not target.is_file():
        return "something that is not a file"
    try:
        with open(target, "rb") as fh:
            first = json.loads(fh.readline(1 << 20) or b"null")
    except (OSError, ValueError, RecursionError):
        first = None
    if not (isinstance(first, dict) and first.get("type") == "document" and isinstance(first.get("source"), str)):
        return "a file that is not a claimex output"
    if first.get("doc_id") != doc_record["doc_id"]:
        return f"the output of document '{first.get('doc_id')}'"
    if first["source"] == doc_record["source"]:
        return None
    theirs, ours = find_source(target, first["source"]), doc_record["source"]
    try:
        if theirs is not None and ours != "<stdin>" and os.path.samefile(theirs, ours):
            return None
    except OSError:
        pass
    return f"the output of another document with the same id (source {first['source']})"
