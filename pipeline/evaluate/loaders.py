"""Load the PRED and GOLD sides of an evaluation into documents.

A side is a file or a folder (its ``*.jsonl``, ``*.tml`` and ``*.ann`` files,
not recursive; review logs are skipped, see ``records.is_review_log``). JSONL records are
grouped by ``doc_id``; a TimeML or brat file is one document named after its
file (converted by :mod:`claimex.formats`). Every record is checked against
the record contract; the first problem stops the evaluation with a
``file:line: message`` error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimexError, Errors, EvalErrors, InputError, RecordError
from ..formats import MULTI_SUFFIXES, read_gold_documents
from ..formats import SUFFIXES as CONVERTED_SUFFIXES
from ..ingest import read_source
from ..records import Line, find_source, grounding_errors, group_by_doc, is_review_log, read_jsonl, schema_errors
from .matching import SCORED_TYPES, VERSION_1_TYPES

SUFFIXES = (".jsonl",) + CONVERTED_SUFFIXES


@dataclass
class Doc:
    """One document of one side."""

    doc_id: str
    path: str  # the file it came from
    types: frozenset[str]  # the record types it annotates (gold) or predicts
    lines: dict[str, list[Line]] = field(default_factory=dict)  # span records by type
    document: dict | None = None  # the document record
    text: str | None = None  # the text, when the format carries it (TimeML, brat)

    def records(self, type_: str) -> list[Line]:
        return self.lines.get(type_, [])


Corpus = dict[str, Doc]


def side_files(path: str | Path) -> list[Path]:
    """The files of one side: ``path`` itself or the evaluable files of a folder."""
    p = Path(path)
    if p.is_dir():
        files = sorted(
            f for f in p.iterdir()
            if f.is_file() and f.suffix.lower() in SUFFIXES and not (f.suffix.lower() == ".jsonl" and is_review_log(f))
        )  # fmt: skip
        if not files:
            raise InputError(EvalErrors.E050.format(path=path, patterns=", ".join(f"*{s}" for s in SUFFIXES)))
        return files
    if not p.exists():
        raise InputError(Errors.E001.format(path=path))
    return [p]


def load_side(path: str | Path, side: str = "gold") -> Corpus:
    """All documents of one side (``side`` names it in messages: "pred" or "gold")."""
    corpus: Corpus = {}
    for f in side_files(path):
        for doc in load_file(f, side):
            if doc.doc_id in corpus:
                raise RecordError(EvalErrors.E052.format(path=f, doc_id=doc.doc_id, other=corpus[doc.doc_id].path))
            corpus[doc.doc_id] = doc
    return corpus


def load_file(path: str | Path, side: str = "gold") -> list[Doc]:
    suffix = Path(path).suffix.lower()
    if suffix in CONVERTED_SUFFIXES or suffix in MULTI_SUFFIXES:  # TimeML, brat; claimex CSV, Label Studio JSON
        docs = []
        for gold in read_gold_documents(path):
            doc = Doc(gold.doc_id, gold.path, frozenset(gold.types), document=gold.lines[0].record, text=gold.text)
            for ln in gold.lines[1:]:
                doc.lines.setdefault(ln.record["type"], []).append(ln)
            docs.append(doc)
        return docs
    if suffix != ".jsonl":
        raise InputError(EvalErrors.E051.format(path=path, side=side, suffix=Path(path).suffix, expected=", ".join(SUFFIXES)))
    return _jsonl_docs(str(path))


def _jsonl_docs(path: str) -> list[Doc]:
    lines = list(read_jsonl(path))
    for ln in lines:
        problems = schema_errors(ln.record)
        if problems:
            raise RecordError(Errors.E021.format(path=path, line=ln.line, reason=problems[0]))
    out = []
    for doc_id, group in group_by_doc(lines).items():
        document = next((ln for ln in group if ln.record["type"] == "document"), None)
        types = frozenset(SCORED_TYPES)
        if document is not None and "annotated" in document.record:
            types = _annotated(path, document)
        elif document is not None and document.record.get("schema_version") == 1:
            types = frozenset(VERSION_1_TYPES)  # written before statistics existed
        doc = Doc(doc_id, path, types, document=document.record if document else None)
        for ln in group:
            if ln.record["type"] != "document":
                doc.lines.setdefault(ln.record["type"], []).append(ln)
        _check_grounding(doc)
        out.append(doc)
    return out


def _check_grounding(doc: Doc) -> None:
    """Every span of ``doc`` is its source's text (when the source can be found):
    a record that is not is an error, as in ``claimex validate``."""
    text = document_text(doc)
    if text is None:
        return
    doc.text = text
    for lines in doc.lines.values():
        for ln in lines:
            errs = grounding_errors(ln.record, text)
            if errs:
                raise RecordError(Errors.E021.format(path=ln.path, line=ln.line, reason=errs[0]))


def _annotated(path: str, document: Line) -> frozenset[str]:
    """The ``annotated`` list of a gold document record: the record types it covers."""
    value = document.record["annotated"]
    if not isinstance(value, list) or not all(v in SCORED_TYPES for v in value):
        reason = f"annotated: {value!r} is not a list of record types ({', '.join(SCORED_TYPES)})"
        raise RecordError(Errors.E021.format(path=path, line=document.line, reason=reason))
    return frozenset(value)


def document_text(doc: Doc | None) -> str | None:
    """The text a document's offsets refer to, when it can be found (else None)."""
    if doc is None:
        return None
    if doc.text is not None:
        return doc.text
    source = (doc.document or {}).get("source")
    if not isinstance(source, str):
        return None
    found = find_source(doc.path, source)
    if found is None:
        return None
    try:
        return read_source(found)
    except ClaimexError:
        return None
