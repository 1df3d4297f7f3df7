"""`claimex review OUTPUTS --export GOLD`: reviewed records as gold files.

One document gives one gold file (GOLD.jsonl); a set gives one file per
document in a folder (GOLD/<doc_id>.jsonl). The in-app Export button writes the
same files (:func:`export_folder`).

Kept: accepted records as they are, corrected records as corrected, added
records; dropped: rejected ones (and unreviewed ones unless
``keep_unreviewed``). The document record comes first; when records of a type
were left unreviewed, its ``annotated`` list leaves that type out, so that
``claimex eval`` does not score an incomplete gold as if it were complete. Ids are renumbered
per type in text order (``doc:type:0``, ``doc:type:1``...), so the same
review always exports the same ids, and ids of other records (a date's anchor,
a statistic's time, quote and comparison: ``refs`` in the type table) follow
the renumbering. Every record is checked against the schema and its
source before the file is written, atomically.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimexError, Errors, RecordError
from ..evaluate.matching import VERSION_1_TYPES
from ..records import (
    SPAN_TYPES,
    find_source,
    grounding_errors,
    is_review_log,
    schema_errors,
    write_jsonl_atomic,
)
from .session import ReviewSession, resolve_log_path


@dataclass
class ExportSummary:
    path: Path
    per_type: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    dropped_unreviewed: int = 0
    warnings: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=lambda: list(SPAN_TYPES))

    def line(self) -> str:
        kept = ", ".join(f"{t} {self.per_type[t]}" for t in SPAN_TYPES)
        st = self.by_status
        return (
            f"{self.path}: {sum(self.per_type.values())} records ({kept}) from {st['accepted']} accepted, "
            f"{st['edited']} corrected, {st['added']} added; {st['rejected']} rejected"
            + (f", {self.dropped_unreviewed} unreviewed left out" if self.dropped_unreviewed else "")
            + (f", {st['unreviewed']} unreviewed kept" if st["unreviewed"] else "")
        )


def gold_records(
    session: ReviewSession, doc_id: str | None = None, *, keep_unreviewed: bool = False, summary: ExportSummary | None = None
) -> list[dict]:
    """The document record then the kept span records of one document, renumbered and checked."""
    summary = summary or ExportSummary(Path("-"))
    doc_id = doc_id or session.doc.doc_id
    loaded = session.docs[doc_id]
    items = session.items(doc_id)
    kept = _kept_records(items, keep_unreviewed, summary)
    _renumber(kept, doc_id, session.table, summary)
    annotated = _annotated_types(session, doc_id, items, keep_unreviewed, summary)
    document = {k: v for k, v in loaded.document.items() if k not in ("annotated", "note")}
    if annotated != list(SPAN_TYPES):
        document["annotated"] = annotated
    reviewers = sorted({it["reviewer"] for it in items if it.get("reviewer")})
    what = "adjudication" if session.mode == "adjudication" else "review"
    document["note"] = f"gold from claimex {what} of {Path(loaded.path).name}" + (f" by {', '.join(reviewers)}" if reviewers else "")
    summary.annotated = annotated
    return [document, *kept]


def _kept_records(items: list[dict], keep_unreviewed: bool, summary: ExportSummary) -> list[dict]:
    """Copies of the records to export (not rejected; not unreviewed unless kept), counted by status."""
    kept = []
    for it in items:
        st = it["status"]
        if st == "rejected":
            summary.by_status[st] += 1
            continue
        if st == "unreviewed" and not keep_unreviewed:
            summary.dropped_unreviewed += 1
            continue
        summary.by_status[st] += 1
        kept.append(dict(it["current"]))
    return kept


def _renumber(kept: list[dict], doc_id: str, table: dict, summary: ExportSummary) -> None:
    """Sort the records by type and text order, number them per type, and make their references follow."""
    order = {t: i for i, t in enumerate(SPAN_TYPES)}
    kept.sort(key=lambda r: (order.get(r["type"], 99), r["start"], r["end"], r["id"]))
    id_map: dict[str, str] = {}
    n: Counter = Counter()
    for rec in kept:
        new = f"{doc_id}:{rec['type']}:{n[rec['type']]}"
        n[rec["type"]] += 1
        id_map[rec["id"]] = new
    for rec in kept:
        old_id = rec["id"]
        rec["id"] = id_map[old_id]
        _follow_refs(rec, old_id, table.get(rec["type"], {}).get("refs", {}), id_map, summary)
        summary.per_type[rec["type"]] += 1


def _annotated_types(session: ReviewSession, doc_id: str, items: list[dict], keep_unreviewed: bool, summary: ExportSummary) -> list[str]:
    """The types the gold claims to annotate, with a warning for each type it leaves out but has records of."""
    # a type is annotated when none of its records was left unreviewed (or all were kept)
    unreviewed = Counter(it["type"] for it in items if it["status"] == "unreviewed")
    # an output of schema version 1 was written before statistics existed: its review annotates none
    possible = VERSION_1_TYPES if session.docs[doc_id].document.get("schema_version") == 1 else SPAN_TYPES
    annotated = [t for t in possible if keep_unreviewed or not unreviewed[t]]
    prefix = f"{doc_id}: " if len(session.docs) > 1 else ""
    for t in SPAN_TYPES:
        if t not in possible and summary.per_type[t]:
            summary.warnings.append(
                f"{doc_id}: {t}: {summary.per_type[t]} record(s) kept, but the output (schema version 1) was not "
                f"searched for {t} records, so the gold does not claim to annotate {t}"
            )
        elif t in possible and t not in annotated:
            summary.warnings.append(
                f"{prefix}{t}: {unreviewed[t]} record(s) not reviewed, so the gold does not claim to annotate {t} "
                "(review them, or pass --keep-unreviewed)"
            )
    return annotated


_NOT_IDS = ("dct",)  # a date anchored to the publication date


def _follow_refs(rec: dict, old_id: str, refs: dict[str, str], id_map: dict[str, str], summary: ExportSummary) -> None:
    """Ids of other records (a date's anchor, a statistic's time, quote and comparison) follow the renumbering;
    one that points at a record not exported is set to null, with a warning."""
    for path, target in refs.items():
        *outer, key = path.split(".")
        holder = rec
        for part in outer:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if not isinstance(holder, dict) or holder.get(key) in (None, *_NOT_IDS):
            continue
        if holder[key] in id_map:
            holder[key] = id_map[holder[key]]
        else:
            summary.warnings.append(f"{old_id}: {path} {holder[key]!r} is not among the exported {target}s; set to null")
            holder[key] = None


def _portable_source(records: list[dict], dest: Path, source_path: str) -> None:
    """Keep the document record's ``source`` when the gold file will find it; else point it there from the gold's folder."""
    doc = records[0]
    found = find_source(dest, doc["source"])
    if found is not None and Path(found).resolve() == Path(source_path).resolve():
        return
    try:
        doc["source"] = Path(os.path.relpath(Path(source_path).resolve(), dest.resolve().parent)).as_posix()
    except ValueError:  # another drive
        doc["source"] = str(Path(source_path).resolve())


def _check_records(dest: Path, records: list[dict], text: str) -> None:
    seen: set[str] = set()
    for rec in records:
        errs = schema_errors(rec) + (grounding_errors(rec, text) if rec["type"] != "document" else [])
        if rec["id"] in seen:
            errs.append(f"duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        if errs:
            raise RecordError(Errors.E082.format(path=dest, id=rec["id"], reason=errs[0]))


def _check_target(dest: Path, session: ReviewSession, doc_id: str) -> None:
    """Never over an output or a log; over an existing file only when it is a gold of the same document."""
    resolved = dest.resolve()
    protected = {Path(d.path).resolve() for d in session.docs.values()} | {session.log_path.resolve()}
    if resolved in protected:
        raise ClaimexError(Errors.E090.format(path=dest))
    if not dest.exists():
        return
    if dest.is_dir() or is_review_log(dest):
        raise ClaimexError(Errors.E090.format(path=dest))
    doc = session.docs[doc_id]
    try:
        with open(dest, encoding="utf-8") as fh:
            first = json.loads(fh.readline())
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        first = None
    same = isinstance(first, dict) and first.get("type") == "document" and first.get("doc_id") == doc_id and first.get("sha256") == doc.sha256
    if not same:
        raise ClaimexError(Errors.E177.format(path=dest.parent, target=dest.name, doc_id=doc_id))


def _check_folder(folder: Path, session: ReviewSession) -> None:
    """Gold files must not land where the outputs under review are (they would be read as outputs)."""
    target = folder.resolve()
    for p in session.paths:
        here = p.resolve() if p.is_dir() else p.resolve().parent
        if target == here or (p.is_dir() and target.is_relative_to(here)):
            raise ClaimexError(Errors.E178.format(path=folder, folder=p))
    for d in session.docs.values():
        if target == Path(d.path).resolve().parent:
            raise ClaimexError(Errors.E178.format(path=folder, folder=Path(d.path).parent))


def write_gold(session: ReviewSession, dest: str | Path, doc_id: str | None = None, *, keep_unreviewed: bool = False) -> ExportSummary:
    """One document's gold, checked, written atomically to ``dest``."""
    dest = Path(dest)
    doc_id = doc_id or session.doc.doc_id
    _check_target(dest, session, doc_id)
    summary = ExportSummary(dest, warnings=list(session.log.warnings))
    records = gold_records(session, doc_id, keep_unreviewed=keep_unreviewed, summary=summary)
    _portable_source(records, dest, session.docs[doc_id].source_path)
    _check_records(dest, records, session.docs[doc_id].text)
    write_jsonl_atomic(dest, records)
    return summary


def export_folder(session: ReviewSession, folder: str | Path, *, keep_unreviewed: bool = False) -> list[ExportSummary]:
    """Every document's gold as ``FOLDER/<doc_id>.jsonl`` (all are checked before any is written)."""
    folder = Path(folder)
    _check_folder(folder, session)
    if folder.exists() and not folder.is_dir():
        raise ClaimexError(Errors.E090.format(path=folder))
    planned = []
    for doc_id in session.docs:
        dest = folder / f"{doc_id}.jsonl"
        _check_target(dest, session, doc_id)
        summary = ExportSummary(dest)
        records = gold_records(session, doc_id, keep_unreviewed=keep_unreviewed, summary=summary)
        _portable_source(records, dest, session.docs[doc_id].source_path)
        _check_records(dest, records, session.docs[doc_id].text)
        planned.append((dest, records, summary))
    folder.mkdir(parents=True, exist_ok=True)
    for dest, records, _ in planned:
        write_jsonl_atomic(dest, records)
    if planned and session.log.warnings:
        planned[0][2].warnings[:0] = list(session.log.warnings)
    return [s for _, _, s in planned]


def open_for_export(
    outputs,
    *,
    log_path: str | Path | None = None,
    source: str | Path | None = None,
    reviewer: str | None = None,
    adjudicate=None,
) -> ReviewSession:
    """The session an export reads (its log must exist; nothing is written to it)."""
    session_paths = [outputs] if isinstance(outputs, (str, Path)) else list(outputs)
    paths = [Path(p) for p in session_paths]
    log = Path(log_path) if log_path else resolve_log_path(paths, reviewer, adjudicate=bool(adjudicate))
    if not log.exists() and all(Path(p).exists() for p in session_paths):
        raise ClaimexError(Errors.E092.format(path=log, output=" ".join(map(str, session_paths))))
    return ReviewSession(session_paths, source=source, log_path=log, readonly=True, reviewer=reviewer, adjudicate=adjudicate)


def export_gold(
    output,
    dest: str | Path,
    *,
    log_path: str | Path | None = None,
    source: str | Path | None = None,
    keep_unreviewed: bool = False,
    reviewer: str | None = None,
    adjudicate=None,
) -> ExportSummary | list[ExportSummary]:
    """`claimex review OUTPUTS --export DEST`: a gold file (one document) or a folder of them (a set)."""
    dest = Path(dest)
    single = isinstance(output, (str, Path)) and Path(output).is_file()
    if single and dest.resolve() == Path(output).resolve():
        raise ClaimexError(Errors.E090.format(path=dest))
    session = open_for_export(output, log_path=log_path, source=source, reviewer=reviewer, adjudicate=adjudicate)
    try:
        if len(session.docs) == 1 and not dest.is_dir() and dest.suffix == ".jsonl":
            return write_gold(session, dest, keep_unreviewed=keep_unreviewed)
        if dest.suffix == ".jsonl" and not dest.is_dir():
            raise ClaimexError(Errors.E181.format(path=dest))
        return export_folder(session, dest, keep_unreviewed=keep_unreviewed)
    finally:
        session.close()
