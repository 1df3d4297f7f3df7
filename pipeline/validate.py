"""`claimex validate`: the schema and grounding check of JSONL files.

:func:`validate_file` returns ``file:line: message`` strings, one per problem;
an empty list means the file keeps the record contract. Grounding is checked
when a source is given or can be found from the file's document record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ClaimexError, Errors
from .ingest import read_source
from .records import find_source, grounding_errors, read_jsonl, schema_errors


@dataclass
class Report:
    path: str
    records: int = 0
    grounded: int = 0
    problems: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_file(path: str | Path, source: str | Path | None = None, *, check_sha: bool = False) -> Report:
    """Check every line of ``path`` against the contract (and its source)."""
    path = str(path)
    rep = Report(path)
    lines = _read_lines(path, rep)
    if lines is None:
        return rep
    seen_ids: set[str] = set()
    sources: dict[str, str] = {}  # doc_id -> source text
    given = None
    if source is not None:
        given = read_source(source)
    for ln in lines:
        rec = ln.record
        rep.records += 1
        _check_schema(rep, ln, seen_ids)
        if rec.get("type") == "document" and given is None:
            _load_source(rep, rec, sources, check_sha)
            continue
        text = given if given is not None else sources.get(str(rec.get("doc_id")))
        if text is not None:
            _check_grounding(rep, ln, text)
    if given is not None:
        rep.sources.append(str(source))
    elif not sources and any(ln.record.get("type") != "document" for ln in lines) and not any(
        ln.record.get("type") == "document" for ln in lines
    ):
        rep.problems.append(Errors.E027.format(path=path))
    return rep


def _read_lines(path: str, rep: Report) -> list | None:
    """The file's JSONL lines, or None after noting why there are none to check."""
    try:
        if Path(path).stat().st_size == 0:
            rep.problems.append(Errors.E002.format(path=path))
            return None
    except FileNotFoundError:
        rep.problems.append(Errors.E001.format(path=path))
        return None
    try:
        return list(read_jsonl(path, problems=rep.problems))
    except ClaimexError as exc:
        rep.problems.append(str(exc))
        return None


def _check_schema(rep: Report, ln, seen_ids: set[str]) -> None:
    """Schema problems of one record, and an id seen before."""
    rec = ln.record
    for msg in schema_errors(rec):
        rep.problems.append(Errors.E021.format(path=rep.path, line=ln.line, reason=msg))
    rid = rec.get("id")
    if isinstance(rid, str):
        if rid in seen_ids:
            rep.problems.append(Errors.E026.format(path=rep.path, line=ln.line, id=rid))
        seen_ids.add(rid)


def _load_source(rep: Report, rec: dict, sources: dict[str, str], check_sha: bool) -> None:
    """The source a document record names, found next to the file, kept for grounding (and its sha256 checked)."""
    path, src_name = rep.path, rec.get("source")
    if not isinstance(src_name, str):
        return
    found = find_source(path, src_name)
    if found is None:
        rep.problems.append(Errors.E024.format(path=path, source=src_name))
        return
    try:
        text = read_source(found)
    except ClaimexError as exc:
        rep.problems.append(str(exc))
        return
    sources[str(rec.get("doc_id"))] = text
    rep.sources.append(str(found))
    if check_sha:
        actual = hashlib.sha256(Path(found).read_bytes()).hexdigest()
        if actual != rec.get("sha256"):
            rep.problems.append(Errors.E028.format(path=path, source=found, actual=actual[:12], expected=str(rec.get("sha256"))[:12]))


def _check_grounding(rep: Report, ln, text: str) -> None:
    errs = grounding_errors(ln.record, text)
    for msg in errs:
        rep.problems.append(Errors.E021.format(path=rep.path, line=ln.line, reason=msg))
    if not errs:
        rep.grounded += 1
