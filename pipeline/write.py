"""Stage 6, write: records in the contract, grounded in the source, atomically.

:func:`build_records` turns a resolved document into contract records: every
view span is mapped back to source offsets and its ``text`` is taken from the
source, so ``text == source[start:end]`` holds by construction (and is
checked again before anything is written). :func:`write_document` writes one
``<doc_id>.jsonl`` atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import __version__
from .document import Document, Span
from .records import RECORD_TYPES, SCHEMA_VERSION, grounding_errors, write_jsonl_atomic

# the attributes each record type carries, in output order
RECORD_FIELDS = {
    "entity": ("label", "canonical", "title"),
    "date": ("timex_type", "value", "mod", "anchor"),
    "quote": ("kind", "speakers", "speaker_spans", "cue"),
    "recommendation": ("trigger", "actor", "action", "holder", "strength", "polarity"),
}

# optional string fields written when set (the rule that made a record, the sieve that chose a speaker)
OPTIONAL_FIELDS = {"quote": ("rule", "speaker_rule")}


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
            for field in OPTIONAL_FIELDS.get(rtype, ()):
                v = getattr(m, field, None)
                if v:
                    rec[field] = v
            recs.append(rec)
    for rec in recs:
        errs = grounding_errors(rec, doc.source.text)
        if errs:
            raise GroundingBug(f"{doc.source.path}: {rec['id']}: {errs[0]}")
    return recs


def write_document(records: list[dict], out_dir: str | Path, doc_id: str) -> Path:
    return write_jsonl_atomic(Path(out_dir) / f"{doc_id}.jsonl", records)
