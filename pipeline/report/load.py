"""Loading claimex outputs for the report and the review app.

:func:`load_docs` reads JSONL files (or folders of them), checks every line
against the record contract, finds each document's source file, refuses a
source whose sha256 differs from the document record's, and checks that every
span is grounded. Problems are raised as one-line :class:`ClaimexError`
messages naming the file and line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimexError, Errors, RecordError
from ..ingest import read_source
from ..records import Line, find_source, grounding_errors, is_review_log, read_jsonl, schema_errors


@dataclass
class LoadedDoc:
    doc_id: str
    document: dict  # the document record
    path: str  # the JSONL file it came from
    source_path: str
    text: str  # the source as claimex offsets see it
    sha256: str  # of the source bytes
    records: list[Line] = field(default_factory=list)  # span records, file order

    def by_type(self) -> dict[str, list[Line]]:
        out: dict[str, list[Line]] = {}
        for ln in self.records:
            out.setdefault(ln.record["type"], []).append(ln)
        return out


def collect_jsonl(paths: Iterable[str | Path], *, recursive: bool = True, error: type[ClaimexError] = RecordError) -> list[Path]:
    """Files as given; folders searched for *.jsonl (below every subfolder when
    ``recursive``; review logs and hidden files skipped). A folder without any,
    or a path that does not exist, raises ``error``."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            candidates = p.rglob("*.jsonl") if recursive else p.glob("*.jsonl")
            found = sorted(
                f for f in candidates
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts) and not is_review_log(f)
            )  # fmt: skip
            if not found:
                raise error(Errors.E088.format(path=p))
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise error(Errors.E001.format(path=p))
    return out


def sha256_file(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_records(path: str | Path) -> list[Line]:
    """Every line of a JSONL file, schema-checked; the first problem raises ``file:line: ...``."""
    lines = []
    for ln in read_jsonl(path):
        errs = schema_errors(ln.record)
        if errs:
            raise RecordError(Errors.E021.format(path=ln.path, line=ln.line, reason=errs[0]))
        lines.append(ln)
    return lines


def load_docs(
    paths: Iterable[str | Path],
    source: str | Path | None = None,
    *,
    texts: dict[str, tuple[str, str, str]] | None = None,
    only: set[str] | None = None,
    skipped: list[str] | None = None,
) -> list[LoadedDoc]:
    """The documents of ``paths`` (files or folders), in order of appearance.

    ``source`` overrides the document record's source path (one document only).
    ``texts`` maps doc_id -> (source path, text, sha256) already loaded (the
    gold side of a report reuses the output's source); a document found there
    is compared by sha256 instead of being read again. With ``only``, other
    documents are dropped before their source is looked for (their ids are
    appended to ``skipped``).
    """
    docs = _read_documents(collect_jsonl(paths))
    if only is not None:
        for doc_id in [d for d in docs if d not in only]:
            del docs[doc_id]
            if skipped is not None:
                skipped.append(doc_id)
    if source is not None and len(docs) != 1:
        raise RecordError(Errors.E073.format(count=len(docs), doc_ids=", ".join(docs) or "none"))
    for doc in docs.values():
        if texts and doc.doc_id in texts:
            src_path, text, sha = texts[doc.doc_id]
            if sha != doc.document["sha256"]:
                raise RecordError(Errors.E087.format(path=doc.path, doc_id=doc.doc_id, gold=doc.document["sha256"][:12], pred=sha[:12]))
        else:
            src_path, text, sha = _read_source(doc, source)
        doc.source_path, doc.text, doc.sha256 = src_path, text, sha
        for ln in doc.records:
            errs = grounding_errors(ln.record, text)
            if errs:
                raise RecordError(Errors.E021.format(path=ln.path, line=ln.line, reason=errs[0]))
    return list(docs.values())


def _read_documents(files: list[Path]) -> dict[str, LoadedDoc]:
    """The documents of the files by id (in order of appearance), each with its span records; no source read yet."""
    docs: dict[str, LoadedDoc] = {}
    pending: dict[str, list[Line]] = {}
    for f in files:
        for ln in read_records(f):
            rec = ln.record
            doc_id = rec["doc_id"]
            if rec["type"] == "document":
                if doc_id in docs:
                    raise RecordError(Errors.E089.format(path=f"{ln.path}:{ln.line}", doc_id=doc_id, other=docs[doc_id].path))
                docs[doc_id] = LoadedDoc(doc_id, rec, ln.path, "", "", "")
            else:
                pending.setdefault(doc_id, []).append(ln)
    for doc_id, lines in pending.items():
        if doc_id not in docs:
            raise RecordError(Errors.E072.format(path=lines[0].path, doc_id=doc_id))
        docs[doc_id].records.extend(lines)
    return docs


def _read_source(doc: LoadedDoc, source: str | Path | None) -> tuple[str, str, str]:
    """(path, text, sha256) of a document's source: ``source`` if given, else the one its record names,
    refused when its sha256 is not the record's."""
    if source is not None:
        found = Path(source)
        if not found.is_file():
            raise RecordError(Errors.E001.format(path=source))
    else:
        found = find_source(doc.path, doc.document["source"])
        if found is None:
            raise RecordError(Errors.E024.format(path=doc.path, source=doc.document["source"]))
    sha = sha256_file(found)
    expected = doc.document["sha256"]
    if sha != expected:
        raise RecordError(Errors.E070.format(path=doc.path, source=found, actual=sha[:12], expected=expected[:12]))
    return str(found), read_source(found), sha


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each blank-line separated block of ``text`` (whitespace trimmed)."""
    import re

    flat = text.replace("\r", " ")  # same length; CRLF files split like LF ones
    out = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", flat):
        out.append((m.start(), m.start() + len(m.group().rstrip())))
    return out
