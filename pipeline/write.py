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
from .resume import build_fingerprint

# the attributes each record type carries, in output order
RECORD_FIELDS = {
    "entity": ("label", "canonical", "title", "rule"),
    "date": ("timex_type", "value", "mod", "anchor", "rule"),
    "quote": ("kind", "speakers", "speaker_spans", "cue"),
    "recommendation": ("trigger", "actor", "action", "holder", "strength", "polarity", "rule"),
    "statistic": ("value", "unit", "measure", "subject", "time", "source", "approx", "comparison", "quote", "rule"),
}
# fields that point at another record by its span: field -> the record type
REFERENCES = {"time": "date", "quote": "quote"}

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


def _source_name(doc: Document) -> str:
    """What the document record's ``source`` names: the input file, or for an HTML,
    PDF or DOCX input the extracted text (``<doc_id>.txt``, set to its path when written)."""
    if doc.source.path == "<stdin>":
        return "<stdin>"
    if doc.original is not None:
        return f"{doc.doc_id}.txt"
    return display_path(doc.source.path)


def document_record(doc: Document, model: str | None) -> dict:
    m = doc.meta
    rec = {
        "doc_id": doc.doc_id,
        "type": "document",
        "id": f"{doc.doc_id}:document:0",
        "schema_version": SCHEMA_VERSION,
        "source": _source_name(doc),
        "sha256": doc.source.sha256,
        "title": m.title,
        "authors": list(m.authors),
        "published": m.published,
        "series": m.series,
        "number": m.number,
        "key_points": [source_span(doc, s) for s in m.key_points],
        "disclaimer": source_span(doc, m.disclaimer) if m.disclaimer else None,
        "pipeline": {"version": __version__, "model": model, "build": build_fingerprint()},
    }
    if doc.original is not None:
        o = doc.original
        rec["original"] = o.record(o.path if o.path == "<stdin>" else display_path(o.path))
    return rec


def _value(doc: Document, v, span_ids: dict):
    if isinstance(v, Span):
        return source_span(doc, v)
    if isinstance(v, tuple) and v and all(isinstance(x, Span) for x in v):
        return [source_span(doc, x) for x in v]
    if isinstance(v, tuple):
        return list(v)
    return v


def _unique(doc: Document, rtype: str) -> list:
    """The mentions of a type sorted by span, one per span."""
    mentions = sorted(doc.mentions.get(rtype, []), key=lambda m: (m.start, m.end))
    seen, unique = set(), []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            unique.append(m)
    return unique


def _comparison(v, ids: dict):
    if v is None:
        return None
    return {"direction": v.direction, "with": ids.get(v.with_) if v.with_ is not None else None, "cue": None}


def build_records(doc: Document, model: str | None) -> list[dict]:
    recs = [document_record(doc, model)]
    by_type = {rtype: _unique(doc, rtype) for rtype in RECORD_TYPES[1:]}
    all_ids = {rtype: {Span(m.start, m.end): f"{doc.doc_id}:{rtype}:{n}" for n, m in enumerate(ms)} for rtype, ms in by_type.items()}
    for rtype in RECORD_TYPES[1:]:
        unique = by_type[rtype]
        ids = all_ids[rtype]
        for n, m in enumerate(unique):
            rec = {"doc_id": doc.doc_id, "type": rtype, "id": f"{doc.doc_id}:{rtype}:{n}"}
            rec.update(source_span(doc, Span(m.start, m.end)))
            for field in RECORD_FIELDS[rtype]:
                v = getattr(m, field)
                if field == "anchor" and isinstance(v, Span):
                    v = ids.get(v)
                elif field in REFERENCES and rtype == "statistic":
                    v = all_ids[REFERENCES[field]].get(v) if isinstance(v, Span) else None
                elif field == "comparison":
                    v = _comparison(v, ids)
                    if v is not None and m.comparison.cue is not None:
                        v["cue"] = source_span(doc, m.comparison.cue)
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
    """Write ``<out_dir>/<doc_id>.jsonl`` atomically; never over another document's output.

    Raises :class:`~claimex.errors.WriteError` (one line, naming the file)
    when the file cannot be written or holds something else than an earlier
    output of this same document."""
    check_overwrite(out_dir, doc_id, records[0])
    return write_jsonl_atomic(Path(out_dir) / f"{doc_id}.jsonl", records)


def check_overwrite(out_dir: str | Path, doc_id: str, doc_record: dict) -> None:
    """Raise :class:`~claimex.errors.WriteError` when ``<out_dir>/<doc_id>.jsonl``
    exists and is not an earlier output of the document of ``doc_record``."""
    target = Path(out_dir) / f"{doc_id}.jsonl"
    other = _other_owner(target, doc_record)
    if other is not None:
        raise WriteError(Errors.E030.format(path=target, other=other, remedy="remove it, or choose another -o or --doc-id"))


def _input_path(rec: dict) -> str | None:
    """The file a document record was made from: its original (HTML, PDF, DOCX) or its source."""
    original = rec.get("original")
    path = original.get("path") if isinstance(original, dict) else rec.get("source")
    return path if isinstance(path, str) else None


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
    theirs = _input_path(first) if isinstance(first, dict) and first.get("type") == "document" else None
    if theirs is None:
        return "a file that is not a claimex output"
    if first.get("doc_id") != doc_record["doc_id"]:
        return f"the output of document '{first.get('doc_id')}'"
    ours = _input_path(doc_record)
    if theirs == ours:
        return None
    found = find_source(target, theirs)
    try:
        if found is not None and ours not in (None, "<stdin>") and os.path.samefile(found, ours):
            return None
    except OSError:
        pass
    return f"the output of another document with the same id (source {theirs})"


def write_extracted_text(doc: Document, records: list[dict], out_dir: str | Path) -> Path:
    """Write the text extracted from an HTML, PDF or DOCX input as ``<doc_id>.txt``
    next to its JSONL (atomically) and point the document record's ``source`` at it.

    Never overwrites the input itself, nor a file that is not claimex's extracted
    text of the same original (same text, or named by ``<doc_id>.jsonl`` there).
    """
    from .errors import Errors, InputError
    from .records import atomic_file

    target = Path(out_dir) / f"{doc.doc_id}.txt"
    if doc.source.path != "<stdin>" and target.exists() and target.resolve() == Path(doc.source.path).resolve():
        raise InputError(Errors.E103.format(path=doc.source.path, target=target))
    if target.exists() and not _ours(target, doc):
        raise InputError(Errors.E102.format(target=target, path=doc.source.path))
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, newline="") as f:
        f.write(doc.source.text)
    records[0]["source"] = display_path(str(target))
    return target


def _ours(target: Path, doc: Document) -> bool:
    """An existing <doc_id>.txt claimex may replace: the same text, or the extracted
    text a previous run wrote for the same original (its JSONL says so)."""
    import json

    try:
        if target.read_bytes() == doc.source.text.encode("utf-8"):
            return True
        with open(target.with_suffix(".jsonl"), encoding="utf-8") as f:
            first = json.loads(f.readline())
    except (OSError, ValueError, RecursionError):
        return False
    original = first.get("original") if isinstance(first, dict) else None
    return isinstance(original, dict) and Path(str(first.get("source", ""))).name == target.name
